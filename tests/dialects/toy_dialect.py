"""A dialect that exists only for tests: the outbound language plus a
`SAMPLE(n)` step and a `%` (remainder) operator, added by extension alone.

Everything that makes it a dialect is in this file: a node kind, how the node
is built from a call, its function-table entry, the operator in the lexicon and
the grammar rule that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from segquery.syntax import ast, codes
from segquery.syntax.builder import BuildContext, RawCall
from segquery.syntax.dialect import FunctionSpec, Role
from segquery.syntax.outbound import OUTBOUND


@dataclass(frozen=True, kw_only=True, slots=True)
class Sample(ast.Node):
    """`SAMPLE(n)`: n records picked at random."""

    call_name = "SAMPLE"

    count: ast.Expr


def build_sample(ctx: BuildContext, call: RawCall) -> ast.Node:
    count = call.arguments[0]
    if not isinstance(count, ast.NumberLiteral):
        ctx.report_node(codes.INVALID_ARGUMENT, f"SAMPLE takes a whole number, not `{ctx.text(count)}`", count)
    return Sample(count=count, span=call.span)


SAMPLE = FunctionSpec("SAMPLE", Role.STEP, 1, 1, "SAMPLE(n)", "Keep n records picked at random.", ("n",),
                      build=build_sample)

TOY = OUTBOUND.extended("toy", functions=(SAMPLE,), operators=("%",), grammar_extension='%extend MUL_OP: "%"\n')
