"""The request codes are registered and documented, and the field facts match the reference data."""

import json
import re
from pathlib import Path

import pytest

from segquery.diagnostics import Severity
from segquery.requests import codes, schema
from segquery.rules.catalog import all_rules, get_rule
from segquery.rules.registry import Category, FixAvailability

from request_helpers import REPO_ROOT

CODE_CONSTANTS = {name: value for name, value in vars(codes).items()
                  if name.isupper() and isinstance(value, str) and re.fullmatch(r"R\d{3}", value)}


def test_every_code_constant_is_registered_once_and_listed():
    assert sorted(CODE_CONSTANTS.values()) == list(codes.ALL_CODES)
    registered = [rule.code for rule in all_rules() if rule.category is Category.REQUEST]
    assert registered == list(codes.ALL_CODES)


@pytest.mark.parametrize("code", codes.ALL_CODES)
def test_every_code_is_fully_documented(code):
    rule = get_rule(code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", rule.name)
    assert get_rule(rule.name) is rule
    assert rule.summary and rule.what_it_does and rule.why and rule.example
    assert (rule.fix is FixAvailability.NONE) == (rule.fix_safety == "")
    assert f"# {code} {rule.name}" in rule.markdown()


def test_docs_page_lists_every_code():
    page = (REPO_ROOT / "docs" / "requests.md").read_text()
    for code in codes.ALL_CODES:
        assert f"`{code}` {get_rule(code).name}" in page, code


def test_severities_of_advisory_codes():
    warnings = {rule.code for rule in all_rules() if rule.category is Category.REQUEST
                and rule.severity is Severity.WARNING}
    assert warnings == {"R015", "R022", "R023", "R029", "R033", "R034", "R040", "R047", "R050", "R051", "R054",
                        "R055"}


def _reference() -> Path | None:
    for candidate in (REPO_ROOT.parent / "shared", Path("/work/shared")):
        if (candidate / "reference" / "dataverse" / "marketing.json").is_file():
            return candidate / "reference" / "dataverse"
    return None


REFERENCE = _reference()


@pytest.mark.skipif(REFERENCE is None, reason="the reference data is not next to the repository")
def test_schema_matches_the_reference_data():
    marketing = json.loads((REFERENCE / "marketing.json").read_text())["msdyncrm_segment"]
    table = json.loads((REFERENCE / "tables.json").read_text())["tables"]["msdyncrm_segment"]
    assert (schema.TABLE, schema.ENTITY_SET) == (marketing["table"], marketing["entity_set"])
    for column, kind in table["attributes"].items():
        assert schema.COLUMNS[column] == kind, column
    assert set(schema.COLUMNS) == set(table["attributes"]) | set(marketing["fields"])
    for column, options in table["options"].items():
        assert schema.OPTION_SETS[column] == {item["value"]: item["label"] for item in options}, column
    for column, field in marketing["fields"].items():
        if field.get("max_length"):
            assert schema.MAX_LENGTHS[column] == field["max_length"], column
        if column in schema.OPTION_SETS:
            assert schema.OPTION_SETS[column] == {item["value"]: item["label"] for item in field["options"]}, column
    transitions = {item["value"]: tuple(item["allowed_transitions_to"])
                   for item in marketing["fields"]["statuscode"]["options"]}
    assert schema.STATUS_TRANSITIONS == transitions
    required = {column for column, field in marketing["fields"].items()
                if field.get("required_level") == "ApplicationRequired"}
    assert set(schema.REQUIRED_ON_CREATE) <= required


@pytest.mark.skipif(REFERENCE is None, reason="the reference data is not next to the repository")
def test_member_messages_match_the_reference_data():
    messages = {item["name"]: item["parameters"]
                for item in json.loads((REFERENCE / "marketing.json").read_text())["segment_api_messages"]}
    for name, message in schema.MEMBER_MESSAGES.items():
        assert messages[name] == [schema.SEGMENT_ID, message.member_parameter]
    assert messages[schema.VALIDATE_MESSAGE] == ["msdyncrm_segmentname", "msdyncrm_segmentquery",
                                                 "msdyncrm_segmenttype", "statuscode"]
