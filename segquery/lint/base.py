"""The lint rule table: each rule is its RuleInfo (code, name, docs) plus a
small check function over a LintContext."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable

from segquery.lint.context import CheckFunction
from segquery.rules.registry import RuleInfo, register


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

    @property
    def code(self) -> str:
        return self.info.code


_LINT_RULES: dict[str, LintRule] = {}
_BY_CODE: list[LintRule] = []     # _LINT_RULES sorted, kept while no rule is registered (lint asks per file)


def lint_rule(info: RuleInfo, *, fix_effect: FixEffect = FixEffect.NONE) -> Callable[[CheckFunction], LintRule]:
    """Register `info` in the shared rule table and its check function as a lint rule."""

    def decorate(check: CheckFunction) -> LintRule:
        register(info)
        rule = LintRule(info, check, fix_effect)
        _LINT_RULES[info.code] = rule
        _BY_CODE.clear()
        return rule

    return decorate


def registered_lint_rules() -> list[LintRule]:
    """The rules registered so far, by code (`segquery.lint.rules` imports every rule module)."""
    if len(_BY_CODE) != len(_LINT_RULES):
        _BY_CODE[:] = sorted(_LINT_RULES.values(), key=lambda rule: rule.code)
    return list(_BY_CODE)
