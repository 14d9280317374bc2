"""The registry of every diagnostic code: syntax, validation, request,
workspace and lint rules share one table, so that each finding can be
selected, ignored and documented the same way."""

from segquery.rules.registry import (
    Category,
    FixAvailability,
    RuleInfo,
    all_rules,
    default_severity,
    get_rule,
    register,
)

__all__ = ["Category", "FixAvailability", "RuleInfo", "all_rules", "default_severity", "get_rule", "register"]
