"""`pull_schema` and `segquery schema pull` against the fake org."""

import io
import json

import pytest

from org_documents import METADATA, serve_schema
from org_fakes import API, org_url
from segquery.org import OrgError
from segquery.org.schema_pull import pull_schema, schema_text
from segquery.schema import SchemaError, parse_edmx
from segquery.schema.edmx_stream import parse_edmx_stream


def test_the_schema_has_exact_types_options_lookups_and_relationships(client, httpserver):
    serve_schema(httpserver, API)
    data = json.loads(schema_text(pull_schema(client), org_url(httpserver)))
    assert data == {
        "version": 1,
        "description": f"Pulled from {org_url(httpserver)} by segquery schema pull",
        "tables": {
            "contact": {
                "entity_set": "contacts", "primary_id": "contactid", "primary_name": "fullname",
                "attributes": {
                    "contactid": "uniqueidentifier",
                    "donotemail": {"type": "boolean", "options": {"0": "Allow", "1": "Do Not Allow"}},
                    "fullname": "string",
                    "gendercode": {"type": "picklist", "options": {"1": "Male", "2": "Female"}},
                    "new_tierid": {"type": "lookup", "targets": ["new_loyaltytier"]},
                    "xyz_leadscore": "money"}},
            "new_loyaltytier": {
                "entity_set": "new_loyaltytiers", "primary_id": "new_loyaltytierid", "primary_name": "new_name",
                "attributes": {"new_loyaltytierid": "uniqueidentifier", "new_name": "string"}}},
        "relationships": {
            "contact_new_loyaltytier_new_tierid": {
                "referencing_table": "contact", "referencing_attribute": "new_tierid",
                "referenced_table": "new_loyaltytier", "schema_name": "new_contact_tier"}},
        "interactions": {}}


def test_tables_limits_the_pull_and_an_unknown_table_is_named(client, httpserver):
    serve_schema(httpserver, API)
    assert list(pull_schema(client, tables=["Contact"]).tables) == ["contact"]
    with pytest.raises(OrgError) as caught:
        pull_schema(client, tables=["contcat"])
    assert caught.value.message == "the org has no table `contcat`; did you mean `contact`?"


def test_a_metadata_document_with_a_dtd_is_refused(client, httpserver):
    hostile = '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY lol "lol">]>\n<edmx:Edmx/>'
    httpserver.expect_request(API + "$metadata").respond_with_data(hostile, content_type="application/xml")
    with pytest.raises(OrgError) as caught:
        pull_schema(client)
    assert caught.value.message == (
        "the org's $metadata cannot be used: $metadata:2:1: refused: the document declares a DTD (<!DOCTYPE>); "
        "a $metadata document has none, and a DTD can expand entities or load external files")


def test_streaming_gives_the_same_schema_as_the_whole_document_reader():
    assert parse_edmx_stream(io.BytesIO(METADATA.encode())) == parse_edmx(METADATA)


def test_streamed_xml_errors_have_a_position():
    with pytest.raises(SchemaError) as caught:
        parse_edmx_stream(io.BytesIO(b"<edmx:Edmx xmlns:edmx='x'>\n <Schema>\n</edmx:Edmx>"))
    assert (caught.value.line, caught.value.column) == (3, 3)
    assert caught.value.message == "invalid XML: mismatched tag"
