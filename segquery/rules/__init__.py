"""The registry of every diagnostic code: syntax, validation, request,
workspace and lint rules share one table, so that each finding can be
selected, ignored and documented the same way.

`all_rules` and `get_rule` come from `segquery.rules.catalog`, imported on
first use: it loads every module that declares codes, and those modules
import `segquery.rules.registry`, which must stay light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from segquery.rules.registry import (
    Category,
    FixAvailability,
    RuleInfo,
    default_severity,
    register,
)

if TYPE_CHECKING:
    from segquery.rules.catalog import all_rules, get_rule

_CATALOG_NAMES = ("all_rules", "get_rule")


def __getattr__(name: str) -> Any:
    if name in _CATALOG_NAMES:
        from segquery.rules import catalog
        return getattr(catalog, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Category", "FixAvailability", "RuleInfo", "all_rules", "default_severity", "get_rule", "register"]
