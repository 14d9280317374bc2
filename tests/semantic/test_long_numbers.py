"""A number too long for the language is S024 alone: no rule judges its value (and none crashes on it)."""

from __future__ import annotations

import pytest

from segquery.engine import CheckOptions, check_text

BIG = "9" * 400
S024 = "a number of 400 digits: numbers have at most 38 digits before and after the point"


@pytest.mark.parametrize(("text", "column"), [
    (f"PROFILE(contact).FILTER(birthdate == DATE(2024, {BIG}, 1))", 49),          # DATE part ranges
    (f"PROFILE(contact).FILTER(statecode == {BIG})", 38),                         # option values
    (f"INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() >= {BIG})", 69),  # HAVING counts
])
def test_a_too_long_number_is_one_finding_with_every_rule_enabled(text, column):
    report = check_text(text, options=CheckOptions(select=("ALL",), ignore=("L011",)))
    assert [(d.code, d.range.start.column, d.range.end.column, d.message) for d in report.diagnostics] == [
        ("S024", column, column + 400, S024)]
