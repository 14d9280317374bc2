"""Conditions and values as sqlglot expression trees.

Every literal becomes a sqlglot literal (sqlglot escapes it for the target
dialect); names become quoted identifiers. The rules are those of
`docs/sql.md`: strings compare in lower case, a string compared with a date
is cast to a timestamp, `/` divides as decimals and is null for a zero
divisor, DATEDIFF counts boundaries (written out from YEAR, MONTH and day
differences so every dialect counts the same way).
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Mapping

from sqlglot import exp

from segquery.query_plan.kinds import ColumnKind
from segquery.query_plan.model import ColumnRef
from segquery.query_plan.resolve import date_parts
from segquery.syntax import ast

Compiled = tuple[exp.Expr, ColumnKind]

_COMPARISONS: dict[ast.CompareOp, type[exp.Expr]] = {
    ast.CompareOp.EQ: exp.EQ, ast.CompareOp.NE: exp.NEQ, ast.CompareOp.GT: exp.GT,
    ast.CompareOp.GE: exp.GTE, ast.CompareOp.LT: exp.LT, ast.CompareOp.LE: exp.LTE,
}
_ARITHMETIC: dict[str, type[exp.Expr]] = {"+": exp.Add, "-": exp.Sub, "*": exp.Mul}


def column(row: str, name: str) -> exp.Column:
    return exp.column(exp.to_identifier(name, quoted=True), table=exp.to_identifier(row, quoted=True))


def timestamp(moment: datetime) -> exp.Expr:
    """A timestamp literal: a string cast to TIMESTAMP (DATETIME2 in T-SQL)."""
    return exp.cast(exp.Literal.string(moment.isoformat(sep=" ")), exp.DataType.Type.TIMESTAMP)


def _wrap(node: exp.Expr) -> exp.Expr:
    """Parentheses around an operand that is not a single term."""
    return exp.paren(node, copy=False) if isinstance(node, exp.Binary) else node


class ExpressionCompiler:
    def __init__(self, columns: Mapping[int, ColumnRef], now: datetime) -> None:
        self.columns = columns
        self.now = now

    def condition(self, node: ast.Expr) -> exp.Expr:
        return self.compile(node)[0]

    def compile(self, node: ast.Expr) -> Compiled:
        handler: Callable[[ast.Expr], Compiled] = getattr(self, "_" + node.kind)
        return handler(node)

    # --------------------------------------------------------------- leaves

    def _attribute(self, node: ast.Attribute) -> Compiled:
        ref = self.columns[id(node)]
        return column(ref.row, ref.column), ref.kind

    def _string_literal(self, node: ast.StringLiteral) -> Compiled:
        return exp.Literal.string(node.value), ColumnKind.STRING

    def _number_literal(self, node: ast.NumberLiteral) -> Compiled:
        return exp.Literal.number(node.text), ColumnKind.NUMBER

    def _boolean_literal(self, node: ast.BooleanLiteral) -> Compiled:
        return exp.Boolean(this=node.value), ColumnKind.BOOLEAN

    def _date_time_utc_now(self, node: ast.DateTimeUtcNow) -> Compiled:
        return timestamp(self.now), ColumnKind.DATETIME

    def _date_literal(self, node: ast.DateLiteral) -> Compiled:
        moment = date_parts(node)
        assert moment is not None, "the plan reports DATE(...) that names no moment"
        return timestamp(moment), ColumnKind.DATETIME

    # --------------------------------------------------------------- logic

    def _logical(self, node: ast.Logical) -> Compiled:
        combine = exp.and_ if node.op is ast.LogicOp.AND else exp.or_
        return combine(*(self.condition(operand) for operand in node.operands), copy=False), ColumnKind.BOOLEAN

    def _not(self, node: ast.Not) -> Compiled:
        return exp.not_(exp.paren(self.condition(node.operand), copy=False), copy=False), ColumnKind.BOOLEAN

    def _is_null(self, node: ast.IsNull) -> Compiled:
        test = exp.Is(this=self.compile(node.operand)[0], expression=exp.Null())
        return (exp.not_(test, copy=False) if node.negated else test), ColumnKind.BOOLEAN

    def _comparison(self, node: ast.Comparison) -> Compiled:
        left, left_kind = self.compile(node.left)
        right, right_kind = self.compile(node.right)
        if left_kind is ColumnKind.DATETIME and right_kind is ColumnKind.STRING:
            right = exp.cast(right, exp.DataType.Type.TIMESTAMP)
        elif right_kind is ColumnKind.DATETIME and left_kind is ColumnKind.STRING:
            left = exp.cast(left, exp.DataType.Type.TIMESTAMP)
        elif left_kind is ColumnKind.STRING and right_kind is ColumnKind.STRING:
            left, right = self._lower(left), self._lower(right)
        return _COMPARISONS[node.op](this=_wrap(left), expression=_wrap(right)), ColumnKind.BOOLEAN

    def _in_list(self, node: ast.InList) -> Compiled:
        subject, kind = self.compile(node.subject)
        values = []
        for value in node.values:
            compiled, value_kind = self.compile(value)
            if kind is ColumnKind.DATETIME and value_kind is ColumnKind.STRING:
                compiled = exp.cast(compiled, exp.DataType.Type.TIMESTAMP)
            elif kind is ColumnKind.STRING and value_kind is ColumnKind.STRING:
                compiled = self._lower(compiled)
            values.append(compiled)
        if kind is ColumnKind.STRING:
            subject = self._lower(subject)
        return exp.In(this=subject, expressions=values), ColumnKind.BOOLEAN

    @staticmethod
    def _lower(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Literal) and node.is_string:
            return exp.Literal.string(node.this.lower())
        return exp.Lower(this=node)

    def _string_test(self, node: ast.StringTest) -> Compiled:
        subject = exp.Lower(this=self.compile(node.subject)[0])
        pattern = self._lower(self.compile(node.pattern)[0])
        if isinstance(node.pattern, ast.StringLiteral):
            length: exp.Expr = exp.Literal.number(len(node.pattern.value))
            if not node.pattern.value:      # every string holds '': true, or null for a null subject
                return exp.GTE(this=exp.Length(this=subject), expression=exp.Literal.number(0)), ColumnKind.BOOLEAN
        else:
            length = exp.Length(this=pattern)
        if node.op is ast.StringOp.CONTAINS:
            test: exp.Expr = exp.GT(this=exp.StrPosition(this=subject, substr=pattern),
                                          expression=exp.Literal.number(0))
        elif node.op is ast.StringOp.STARTSWITH:
            test = exp.EQ(this=exp.Substring(this=subject, start=exp.Literal.number(1), length=length),
                          expression=pattern)
        else:
            test = exp.EQ(this=exp.Right(this=subject, expression=length), expression=pattern)
        return test, ColumnKind.BOOLEAN

    # --------------------------------------------------------------- arithmetic

    def _arithmetic(self, node: ast.Arithmetic) -> Compiled:
        result = self.compile(node.operands[0])[0]
        for symbol, operand in zip(node.operators, node.operands[1:]):
            right = self.compile(operand)[0]
            if symbol == "/":
                result = exp.Div(this=exp.cast(_wrap(result), exp.DataType.Type.DOUBLE),
                                 expression=exp.Nullif(this=right, expression=exp.Literal.number(0)))
            else:
                result = _ARITHMETIC[symbol](this=_wrap(result), expression=_wrap(right))
        return result, ColumnKind.NUMBER

    def _negate(self, node: ast.Negate) -> Compiled:
        return exp.Neg(this=_wrap(self.compile(node.operand)[0])), ColumnKind.NUMBER

    # --------------------------------------------------------------- dates

    def _moment(self, node: ast.Expr) -> exp.Expr:
        compiled, kind = self.compile(node)
        return exp.cast(compiled, exp.DataType.Type.TIMESTAMP) if kind is ColumnKind.STRING else compiled

    def _date_add(self, node: ast.DateAdd) -> Compiled:
        return exp.TimestampAdd(this=self._moment(node.date), expression=self.compile(node.amount)[0],
                                unit=exp.var(node.part.part.value)), ColumnKind.DATETIME

    def _date_diff(self, node: ast.DateDiff) -> Compiled:
        start, end = self._moment(node.start), self._moment(node.end)
        part = node.part.part
        if part is ast.DatePart.MILLISECOND:
            return exp.DateDiff(this=end, expression=start, unit=exp.var("MILLISECOND")), ColumnKind.NUMBER
        years = _minus(exp.Year(this=end), exp.Year(this=start))
        if part is ast.DatePart.YEAR:
            return years, ColumnKind.NUMBER
        if part is ast.DatePart.MONTH:
            return _plus(_times(years, 12), _minus(exp.Month(this=end), exp.Month(this=start))), ColumnKind.NUMBER
        total: exp.Expr = exp.DateDiff(this=exp.cast(end, exp.DataType.Type.DATE),
                                             expression=exp.cast(start, exp.DataType.Type.DATE), unit=exp.var("DAY"))
        for name, factor in (("HOUR", 24), ("MINUTE", 60), ("SECOND", 60)):
            if part.value == "DAY":
                break
            total = _plus(_times(total, factor), _minus(exp.Extract(this=exp.var(name), expression=end),
                                                        exp.Extract(this=exp.var(name), expression=start)))
            if part.value == name:
                break
        return total, ColumnKind.NUMBER


def _minus(left: exp.Expr, right: exp.Expr) -> exp.Expr:
    return exp.Sub(this=_wrap(left), expression=_wrap(right))


def _plus(left: exp.Expr, right: exp.Expr) -> exp.Expr:
    return exp.Add(this=_wrap(left), expression=_wrap(right))


def _times(left: exp.Expr, factor: int) -> exp.Expr:
    return exp.Mul(this=_wrap(left), expression=exp.Literal.number(factor))
