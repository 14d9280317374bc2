"""Every rule's code, name and default, without importing the modules that declare the rules.

Resolving the rule selection and reading `ignore` directives need only these
three facts; `segquery.rules.catalog` imports every rule module (about a
quarter of a cold check's start-up) to give the whole RuleInfo. The facts
come from `segquery/rules/table.py`, generated from the catalog by
`python tools/gen_rules_doc.py` (a test keeps it fresh).
"""

from __future__ import annotations

from typing import NamedTuple

from segquery.rules.registry import lookup_keys
from segquery.rules.table import RULES


class RuleSummary(NamedTuple):
    code: str
    name: str
    default_enabled: bool


SUMMARIES: tuple[RuleSummary, ...] = tuple(RuleSummary(*row) for row in RULES)
_BY_CODE = {rule.code: rule for rule in SUMMARIES}
_BY_NAME = {rule.name: rule for rule in SUMMARIES}


def rule_codes() -> list[tuple[str, bool]]:
    """(code, enabled by default) of every rule, in the catalog's order."""
    return [(rule.code, rule.default_enabled) for rule in SUMMARIES]


def find_rule(code_or_name: str) -> RuleSummary | None:
    """A rule by its code (any case) or its name, as `segquery.rules.catalog.get_rule` finds it."""
    code, name = lookup_keys(code_or_name)
    return _BY_CODE.get(code) or _BY_NAME.get(name)
