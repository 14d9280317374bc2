"""L012 logic-word-operator: `AND`/`OR` words instead of `&&`/`||` (outbound)."""

from __future__ import annotations

import re
from itertools import repeat
from typing import Iterator, Sequence

from segquery.diagnostics import Diagnostic, Severity, TextEdit
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, FixAvailability, RuleInfo
from segquery.rules.scope import RuleScope
from segquery.syntax import ast
from segquery.syntax.tokens import TokenKind


@lint_rule(RuleInfo(
    code="L012", name="logic-word-operator", category=Category.STYLE, severity=Severity.WARNING,
    fix=FixAvailability.SAFE,
    summary="`AND` or `OR` is written where the language's operators are `&&` and `||`.",
    what_it_does="Reports the words `AND` and `OR` (in any case) used to join conditions, and rewrites them "
                 "to `&&` and `||`. Real-time journeys queries have their own rule for this, L030, with "
                 "that dialect's evidence.",
    why="The language's logic operators are `&&` and `||`; the words appear in one table of the "
        "documentation and in the real-time journeys dialect. segquery accepts them, the service may not.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle' and statecode == 0)",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle' && statecode == 0)",
    fix_safety="Safe: the words already mean `&&` and `||`; the tree is unchanged.",
    dialects=("outbound",)),
    fix_effect=FixEffect.KEEPS_TREE, scope=RuleScope.STEP)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    return word_operators(ctx, "L012", "")


def word_operators(ctx: LintContext, code: str, reason: str) -> Iterator[Diagnostic]:
    """A finding, with its fix, for each `AND`/`OR` word that joins conditions; `reason` ends the message."""
    for node in ctx.nodes(ast.Logical):
        symbol = node.op.value
        for operand in _maybe_followed_by_word(ctx.text, node.operands):
            token = ctx.next_token(ctx.outer_span(operand).end)
            if token is None or token.kind is not TokenKind.WORD:
                continue
            yield ctx.report(code, f"`{token.text}` joins conditions: write `{symbol}`{reason}", token.start,
                             token.end, fix=ctx.fix(f"Write `{symbol}`", [TextEdit(token.start, token.end, symbol)]))


# From the end of an operand: white space and closing parentheses, then `|` or `&`. An operand's span
# ends with its last token and its own parentheses close before the operator that follows it, so its
# outer span ends in that stretch, and the first token after it is a `)` or a token that starts with
# `|` or `&`: never a word.
_SYMBOL_AFTER = re.compile(r"[ \t\r\n)]*[|&]")


def _maybe_followed_by_word(text: str, operands: Sequence[ast.Expr]) -> Sequence[ast.Expr]:
    """The operands but the last, less those the text shows to be followed by a symbol (one pass of the
    regular expression at each operand's end: a condition of thousands of operands is read at C speed)."""
    ends = [operand.span.end for operand in operands[:-1]]
    if all(map(_SYMBOL_AFTER.match, repeat(text), ends)):
        return ()
    return [operand for operand, end in zip(operands, ends) if not _SYMBOL_AFTER.match(text, end)]
