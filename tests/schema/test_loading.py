"""load_schema: picking the format by content, and extending the default schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from segquery.schema import (AttributeType, SchemaError, default_schema, dump_json_schema, load_edmx_schema,
                             load_json_schema, load_schema)
from segquery.schema.reading import is_inline

FIXTURE = Path(__file__).parent / "fixtures" / "metadata_contact_account_lead.xml"

USER_SCHEMA = """
  {
    "version": 1,
    "tables": {
      "Contact": {"attributes": {"new_loyaltytier": {"type": "picklist", "options": {"1": "Gold"}}}},
      "new_membership": {
        "primary_id": "new_membershipid",
        "attributes": {"new_membershipid": "uniqueidentifier", "new_contactid": {"type": "lookup",
                       "targets": ["contact"]}}
      }
    },
    "relationships": {
      "new_membership_contact_new_contactid": {"referencing_table": "new_membership",
        "referencing_attribute": "new_contactid", "referenced_table": "contact"}
    }
  }
"""


def test_json_file_is_recognised_whatever_its_extension(tmp_path):
    path = tmp_path / "schema.txt"
    path.write_text(USER_SCHEMA, encoding="utf-8")
    assert load_schema(path) == load_json_schema(USER_SCHEMA)


def test_edmx_file_is_recognised():
    assert load_schema(FIXTURE) == load_edmx_schema(FIXTURE)
    assert load_schema(str(FIXTURE)).table("contact").entity_set == "contacts"


def test_inline_documents_are_accepted():
    assert load_schema(USER_SCHEMA).table("new_membership").primary_id == "new_membershipid"
    assert load_schema(FIXTURE.read_bytes()).table_names == load_edmx_schema(FIXTURE).table_names


def test_other_content_is_refused(tmp_path):
    path = tmp_path / "schema.yaml"
    path.write_text("version: 1\n", encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert str(caught.value) == (f"{path}: not a schema: expected a JSON schema (starting with `{{`) "
                                 "or a $metadata EDMX document (starting with `<`)")


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert caught.value.message.startswith("not a schema:")


def test_missing_file_is_a_schema_error(tmp_path):
    with pytest.raises(SchemaError) as caught:
        load_schema(tmp_path / "nope.json")
    assert caught.value.message == "cannot read the schema file: No such file or directory"
    assert caught.value.source == str(tmp_path / "nope.json")


def test_a_directory_is_a_schema_error(tmp_path):
    with pytest.raises(SchemaError) as caught:
        load_schema(tmp_path)
    assert caught.value.message == "cannot read the schema file: a directory, not a regular file: it is not read"


def test_a_device_is_a_schema_error_without_being_read():
    with pytest.raises(SchemaError) as caught:
        load_schema("/dev/zero")
    assert caught.value.message == ("cannot read the schema file: a character device, not a regular file: "
                                    "it is not read")


def test_a_file_name_with_a_nul_character_is_a_schema_error():
    with pytest.raises(SchemaError) as caught:
        load_schema("schema\x00.json")
    assert caught.value.message == "cannot read the schema file: embedded null byte"
    assert caught.value.source == "schema\x00.json"


@pytest.mark.parametrize("value,chars,expected", [
    ('{"version": 1}', "{", True),
    ('  \n\t{"version": 1}', "{", True),
    ('\ufeff{"version": 1}', "{", True),
    (b'\xef\xbb\xbf  <edmx/>', "<", True),
    ("schema.json", "{", False),
    ("", "{", False),
    ("<x/>", "{", False),
    (Path("{weird}.json"), "{", False),
])
def test_inline_detection(value, chars, expected):
    assert is_inline(value, chars) is expected


def test_user_schema_extends_the_default():
    merged = default_schema().merge(load_schema(USER_SCHEMA))
    contact = merged.table("contact")
    assert contact.name == "contact"
    assert contact.attribute("new_loyaltytier").type is AttributeType.PICKLIST
    assert contact.attribute("fullname").type is AttributeType.STRING
    assert merged.table("new_membership").primary_id == "new_membershipid"
    relationship = merged.relationship("new_membership_contact_new_contactid")
    assert relationship.other_end("contact") == "new_membership"
    assert relationship in merged.relationships_of("contact")
    assert len(merged.tables) == len(default_schema().tables) + 1
    assert default_schema().table("contact").attribute("new_loyaltytier") is None


def test_default_schema_round_trips_through_the_json_format():
    schema = default_schema()
    assert load_json_schema(dump_json_schema(schema)) == schema
