"""The JSON schema format: reading, exact error reports, writing, round trips."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segquery.schema import (Attribute, AttributeType, InteractionType, Relationship, Schema, SchemaError,
                             Table, dump_json_schema, load_json_schema, parse_json_schema)
from segquery.schema.json_format import schema_to_json_data
from segquery.lenient_json.paths import format_path, locate

T = AttributeType

EXAMPLE = textwrap.dedent("""\
    {
      "version": 1,
      "description": "A hand-written schema",
      "tables": {
        "contact": {
          "entity_set": "contacts",
          "primary_id": "contactid",
          "primary_name": "fullname",
          "attributes": {
            "contactid": "uniqueidentifier",
            "fullname": "string",
            "birthdate": "DateTime",
            "gendercode": {"type": "picklist", "options": {"1": "Male", "2": "Female"}},
            "donotemail": {"type": "boolean", "options": {"0": "Allow", "1": "Do Not Allow"}},
            "parentcustomerid": {"type": "customer", "targets": ["account", "contact"]},
            "_comment": "string"
          },
          "_note": "keys starting with _ are comments where the keys are fixed"
        }
      },
      "relationships": {
        "contact_account_parentcustomerid": {
          "referencing_table": "contact",
          "referencing_attribute": "parentcustomerid",
          "referenced_table": "account",
          "schema_name": "contact_customer_accounts"
        }
      },
      "interactions": {
        "EmailOpened": {
          "link_types": ["EmailOpened_ContactLink"],
          "attributes": {"emailDomain": "string", "timestamp": "datetime"}
        },
        "EmailSent": {}
      }
    }
    """)


def test_example_loads_into_the_exact_model():
    schema = load_json_schema(EXAMPLE)
    contact = schema.table("contact")
    assert contact == Table("contact", {
        "contactid": Attribute("contactid", T.UNIQUEIDENTIFIER),
        "fullname": Attribute("fullname", T.STRING),
        "birthdate": Attribute("birthdate", T.DATETIME),
        "gendercode": Attribute("gendercode", T.PICKLIST, {1: "Male", 2: "Female"}),
        "donotemail": Attribute("donotemail", T.BOOLEAN, {0: "Allow", 1: "Do Not Allow"}),
        "parentcustomerid": Attribute("parentcustomerid", T.CUSTOMER, None, ("account", "contact")),
        "_comment": Attribute("_comment", T.STRING),
    }, "contactid", "fullname", "contacts")
    assert schema.relationship("contact_account_parentcustomerid") == Relationship(
        "contact_account_parentcustomerid", "contact", "parentcustomerid", "account", "contact_customer_accounts")
    assert schema.interaction("EmailOpened") == InteractionType(
        "EmailOpened", ("EmailOpened_ContactLink",),
        {"emailDomain": Attribute("emailDomain", T.STRING), "timestamp": Attribute("timestamp", T.DATETIME)})
    assert schema.interaction("EmailSent") == InteractionType("EmailSent")


def test_minimal_document_is_an_empty_schema():
    schema = load_json_schema('{"version": 1}')
    assert (schema.table_names, schema.relationship_names, schema.interaction_names) == ([], [], [])


def test_primary_keys_are_stored_with_the_canonical_attribute_spelling():
    schema = load_json_schema('{"version": 1, "tables": {"t": {"primary_id": "ID", "primary_name": "Name", '
                              '"attributes": {"id": "uniqueidentifier", "name": "string"}}}}')
    assert (schema.table("t").primary_id, schema.table("t").primary_name) == ("id", "name")


def test_load_from_file_path_and_pathlike(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert load_json_schema(path) == load_json_schema(str(path)) == load_json_schema(EXAMPLE)
    assert load_json_schema(EXAMPLE.encode("utf-8")) == load_json_schema(EXAMPLE)


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.encode("utf-8"))
    assert load_json_schema(path).table("contact").primary_id == "contactid"
    assert load_json_schema("\ufeff" + EXAMPLE).table("contact").primary_id == "contactid"


# --- writing and round trips -------------------------------------------------

def test_dump_uses_the_short_form_when_possible():
    data = json.loads(dump_json_schema(load_json_schema(EXAMPLE), description="x"))
    attributes = data["tables"]["contact"]["attributes"]
    assert data["version"] == 1
    assert data["description"] == "x"
    assert attributes["fullname"] == "string"
    assert attributes["birthdate"] == "datetime"
    assert attributes["gendercode"] == {"type": "picklist", "options": {"1": "Male", "2": "Female"}}
    assert attributes["parentcustomerid"] == {"type": "customer", "targets": ["account", "contact"]}
    assert data["interactions"]["EmailSent"] == {}
    assert list(data["tables"]["contact"]) == ["entity_set", "primary_id", "primary_name", "attributes"]


def test_round_trip_of_the_example():
    schema = load_json_schema(EXAMPLE)
    text = dump_json_schema(schema)
    assert text.endswith("}\n")
    again = load_json_schema(text)
    assert again == schema
    assert dump_json_schema(again) == text
    assert schema_to_json_data(again) == json.loads(text)


_names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


@st.composite
def _attributes(draw) -> dict[str, Attribute]:
    result = {}
    for name in _unique(draw(st.lists(_names, max_size=6))):
        kind = draw(st.sampled_from(list(AttributeType)))
        options = None
        targets: tuple[str, ...] = ()
        if (kind.is_choice or kind is T.BOOLEAN) and draw(st.booleans()):
            options = draw(st.dictionaries(st.integers(-2**31, 2**31), st.text(max_size=12), max_size=4))
        if kind.is_lookup:
            targets = tuple(_unique(draw(st.lists(_names, max_size=3))))
        result[name] = Attribute(name, kind, options, targets)
    return result


@st.composite
def _schemas(draw) -> Schema:
    tables = {}
    for name in _unique(draw(st.lists(_names, max_size=4))):
        attributes = draw(_attributes())
        names = list(attributes) + [None]
        tables[name] = Table(name, attributes, draw(st.sampled_from(names)), draw(st.sampled_from(names)),
                             draw(st.one_of(st.none(), st.text(max_size=10))))
    relationships = {}
    for name in _unique(draw(st.lists(_names, max_size=4))):
        relationships[name] = Relationship(name, draw(_names), draw(_names), draw(_names),
                                           draw(st.one_of(st.none(), st.text(max_size=10))))
    interactions = {}
    for name in _unique(draw(st.lists(_names, max_size=3))):
        links = tuple(_unique(draw(st.lists(_names, max_size=3))))
        interactions[name] = InteractionType(name, links, draw(_attributes()))
    return Schema(tables, relationships, interactions)


@settings(max_examples=150, deadline=None)
@given(_schemas())
def test_round_trip_of_generated_schemas(schema):
    text = dump_json_schema(schema)
    assert load_json_schema(text) == schema
    assert dump_json_schema(load_json_schema(text), indent=None) == dump_json_schema(schema, indent=None)


# --- errors: exact message, JSON path, line and column -------------------------

def _error(text: str) -> SchemaError:
    with pytest.raises(SchemaError) as caught:
        load_json_schema(text)
    return caught.value


def test_error_parts_are_exposed_and_rendered():
    error = _error('{\n  "version": 1,\n  "tables": {"contact": {"attributes": {"fullname": "strng"}}}\n}')
    assert error.message == "unknown attribute type `strng`; did you mean `string`?"
    assert error.path == "$.tables.contact.attributes.fullname"
    assert (error.line, error.column) == (3, 53)
    assert error.source is None
    assert str(error) == ("<schema>:3:53: $.tables.contact.attributes.fullname: "
                          "unknown attribute type `strng`; did you mean `string`?")


def test_error_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "version": 3\n}\n', encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_json_schema(path)
    assert str(caught.value) == (f"{path}:2:14: $.version: unsupported schema format version 3; "
                                 "this segquery reads version 1")


BAD = [
    # (document, message, path, line, column)
    ('{"version": 1,, }', "invalid JSON: Expecting property name enclosed in double quotes", None, 1, 15),
    ('{\n "version": 1\n "tables": {}\n}', "invalid JSON: Expecting ',' delimiter", None, 3, 2),
    ("[1]", "expected an object, found an array", "$", 1, 1),
    ('{"tables": {}}', "missing required key `version`", "$", 1, 1),
    ('{"version": "1"}', "expected an integer, found a string", "$.version", 1, 13),
    ('{"version": true}', "expected an integer, found a boolean", "$.version", 1, 13),
    ('{"version": 1, "table": {}}', "unknown key `table`; did you mean `tables`?", "$.table", 1, 16),
    ('{"version": 1, "tables": []}', "expected an object, found an array", "$.tables", 1, 26),
    ('{"version": 1, "tables": {"contact": {}}}', "missing required key `attributes`", "$.tables.contact",
     1, 38),
    ('{\n "version": 1,\n "tables": {\n  "contact": {\n   "atributes": {}\n  }\n }\n}',
     "unknown key `atributes`; did you mean `attributes`?", "$.tables.contact.atributes", 5, 4),
    ('{\n "version": 1,\n "tables": {\n  "contact": {"attributes": {}},\n  "Contact": {"attributes": {}}\n }\n}',
     "duplicate table name `Contact`: `contact` is already defined (names are compared without regard to case)",
     "$.tables.Contact", 5, 3),
    ('{\n "version": 1,\n "tables": {\n  "contact": {"attributes": {"a": "string"}},\n'
     '  "contact": {"attributes": {}}\n }\n}',
     "duplicate key `contact`", "$.tables.contact", 5, 3),
    ('{"version": 1, "tables": {"bad name": {"attributes": {}}}}',
     "`bad name` is not a valid table name: a name starts with a letter or `_` and has only letters, digits "
     "and `_`", '$.tables["bad name"]', 1, 27),
    ('{"version": 1, "tables": {"c": {"attributes": {"1st": "string"}}}}',
     "`1st` is not a valid attribute name: a name starts with a letter or `_` and has only letters, digits "
     "and `_`", '$.tables.c.attributes["1st"]', 1, 48),
    ('{"version": 1, "tables": {"c": {"attributes": {"a": 5}}}}',
     "expected a type name or an object, found a number", "$.tables.c.attributes.a", 1, 53),
    ('{"version": 1, "tables": {"c": {"attributes": {"a": {"options": {}}}}}}',
     "missing required key `type`", "$.tables.c.attributes.a", 1, 53),
    ('{"version": 1, "tables": {"c": {"attributes": {"a": {"type": "picklist", "option": {}}}}}}',
     "unknown key `option`; did you mean `options`?", "$.tables.c.attributes.a.option", 1, 74),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "picklist", "options": {"x": "Male"}}}}}}',
     "option value `x` is not an integer", "$.tables.c.attributes.g.options.x", 1, 86),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "picklist", "options": {"1": 2}}}}}}',
     "expected a string, found a number", '$.tables.c.attributes.g.options["1"]', 1, 91),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "picklist", "options": {"1": "a", "01": "b"}}}}}}',
     "duplicate option value 1", '$.tables.c.attributes.g.options["01"]', 1, 96),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "string", "options": {"1": "Male"}}}}}}',
     "options are allowed only on picklist, state, status, multiselectpicklist and boolean attributes, "
     "not on string", "$.tables.c.attributes.g.options", 1, 72),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "string", "targets": ["account"]}}}}}',
     "targets are allowed only on lookup, customer and owner attributes, not on string",
     "$.tables.c.attributes.g.targets", 1, 72),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "lookup", "targets": "account"}}}}}',
     "expected an array, found a string", "$.tables.c.attributes.g.targets", 1, 83),
    ('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "lookup", "targets": ["a", "A"]}}}}}',
     "duplicate table `A`", "$.tables.c.attributes.g.targets[1]", 1, 89),
    ('{"version": 1, "tables": {"contact": {"primary_id": "contactidd", "attributes": '
     '{"contactid": "uniqueidentifier"}}}}',
     "primary_id `contactidd` is not an attribute of table `contact`; did you mean `contactid`?",
     "$.tables.contact.primary_id", 1, 53),
    ('{"version": 1, "tables": {"c": {"entity_set": 1, "attributes": {}}}}',
     "expected a string, found a number", "$.tables.c.entity_set", 1, 47),
    ('{"version": 1, "relationships": {"r": {"referencing_table": "c", "referenced_table": "a"}}}',
     "missing required key `referencing_attribute`", "$.relationships.r", 1, 39),
    ('{"version": 1, "relationships": {"r": {"referencing_table": "c d", "referencing_attribute": "x", '
     '"referenced_table": "a"}}}',
     "`c d` is not a valid table name: a name starts with a letter or `_` and has only letters, digits and `_`",
     "$.relationships.r.referencing_table", 1, 61),
    ('{"version": 1, "interactions": {"EmailOpened": {"link_types": ["A", "a"]}}}',
     "duplicate link type `a`", "$.interactions.EmailOpened.link_types[1]", 1, 69),
    ('{"version": 1, "interactions": {"EmailOpened": {"links": []}}}',
     "unknown key `links`; did you mean `link_types`?", "$.interactions.EmailOpened.links", 1, 49),
    ('{"version": 1, "interactions": {"EmailOpened": {"attributes": {"t": "when"}}}}',
     "unknown attribute type `when`", "$.interactions.EmailOpened.attributes.t", 1, 69),
    ('{"version": 1, "description": null}', "expected a string, found null", "$.description", 1, 31),
]


@pytest.mark.parametrize("document,message,path,line,column", BAD)
def test_bad_documents_report_exactly(document, message, path, line, column):
    error = _error(document)
    assert (error.message, error.path, error.line, error.column) == (message, path, line, column)
    if path is not None:  # a checked document's position is the start of a JSON token
        assert document.splitlines()[line - 1][column - 1] in '"{[-0123456789tfn'


def test_unreadable_file_is_a_schema_error(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(SchemaError) as caught:
        load_json_schema(missing)
    assert str(caught.value) == f"{missing}: cannot read the schema file: No such file or directory"


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"version": 1, "description": "caf\xe9"}')
    with pytest.raises(SchemaError) as caught:
        load_json_schema(path)
    assert str(caught.value) == (
        f"{path}:1:35: the file is not valid UTF-8 text: byte 0xe9 cannot be decoded")


def test_deeply_nested_json_is_reported_not_crashed():
    error = _error("[" * 100000 + "]" * 100000)
    assert error.message == "invalid JSON: nested too deeply"


def test_a_number_too_long_to_read_is_reported_where_it_is():
    digits = "1" * 5000
    error = _error('{\n  "description": "' + digits + '",\n  "x": 0.' + digits + ', "y": 1e' + digits
                   + ',\n  "version": ' + digits + "\n}")
    assert error.message == f"invalid JSON: the number has more than {sys.get_int_max_str_digits()} digits"
    assert (error.path, error.line, error.column) == (None, 4, 14)


def test_an_option_value_too_long_to_read_is_reported():
    digits = "1" * 5000
    error = _error('{"version": 1, "tables": {"c": {"attributes": {"g": {"type": "picklist", "options": {"'
                   + digits + '": "a"}}}}}}')
    assert error.message == "option value `11111111111111111111…` has too many digits"
    assert (error.path, error.line, error.column) == (f"$.tables.c.attributes.g.options[\"{digits}\"]", 1, 86)


def test_parse_json_schema_names_its_source():
    with pytest.raises(SchemaError) as caught:
        parse_json_schema('{"version": 1, "x": 1}', source="user.json")
    assert str(caught.value) == "user.json:1:16: $.x: unknown key `x`"


# --- the position locator ----------------------------------------------------

def test_format_path_quotes_odd_keys():
    assert format_path(()) == "$"
    assert format_path(("tables", "contact", "attributes", 0)) == "$.tables.contact.attributes[0]"
    assert format_path(("a b", "1", 'q"')) == '$["a b"]["1"]["q\\""]'


def test_locate_finds_values_keys_and_last_duplicates():
    text = '{"a": [1, {"b": "x"}], "c": {"d": 1, "d": 2}}'
    assert text[locate(text, ("a", 1, "b")):].startswith('"x"')
    assert text[locate(text, ("a", 1, "b"), key=True):].startswith('"b"')
    assert text[locate(text, ("c", "d")):].startswith("2")
    assert locate(text, ("a", 5)) is None
    assert locate(text, ("z",)) is None
    assert locate(text, ("a", "b")) is None
    assert locate("{}", ("a",)) is None
    assert locate("[]", (0,)) is None
    assert locate(text, ()) == 0


def test_positions_are_found_at_any_depth_json_reads():
    text = '{"version": 1,\n "tables": {"contact": {"attributes": {"deep": ' + "[" * 300 + "]" * 300 + "}}}}"
    with pytest.raises(SchemaError) as caught:
        parse_json_schema(text)
    assert str(caught.value) == ("<schema>:2:48: $.tables.contact.attributes.deep: "
                                 "expected a type name or an object, found an array")


def test_a_key_holding_half_a_surrogate_pair_is_found():
    text = '{"version": 1,\n "tables": {"contact": {"attributes": {"\\ud800": "text", "\\ud800": 5}}}}'
    with pytest.raises(SchemaError) as caught:
        parse_json_schema(text)
    assert str(caught.value) == '<schema>:2:58: $.tables.contact.attributes["\\ud800"]: duplicate key `\ud800`'
    assert locate(text, ("tables", "contact", "attributes", "\ud800"), key=True) == len(text.split("\n")[0]) + 58


def test_the_documented_example_is_valid():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text(encoding="utf-8")
    block = docs.split("```json\n", 1)[1].split("```", 1)[0]
    schema = load_json_schema(block)
    assert schema.table("contact").attribute("parentcustomerid").targets == ("account", "contact")
    assert schema.relationship("contact_account_parentcustomerid").other_end("account") == "contact"
    assert schema.interaction("EmailOpened").link_types == ("EmailOpened_ContactLink",)
