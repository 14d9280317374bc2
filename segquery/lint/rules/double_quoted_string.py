"""L002 double-quoted-string: strings written with double quotes."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast
from segquery.syntax.printer import quote_string


@lint_rule(RuleInfo(
    code="L002", name="double-quoted-string", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A string is written with double quotes.",
    what_it_does="Reports string literals in double quotes and rewrites them with single quotes, escaping "
                 "any single quote inside. Outbound queries only: real-time journeys rejects double quotes, "
                 "so there they are an error of the parser (S035) with the same fix.",
    why="The language's strings are single-quoted. segquery accepts double quotes so that pasted text still "
        "parses, but the service may not.",
    example="PROFILE(contact).FILTER(address1_city == \"Seattle\")",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix_safety="Safe: the string's value is unchanged (`\"it's\"` becomes `'it\\'s'`), and so is the tree.",
    dialects=("outbound",)),
    fix_effect=FixEffect.KEEPS_TREE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.StringLiteral):
        if node.quote == '"':
            quoted = quote_string(node.value)
            yield ctx.report("L002", f"strings are single-quoted: write {quoted}", node.span.start, node.span.end,
                             fix=ctx.replace("Use single quotes", node.span, quoted))
