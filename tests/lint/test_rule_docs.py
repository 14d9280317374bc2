"""Every lint rule is documented, its examples show what it says, and
docs/rules.md matches the registry."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from segquery.engine import CheckOptions, check_text
from segquery.lint import FixEffect, lint_rules
from segquery.rules.catalog import all_rules
from segquery.rules.registry import FixAvailability

REPO_ROOT = Path(__file__).resolve().parents[2]

LINT_CODES = [rule.code for rule in lint_rules()]


def test_at_least_fifteen_lint_rules():
    assert len(LINT_CODES) >= 15


@pytest.mark.parametrize("rule", lint_rules(), ids=LINT_CODES)
def test_rule_is_fully_documented(rule):
    info = rule.info
    assert re.fullmatch(r"L\d{3}", info.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", info.name)
    for field in ("summary", "what_it_does", "why", "example", "use_instead", "fix_safety"):
        assert getattr(info, field).strip(), f"{info.code} has no {field}"
    assert (info.fix is FixAvailability.NONE) == (rule.fix_effect is FixEffect.NONE)
    assert (info.fix is FixAvailability.UNSAFE) == (rule.fix_effect is FixEffect.CHANGES_MEANING)


@pytest.mark.parametrize("code", LINT_CODES + ["L100", "L101", "L102"])
def test_example_shows_the_finding_and_use_instead_does_not(code):
    info = next(rule for rule in all_rules() if rule.code == code)
    # A rule of some dialects only is shown in the first of them.
    options = CheckOptions(select=(code,), extend_select=("L",) if code == "L101" else (),
                           dialect=info.dialects[0] if info.dialects else None)
    assert code in [d.code for d in check_text(info.example, options=options).diagnostics]
    assert code not in [d.code for d in check_text(info.use_instead, options=options).diagnostics]


def test_docs_rules_page_is_up_to_date():
    spec = importlib.util.spec_from_file_location("gen_rules_doc", REPO_ROOT / "tools" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (REPO_ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == module.render(), "docs/rules.md is stale: run `python tools/gen_rules_doc.py`"
    for rule in all_rules():
        assert f"### {rule.code} {rule.name}\n" in committed
