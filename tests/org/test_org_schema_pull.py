"""`pull_schema` and `segquery schema pull` against the fake org."""

import io
import re
import json

import pytest

from org_documents import ENTITY_DEFINITIONS, METADATA, serve_schema
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
                "display_name": "Contact",
                "entity_set": "contacts", "primary_id": "contactid", "primary_name": "fullname",
                "attributes": {
                    "contactid": "uniqueidentifier",
                    "donotemail": {"type": "boolean", "options": {"0": "Allow", "1": "Do Not Allow"}},
                    "fullname": "string",
                    "gendercode": {"type": "picklist", "display_name": "Gender", "options": {"1": "Male", "2": "Female"}},
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


class CountingReader(io.BytesIO):
    """A document that records the size of every read asked of it."""

    def __init__(self, data):
        super().__init__(data)
        self.reads = []

    def read(self, size=-1):
        chunk = super().read(size)
        self.reads.append(len(chunk))
        return chunk


def metadata_with(tables):
    entity = ('<EntityType Name="t{n}"><Key><PropertyRef Name="t{n}id"/></Key><Property Name="t{n}id" '
              'Type="Edm.Guid"/><Property Name="name" Type="Edm.String"/></EntityType>')
    body = "".join(entity.format(n=n) for n in range(tables))
    return METADATA.replace('<EntityType Name="crmbaseentity" Abstract="true"/>', body).encode()


def test_metadata_is_read_in_bounded_pieces_at_any_size():
    """Streamed: at n and 4n tables every read is at most 64 KiB and the reads grow with the document."""
    small, large = CountingReader(metadata_with(1_000)), CountingReader(metadata_with(4_000))
    assert len(parse_edmx_stream(small).tables) == 1_002
    assert len(parse_edmx_stream(large).tables) == 4_002
    assert max(small.reads) <= 1 << 16 and max(large.reads) <= 1 << 16
    assert sum(large.reads) == len(large.getvalue())
    assert 3 * len(small.reads) <= len(large.reads) <= 5 * len(small.reads)


def test_the_client_writes_metadata_to_its_file_as_it_arrives(client, httpserver):
    document = metadata_with(4_000)
    httpserver.expect_request(API + "$metadata").respond_with_data(document, content_type="application/xml")

    class Spool(io.BytesIO):
        writes = []

        def write(self, chunk):
            self.writes.append(len(chunk))
            return super().write(chunk)

    spool = Spool()
    assert client.download("$metadata", spool) == len(document)
    assert spool.getvalue() == document
    assert max(spool.writes) <= 1 << 16 and len(spool.writes) >= len(document) // (1 << 16)


def test_real_time_interaction_tables_the_org_has_come_with_the_tables_asked_for(client, httpserver):
    interaction = ('<EntityType Name="msdynmkt_emailopened"><Key><PropertyRef Name="msdynmkt_emailopenedid"/></Key>'
                   '<Property Name="msdynmkt_emailopenedid" Type="Edm.Guid"/>'
                   '<Property Name="msdynmkt_profileid" Type="Edm.String"/></EntityType>')
    metadata = METADATA.replace('<EntityType Name="crmbaseentity" Abstract="true"/>', interaction)
    serve_schema(httpserver, API, metadata)
    base = f"{API}EntityDefinitions(LogicalName='msdynmkt_emailopened')"
    httpserver.expect_request(base).respond_with_json({
        "LogicalName": "msdynmkt_emailopened", "EntitySetName": "msdynmkt_emailopeneds",
        "PrimaryIdAttribute": "msdynmkt_emailopenedid", "Attributes": [
            {"LogicalName": "msdynmkt_profileid", "AttributeType": "String", "AttributeTypeName": {"Value": "StringType"}}]})
    httpserver.expect_request(re.compile(re.escape(base) + "/Attributes/.*")).respond_with_json({"value": []})
    schema = pull_schema(client, tables=["contact"])
    assert list(schema.tables) == ["contact", "msdynmkt_emailopened"]
    assert schema.tables["msdynmkt_emailopened"].attribute("msdynmkt_profileid").type.value == "string"


def test_the_schema_file_is_rewritten_in_its_encoding_and_never_over_a_change_made_meanwhile(tmp_path):
    from segquery.org.schema_pull import schema_file

    path = tmp_path / "schema.json"
    path.write_bytes(b"\xef\xbb\xbf{\"version\": 1}\n")
    pulled = schema_file(str(path), '{"version": 1, "tables": {}}\n')
    assert (pulled.current, pulled.unchanged) == ('{"version": 1}\n', False)
    pulled.write()
    assert path.read_bytes() == b'\xef\xbb\xbf{"version": 1, "tables": {}}\n'
    stale = schema_file(str(path), '{"version": 1}\n')
    path.write_text('{"version": 1, "edited": true}\n')
    with pytest.raises(OrgError) as caught:
        stale.write()
    assert caught.value.message == f"{path}: changed on disk since it was read; not rewritten"
    assert path.read_text() == '{"version": 1, "edited": true}\n'


def test_option_sets_are_asked_for_with_expand_and_the_output_does_not_depend_on_answer_order(client, httpserver):
    serve_schema(httpserver, API)
    first = schema_text(pull_schema(client), "https://contoso.crm.dynamics.com")
    asked = {request.path.rsplit(".", 1)[-1]: request.query_string.decode() for request, _ in httpserver.log
             if "/Attributes/" in request.path}
    assert asked["PicklistAttributeMetadata"] == "$expand=OptionSet($select=Options)&$select=LogicalName"
    assert asked["BooleanAttributeMetadata"] == "$expand=OptionSet($select=TrueOption,FalseOption)&$select=LogicalName"
    httpserver.clear()
    shuffled = {table: dict(definition, Attributes=list(reversed(definition["Attributes"])))
                for table, definition in reversed(list(ENTITY_DEFINITIONS.items()))}
    serve_schema(httpserver, API, definitions=shuffled)
    assert schema_text(pull_schema(client), "https://contoso.crm.dynamics.com") == first
