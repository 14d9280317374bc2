"""The lint rule table: each rule is its RuleInfo (code, name, docs) plus a
small check function over a LintContext."""

from __future__ import annotations

import enum
from typing import Callable

from segquery.fast_dataclass import dataclass
from segquery.lint.context import CheckFunction
from segquery.rules.registry import RuleInfo, register
from segquery.rules.scope import RuleScope


class FixEffect(enum.Enum):
    """What applying a rule's safe fix does to the query, as its docs promise.

    The property tests hold every rule to its promise.
    """

    NONE = "none"                    # the rule offers no fix
    KEEPS_TREE = "keeps-tree"        # the fixed text parses to an equal tree
    KEEPS_MEANING = "keeps-meaning"  # equal after `normal_form` (a documented identity)
    CHANGES_MEANING = "changes-meaning"  # only unsafe fixes; the docs say how the meaning changes


@dataclass(frozen=True)
class LintRule:
    info: RuleInfo
    check: CheckFunction
    fix_effect: FixEffect = FixEffect.NONE
    scope: RuleScope = RuleScope.QUERY

    @property
    def code(self) -> str:
        return self.info.code


_LINT_RULES: dict[str, LintRule] = {}
_SORTED: list[LintRule] | None = None   # _LINT_RULES by code, until the next rule registers (lint asks per file)


def lint_rule(info: RuleInfo, *, fix_effect: FixEffect = FixEffect.NONE,
              scope: RuleScope = RuleScope.QUERY) -> Callable[[CheckFunction], LintRule]:
    """Register `info` in the shared rule table and its check function as a lint rule
    (`scope`: what its findings depend on, segquery/rules/scope.py)."""

    def decorate(check: CheckFunction) -> LintRule:
        global _SORTED
        register(info)
        rule = LintRule(info, check, fix_effect, scope)
        _LINT_RULES[info.code] = rule
        _SORTED = None
        return rule

    return decorate


def registered_lint_rules() -> list[LintRule]:
    """The rules registered so far, by code (`segquery.lint.rules` imports every rule module)."""
    global _SORTED
    if _SORTED is None:
        _SORTED = sorted(_LINT_RULES.values(), key=lambda rule: rule.code)
    return list(_SORTED)
