"""Helpers for the schema name rules: report a name in the wrong case, or an unknown one."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Applicability, Fix
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.suggest import did_you_mean
from segquery.syntax import ast


def check_case(ctx: ValidationContext, identifier: ast.Identifier, canonical: str, what: str) -> None:
    """V021 when `identifier` spells `canonical` with other case."""
    if identifier.name != canonical:
        ctx.report_node(codes.NAME_CASE, f"{what} `{identifier.name}` is named `{canonical}` in the schema",
                        identifier, fix=Fix.replace(f"Write `{canonical}`", identifier.span.start,
                                                    identifier.span.end, canonical))


def report_unknown(ctx: ValidationContext, code: str, identifier: ast.Identifier, message: str,
                   candidates: Iterable[str], *, listing: str | None = None) -> None:
    """An unknown-name diagnostic with the closest candidate as an unsafe fix."""
    suggestion = did_you_mean(identifier.name, candidates)
    fix = None
    if suggestion is not None:
        message += f"; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Rename to `{suggestion}`", identifier.span.start, identifier.span.end, suggestion,
                          Applicability.UNSAFE)
    elif listing:
        message += f"; {listing}"
    ctx.report_node(code, message, identifier, fix=fix)
