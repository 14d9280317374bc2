"""The linter: rules beyond the validator, each a small module with its
docs and a check over a shared LintContext.

    lint(query, source, enabled=lambda code: True, line_length=88) -> list[Diagnostic]
"""

from __future__ import annotations

from typing import Callable

from segquery.config import DEFAULT_LINE_LENGTH  # one default for the linter and the formatter
from segquery.diagnostics import Diagnostic, sorted_diagnostics
from segquery.lint.base import FixEffect, LintRule
from segquery.lint.rules import all_lint_rules
from segquery.lint.context import LintContext
from segquery.lint.fixes import FixResult, apply_fixes, fix_until_stable
from segquery.lint.normal_form import normal_form
from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND


def lint_rules() -> list[LintRule]:
    """Every lint rule, by code."""
    return all_lint_rules()


def applies_to(rule: LintRule, dialect: Dialect) -> bool:
    """Whether the rule runs in the dialect: a rule that names its dialects runs only in those."""
    return not rule.info.dialects or dialect.name in rule.info.dialects


def lint(query: ast.Query, source: SourceText, *, enabled: Callable[[str], bool] | None = None,
         line_length: int = DEFAULT_LINE_LENGTH, dialect: Dialect = OUTBOUND) -> list[Diagnostic]:
    """The findings of the enabled lint rules (all default-enabled ones when `enabled` is None)."""
    rules = [rule for rule in lint_rules() if applies_to(rule, dialect)
             and (enabled(rule.code) if enabled is not None else rule.info.default_enabled)]
    if not rules:
        return []
    context = LintContext(query, source, line_length=line_length, lexicon=dialect.lexicon)
    found: list[Diagnostic] = []
    for rule in rules:
        found.extend(rule.check(context))
    return sorted_diagnostics(found)


__all__ = ["DEFAULT_LINE_LENGTH", "FixEffect", "FixResult", "LintContext", "LintRule", "applies_to", "apply_fixes",
           "fix_until_stable", "lint", "lint_rules", "normal_form"]
