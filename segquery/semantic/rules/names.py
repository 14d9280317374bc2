"""Helpers for the schema name rules: report a name in the wrong case, or an unknown one."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Applicability, Fix
from segquery.semantic import codes
from segquery.semantic.context import ValidationContext
from segquery.suggest import did_you_mean, typo_of
from segquery.syntax import ast

CONFIGURE_SCHEMA = ("to check your org's own names, configure its schema "
                    "(`schema = \"...\"` in segquery.toml or [tool.segquery])")


def check_case(ctx: ValidationContext, identifier: ast.Identifier, canonical: str, what: str) -> None:
    """V021 when `identifier` spells `canonical` with other case."""
    if identifier.name != canonical:
        ctx.report_node(codes.NAME_CASE, f"{what} `{identifier.name}` is named `{canonical}` in the schema",
                        identifier, fix=Fix.replace(f"Write `{canonical}`", identifier.span.start,
                                                    identifier.span.end, canonical))


def report_unknown(ctx: ValidationContext, code: str, identifier: ast.Identifier, message: str,
                   candidates: Iterable[str], *, listing: str | None = None) -> None:
    """An unknown-name diagnostic with the closest candidate as an unsafe fix."""
    _report(ctx, code, identifier, message, did_you_mean(identifier.name, candidates), listing)


def report_unknown_org_name(ctx: ValidationContext, code: str, identifier: ast.Identifier, message: str,
                            candidates: Iterable[str], subject: str, *,
                            typo_candidates: Iterable[str] | None = None, known_elsewhere: bool = False) -> None:
    """An unknown table, attribute or relationship: names an org can add.

    With a configured schema, `code` as `report_unknown` reports it. With the
    bundled standard schema alone, only a typo of a standard name (`typo_of`,
    suggesting that name) and a name `known_elsewhere` in the bundled schema
    (an attribute of another table) are reported that way; any other name may
    be one of the org's own, and gets the V046 warning, which says `subject`
    is not in the bundled schema. `typo_candidates` (default: `candidates`)
    are the standard names a typo is looked for in.
    """
    if not ctx.bundled_schema or known_elsewhere:
        report_unknown(ctx, code, identifier, message, candidates)
        return
    typo = typo_of(identifier.name, candidates if typo_candidates is None else typo_candidates)
    if typo is not None:
        _report(ctx, code, identifier, message, typo, None)
        return
    ctx.report_node(codes.NOT_IN_BUNDLED_SCHEMA, f"{subject} is not in the bundled standard schema; "
                    f"{CONFIGURE_SCHEMA}", identifier)


def _report(ctx: ValidationContext, code: str, identifier: ast.Identifier, message: str, suggestion: str | None,
            listing: str | None) -> None:
    fix = None
    if suggestion is not None:
        message += f"; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Rename to `{suggestion}`", identifier.span.start, identifier.span.end, suggestion,
                          Applicability.UNSAFE)
    elif listing:
        message += f"; {listing}"
    ctx.report_node(code, message, identifier, fix=fix)
