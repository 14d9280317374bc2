"""L001 keyword-case: keywords and function names in other than upper case."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity, TextEdit
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast
from segquery.syntax.tokens import Token, TokenKind

@lint_rule(RuleInfo(
    code="L001", name="keyword-case", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="A keyword or function name is not written in upper case.",
    what_it_does="Checks the case of every keyword the query uses: sources and steps (`PROFILE`, `FILTER`...), "
                 "functions (`ISNULL`, `DATEDIFF`...), date parts, set and string operators, `ASC`/`DESC`, "
                 "`TRUE`/`FALSE` and, in real-time journeys, `RELATE`, `RELATEOPTIONAL` and `IN`. Names of tables, attributes, relationships, aliases and segments are not "
                 "keywords and are left alone.",
    why="Keywords are case-insensitive, but mixed spellings (`Date(`, `day`, `True`) make queries harder to "
        "scan and to search. Upper case sets the language apart from the Dataverse names, which are lower case. "
        "It applies to real-time journeys queries too: the segment designer writes mixed case "
        "(`Interaction(`, `.Having(Count() >= 1)`), which the service reads without regard to case.",
    example="profile(contact).Filter(DATEDIFF(day, birthdate, DateTimeUtcNow()) < 30)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(DAY, birthdate, DATETIMEUTCNOW()) < 30)",
    fix_safety="Safe: the case of a keyword has no meaning, and the tree of the fixed query is equal to the "
               "original. `AND`/`OR` words are left to L012 and `MINUS` to L003."),
    fix_effect=FixEffect.KEEPS_TREE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for token in _keyword_tokens(ctx):
        upper = token.text.upper()
        if token.text != upper and upper != "MINUS":
            yield ctx.report("L001", f"`{token.text}` is a keyword: write it in upper case, `{upper}`",
                             token.start, token.end,
                             fix=ctx.fix(f"Write `{upper}`", [TextEdit(token.start, token.end, upper)]))


def _keyword_tokens(ctx: LintContext) -> Iterator[Token]:
    seen: set[int] = set()
    for node in ctx.nodes(ast.Node):
        for token in _tokens_of(ctx, node):
            if token is not None and token.kind is TokenKind.WORD and token.start not in seen:
                seen.add(token.start)
                yield token


def _tokens_of(ctx: LintContext, node: ast.Node) -> Iterator[Token | None]:
    if node.call_name is not None or isinstance(node, (ast.DatePartName, ast.BooleanLiteral)):
        yield ctx.token_at(node.span.start)
    elif isinstance(node, ast.OrderKey) and node.direction is not None:
        yield ctx.previous_token(node.span.end)
    elif isinstance(node, (ast.StringTest, ast.InList)):
        yield ctx.next_token(ctx.outer_span(node.subject).end)
    elif isinstance(node, ast.SetOperation):
        for operand in node.operands[:-1]:
            yield ctx.next_token(ctx.outer_span(operand).end)
