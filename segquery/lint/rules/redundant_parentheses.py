"""L005 redundant-parentheses: parentheses that group nothing."""

from __future__ import annotations

from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import ATOM, STRING, SUM, LintContext, strength
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.source import Span
from segquery.syntax import ast


@lint_rule(RuleInfo(
    code="L005", name="redundant-parentheses", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="Parentheses that change nothing.",
    what_it_does="Reports parentheses that neither change how the query is read nor make a mix of operators "
                 "clearer: double parentheses, parentheses around a single value or a single comparison "
                 "inside a condition, around a `&&` chain inside another `&&` chain, and around a single "
                 "segment or chain in a set operation. Parentheses around an `&&` group inside `||`, around "
                 "`*`/`/` inside `+`/`-`, and around mixed set operators are kept: they help the reader. "
                 "One pair around the whole condition of FILTER or HAVING (`FILTER((a || b))`) is kept "
                 "too: the query designer writes every condition that way, and a query copied from it "
                 "should come out clean; a second pair there (`FILTER(((a || b)))`) is reported.",
    why="Extra parentheses make the reader look for a grouping that is not there.",
    example="PROFILE(contact).FILTER(((statecode == 0)) && (address1_city == 'Seattle'))",
    use_instead="PROFILE(contact).FILTER(statecode == 0 && address1_city == 'Seattle')",
    fix_safety="Safe: removing the parentheses keeps the query's meaning; where a `&&` chain loses its "
               "parentheses inside another `&&` chain, the two chains become one, which is the same condition."),
    fix_effect=FixEffect.KEEPS_MEANING, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for node in ctx.nodes(ast.Expr, ast.QueryExpr):
        if not node.parens:
            continue
        needed = _needed(ctx, node)
        pairs = ctx.paren_tokens(node)
        if node.parens <= needed or len(pairs) != node.parens:
            continue
        redundant = pairs[needed:]
        opening, closing = redundant[-1]
        edits = ctx.deletion_edits(*(Span(token.start, token.end) for pair in redundant for token in pair))
        what = "double parentheses" if needed else "redundant parentheses"
        yield ctx.report("L005", f"{what} around `{ctx.snippet(node)}`", opening.start, closing.end,
                         fix=ctx.fix("Remove the parentheses", edits))


def _needed(ctx: LintContext, node: ast.Expr | ast.QueryExpr) -> int:
    """1 when one pair of parentheses is needed (or helps the reader) here, else 0."""
    parent = ctx.parent(node)
    if isinstance(parent, (ast.Filter, ast.Having)) and parent.condition is node:
        return 1  # the designer's pair around a whole condition
    if isinstance(node, ast.QueryExpr):
        if isinstance(parent, ast.SetOperation) and isinstance(node, ast.SetOperation):
            same = parent.operands[0] is node and set(node.operators) == {parent.operators[0]}
            return 0 if same else 1
        return 0
    own = strength(node)
    if isinstance(parent, ast.Logical):
        if isinstance(node, ast.Logical):
            return 0 if node.op is parent.op else 1
        return 0
    if isinstance(parent, ast.Comparison):
        return 1 if own < STRING else 0
    if isinstance(parent, ast.StringTest):
        return 1 if own < SUM else 0
    if isinstance(parent, ast.InList):
        return 1 if own < (STRING if parent.subject is node else SUM) else 0
    if isinstance(parent, ast.Arithmetic):
        level = strength(parent)
        if isinstance(node, ast.Arithmetic):
            if own == level:
                return 0 if parent.operands[0] is node else 1
            return 1
        return 1 if own < level else 0
    if isinstance(parent, ast.Negate):
        return 1 if own < ATOM else 0
    return 0


