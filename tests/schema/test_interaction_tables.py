"""Real-time interaction tables and relationship schema names in the schema model, the JSON
format and the bundled schema."""

from __future__ import annotations

import textwrap

import pytest

from segquery.schema import (Attribute, AttributeType, InteractionTable, Schema, SchemaError, default_schema,
                             dump_json_schema, parse_json_schema)

T = AttributeType

CUSTOM = textwrap.dedent("""\
    {
      "version": 1,
      "interaction_tables": {
        "new_webinarjoined": {
          "profile_id_columns": ["msdynmkt_entityid"],
          "attributes": {"new_webinarname": "string", "msdynmkt_originaltimestamp": "datetime"}
        },
        "new_formfilled": {}
      }
    }
    """)


def test_custom_interaction_tables_load_into_the_model():
    schema = parse_json_schema(CUSTOM)
    assert schema.interaction_tables == {
        "new_webinarjoined": InteractionTable("new_webinarjoined", ("msdynmkt_entityid",), {
            "new_webinarname": Attribute("new_webinarname", T.STRING),
            "msdynmkt_originaltimestamp": Attribute("msdynmkt_originaltimestamp", T.DATETIME)}),
        "new_formfilled": InteractionTable("new_formfilled", ("msdynmkt_entityid", "msdynmkt_profileid"), {}),
    }


def test_interaction_tables_round_trip():
    schema = parse_json_schema(CUSTOM)
    assert parse_json_schema(dump_json_schema(schema)) == schema


@pytest.mark.parametrize("section, message, path", [
    ('{"t": {"profile_id_columns": []}}', "an interaction table needs at least one profile id column",
     "$.interaction_tables.t.profile_id_columns"),
    ('{"t": {"profile_ids": ["x"]}}', "unknown key `profile_ids`; did you mean `profile_id_columns`?",
     "$.interaction_tables.t.profile_ids"),
    ('{"t": {"profile_id_columns": ["a", "A"]}}', "duplicate profile id column `A`",
     "$.interaction_tables.t.profile_id_columns[1]"),
    ('{"t": {}, "T": {}}', "duplicate interaction table name `T`: `t` is already defined (names are compared "
     "without regard to case)", "$.interaction_tables.T"),
])
def test_bad_interaction_tables_are_reported(section, message, path):
    with pytest.raises(SchemaError) as caught:
        parse_json_schema('{"version": 1, "interaction_tables": ' + section + '}')
    assert (caught.value.message, caught.value.path) == (message, path)


def test_profile_id_columns_and_discriminators_are_columns():
    table = InteractionTable("t", ("msdynmkt_entityid",), {"msdynmkt_reason": Attribute("msdynmkt_reason", T.STRING)})
    assert table.attribute("MSDYNMKT_ENTITYID") == Attribute("msdynmkt_entityid", T.UNIQUEIDENTIFIER)
    assert table.attribute("msdynmkt_entityid_logicalname") == Attribute("msdynmkt_entityid_LogicalName",
                                                                         T.ENTITYNAME)
    assert table.attribute("msdynmkt_profileid_LogicalName") is None
    assert table.discriminated_column("msdynmkt_entityid_LogicalName") == "msdynmkt_entityid"
    assert table.discriminated_column("msdynmkt_reason") is None
    assert table.attribute_names == ["msdynmkt_reason", "msdynmkt_entityid", "msdynmkt_entityid_LogicalName"]


def test_merge_adds_profile_id_columns_and_attributes():
    mine = Schema(interaction_tables={"t": InteractionTable("t", ("msdynmkt_entityid",), {})})
    theirs = Schema(interaction_tables={
        "T": InteractionTable("T", ("msdynmkt_profileid",), {"x": Attribute("x", T.STRING)}),
        "u": InteractionTable("u")})
    merged = mine.merge(theirs)
    assert merged.interaction_tables == {
        "t": InteractionTable("t", ("msdynmkt_entityid", "msdynmkt_profileid"), {"x": Attribute("x", T.STRING)}),
        "u": InteractionTable("u"),
    }


def test_bundled_interaction_tables_follow_the_vendor_reference():
    schema = default_schema()
    assert len(schema.interaction_tables) == 19
    clicked = schema.interaction_table("msdynmkt_emaillinkclicked")
    assert clicked.profile_id_columns == ("msdynmkt_entityid", "msdynmkt_profileid")
    assert list(clicked.attributes) == [
        "msdynmkt_journeyid", "msdynmkt_journeyrunid", "msdynmkt_messagetemplateid", "msdynmkt_profileid",
        "msdynmkt_targetentity", "msdynmkt_actionid", "msdynmkt_businessunitid", "msdynmkt_originaltimestamp",
        "msdynmkt_emailaddress", "msdynmkt_sourcesystem",
        "msdynmkt_targeturl", "msdynmkt_linkname", "msdynmkt_linktext", "msdynmkt_details"]
    assert clicked.attribute("msdynmkt_originaltimestamp").type is T.DATETIME
    assert clicked.attribute("msdynmkt_journeyid").type is T.UNIQUEIDENTIFIER
    push = schema.interaction_table("msdynmkt_pushnotificationsent")
    assert list(push.attributes)[-2:] == ["msdynmkt_deviceid", "msdynmkt_platform"]
    assert schema.interaction_table("msdynmkt_emaildelivered").attribute("msdynmkt_deliveredcount").type is T.INTEGER
    assert list(schema.interaction_table("msdynmkt_smsbounced").attributes)[8:] == [
        "msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_reason", "msdynmkt_recipientphonenumer",
        "msdynmkt_senderphonenumber"]


def test_relationships_are_found_by_schema_name_with_both_ends():
    schema = default_schema()
    relationship = schema.relationship_by_schema_name("Contact_Customer_Accounts")
    assert (relationship.name, relationship.referencing_table, relationship.referencing_attribute,
            relationship.referenced_table) == ("contact_account_parentcustomerid", "contact", "parentcustomerid",
                                               "account")
    assert relationship.other_end("account") == "contact"
    assert schema.relationship_by_schema_name("contact_account_parentcustomerid") is None
