"""What the schema name rules share: the two codes each of them reports (V021, a name written in
another case; V046, a name the bundled schema does not have), and the helpers that report a name in
the wrong case or an unknown one."""

from __future__ import annotations

from typing import Iterable

from segquery.diagnostics import Applicability, Fix
from segquery.rules.registry import Category, FixAvailability, define
from segquery.semantic.context import ValidationContext
from segquery.severity import Severity
from segquery.suggest import did_you_mean, typo_of
from segquery.syntax import ast

NAME_CASE = define(
    "V021", "name-case", "A table, attribute, relationship, interaction, link type or alias in another case.",
    category=Category.SCHEMA,
    what="Reports a name that the schema (or the alias declaration) spells with other upper/lower case, "
         "such as `Contact` for the table `contact`.",
    why="Dataverse logical names are lower case and interaction names are fixed; writing them as the "
        "schema does keeps queries consistent and avoids surprises where a consumer compares names exactly.",
    example="PROFILE(Contact).FILTER(Address1_City == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="Only the case changes, and names are matched without regard to case.")

NOT_IN_BUNDLED_SCHEMA = define(
    "V046", "not-in-bundled-schema", "A table, attribute or relationship the bundled standard schema does not have.",
    category=Category.SCHEMA,
    what="When no schema is configured, reports a table, attribute or relationship name that the bundled "
         "standard schema does not have and that is not a typo of a name it has (one edit away for names "
         "of up to 7 characters, two for longer ones; see docs/validation.md). Typos of standard names "
         "stay errors (V020, V022, V023) with a did-you-mean fix. In real-time journeys the same holds for "
         "RELATE relationship schema names (V051), interaction tables (V055) and their columns.",
    why="Every real org has custom tables and columns (with a publisher prefix such as `new_` or `xyz_`) "
        "and standard tables the bundled schema does not describe: a name the bundled schema does not "
        "know is not evidence of a mistake, but nothing about it is checked either. Configure your org's "
        "schema (`schema = \"...\"` in segquery.toml, or in [tool.segquery] of pyproject.toml) and such "
        "names are checked, with errors for the unknown ones.",
    example="PROFILE(contact).FILTER(xyz_leadscore > 50)",
    use_instead="// checked with `schema = \"schema/contoso.json\"` in segquery.toml: the org's schema has "
                "xyz_leadscore\nPROFILE(contact).FILTER(xyz_leadscore > 50)",
    severity=Severity.WARNING)


CONFIGURE_SCHEMA = ("to check your org's own names, configure its schema "
                    "(`schema = \"...\"` in segquery.toml or [tool.segquery])")


def check_case(ctx: ValidationContext, identifier: ast.Identifier, canonical: str, what: str) -> None:
    """V021 when `identifier` spells `canonical` with other case."""
    if identifier.name != canonical:
        ctx.report_node(NAME_CASE, f"{what} `{identifier.name}` is named `{canonical}` in the schema",
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
    ctx.report_node(NOT_IN_BUNDLED_SCHEMA, f"{subject} is not in the bundled standard schema; "
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
