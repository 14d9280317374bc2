"""Every rule segquery has: importing this module imports each module that
declares codes (listed below, one import each), so the table it reads is
complete. `segquery rules`, the docs, configuration and the outputs ask here."""

from __future__ import annotations

from segquery.lenient_json import codes as json_codes
from segquery.lint import rules as lint_rules
from segquery.migrate import codes as migration_codes
from segquery.query_plan import codes as query_plan_codes
from segquery.requests import codes as request_codes
from segquery.rules.registry import RuleInfo, find_registered, registered_rules
from segquery.semantic import realtime_rules, specified_rules
from segquery.syntax import codes as syntax_codes
from segquery.workspace import codes as workspace_codes

# The modules that declare codes. Add a module here when it declares new codes.
# The validation rules declare their codes in their own modules, which the two rule tuples import.
RULE_MODULES = (syntax_codes, json_codes, request_codes, specified_rules, realtime_rules, workspace_codes, lint_rules,
                query_plan_codes, migration_codes)


def all_rules() -> list[RuleInfo]:
    """Every rule, by code."""
    return registered_rules()


def get_rule(code_or_name: str) -> RuleInfo | None:
    """A rule by its code (any case) or its name."""
    return find_registered(code_or_name)
