"""The real-time journeys codes: registered in V050-V079 with full docs, and each rule's
documented example is reported while its `use instead` is clean, in that dialect."""

import pytest

from segquery.rules import Category, all_rules, get_rule
from segquery.semantic.realtime_rules import REALTIME_RULES

from realtime_helpers import realtime_diagnostics

CODES = [rule for rule in all_rules() if rule.code.startswith("V") and "realtime" in rule.dialects]


def test_codes_are_registered_in_their_range_for_the_dialect():
    assert [rule.code for rule in CODES] == [f"V0{number}" for number in range(50, 69)]
    assert all(rule.dialects == ("realtime",) for rule in CODES)
    emitted = {code for rule in REALTIME_RULES for code in rule.codes}
    assert {rule.code for rule in CODES} <= emitted


def test_the_rule_set_reuses_outbound_codes_that_mean_the_same():
    emitted = {code for rule in REALTIME_RULES for code in rule.codes}
    assert sorted(code for code in emitted if int(code[1:]) < 50) == [
        "V007", "V014", "V017", "V021", "V022", "V030", "V031", "V032", "V033", "V034", "V035", "V036",
        "V037", "V038", "V040", "V041", "V046"]


@pytest.mark.parametrize("rule", CODES, ids=lambda rule: rule.code)
def test_docs_are_complete(rule):
    assert rule.category in (Category.VALIDATION, Category.SCHEMA)
    for field in ("summary", "what_it_does", "why", "example", "use_instead"):
        assert getattr(rule, field).strip(), field
    assert rule.fix_safety or rule.fix.value == "none"
    assert get_rule(rule.name) is rule


@pytest.mark.parametrize("rule", CODES, ids=lambda rule: rule.code)
def test_example_is_reported_and_use_instead_is_clean(rule):
    assert rule.code in [d.code for d in realtime_diagnostics(rule.example)]
    assert realtime_diagnostics(rule.use_instead) == []
