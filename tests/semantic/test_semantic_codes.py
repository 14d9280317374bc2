"""Every validator code is registered with full docs, and its documented
example is reported while its `use instead` is clean."""

import pytest

from segquery.rules import Category, all_rules, get_rule
from segquery.schema import Attribute, AttributeType, Schema, Table, default_schema
from segquery.semantic import SPECIFIED_RULES

from semantic_helpers import codes_of

# The outbound dialect's codes (and those of every dialect); real-time codes: test_realtime_codes.py.
CODES = [rule for rule in all_rules() if rule.code.startswith("V") and not rule.dialects]

# V046's advice is to configure the org's schema: its `use instead` is checked with one.
_ORG = Schema(tables={"contact": Table("contact", {
    "xyz_leadscore": Attribute("xyz_leadscore", AttributeType.INTEGER)})})
USE_INSTEAD_OPTIONS = {"V046": {"schema": default_schema().merge(_ORG)}}


def test_codes_are_registered():
    assert len(CODES) == 41
    emitted = {code for rule in SPECIFIED_RULES for code in rule.codes}
    assert emitted == {rule.code for rule in CODES}


@pytest.mark.parametrize("rule", CODES, ids=lambda rule: rule.code)
def test_docs_are_complete(rule):
    assert rule.category in (Category.VALIDATION, Category.SCHEMA)
    for field in ("summary", "what_it_does", "why", "example"):
        assert getattr(rule, field).strip(), field
    assert rule.fix_safety or rule.fix.value == "none"
    assert get_rule(rule.name) is rule


@pytest.mark.parametrize("rule", CODES, ids=lambda rule: rule.code)
def test_example_is_reported_and_use_instead_is_clean(rule):
    assert rule.code in codes_of(rule.example)
    if rule.use_instead:
        assert rule.code not in codes_of(rule.use_instead, **USE_INSTEAD_OPTIONS.get(rule.code, {}))

