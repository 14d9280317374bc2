"""Values and truth of conditions over one row binding, in three-valued logic.

None is both the null value and the unknown truth value. The rules, which
`docs/sql.md` states for users:

- a comparison, a string test or arithmetic with a null operand is null;
- `&&` is false when any side is false, else null when any side is null;
  `||` is true when any side is true, else null when any side is null;
  `NOT(null)` is null; ISNULL and ISNOTNULL are never null;
- strings compare without regard to case; a string compared with a date is
  read as an ISO date;
- `/` divides as decimals, and division by zero is null;
- DATEDIFF counts the boundaries of its part between the two moments.
"""

from __future__ import annotations

import math
import operator
from datetime import date, datetime
from typing import Any, Callable, Mapping

from segquery.query_plan.dates import shift
from segquery.syntax import ast

#: The rows an expression reads, by slot (a chain's first table, each join, the interaction).
Binding = Mapping[str, "Mapping[str, Any] | None"]
#: Where an attribute reads: its slot and its (folded) column.
Locate = Callable[[ast.Attribute], "tuple[str, str]"]

_COMPARE: dict[ast.CompareOp, Callable[[Any, Any], bool]] = {
    ast.CompareOp.EQ: operator.eq, ast.CompareOp.NE: operator.ne,
    ast.CompareOp.GT: operator.gt, ast.CompareOp.GE: operator.ge,
    ast.CompareOp.LT: operator.lt, ast.CompareOp.LE: operator.le,
}


def compare(left: Any, op: ast.CompareOp, right: Any) -> bool | None:
    """`left op right`, null when either side is null."""
    if left is None or right is None:
        return None
    left, right = _moment(left, right), _moment(right, left)
    if isinstance(left, str) and isinstance(right, str):
        left, right = left.lower(), right.lower()
    return _COMPARE[op](left, right)


def _moment(value: Any, other: Any) -> Any:
    """A string compared with a date is read as a date."""
    if isinstance(value, str) and isinstance(other, datetime):
        return as_datetime(value)
    return value


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))


class Evaluator:
    """Evaluates expressions; `locate` says which slot and column each attribute reads."""

    def __init__(self, locate: Locate, now: datetime) -> None:
        self.locate = locate
        self.now = now

    def truth(self, node: ast.Expr, binding: Binding) -> bool | None:
        value = self.value(node, binding)
        return None if value is None else bool(value)

    def value(self, node: ast.Expr, binding: Binding) -> Any:
        handler = getattr(self, "_" + node.kind)
        return handler(node, binding)

    # --------------------------------------------------------------- leaves

    def _attribute(self, node: ast.Attribute, binding: Binding) -> Any:
        slot, column = self.locate(node)
        row = binding.get(slot)
        return None if row is None else row.get(column)

    def _string_literal(self, node: ast.StringLiteral, binding: Binding) -> Any:
        return node.value

    def _number_literal(self, node: ast.NumberLiteral, binding: Binding) -> Any:
        return node.value

    def _boolean_literal(self, node: ast.BooleanLiteral, binding: Binding) -> Any:
        return node.value

    def _date_time_utc_now(self, node: ast.DateTimeUtcNow, binding: Binding) -> Any:
        return self.now

    def _date_literal(self, node: ast.DateLiteral, binding: Binding) -> Any:
        parts = [int(self.value(part, binding)) for part in node.parts] + [0] * (7 - len(node.parts))
        year, month, day, hour, minute, second, millisecond = parts[:7]
        return datetime(year, month, day, hour, minute, second, millisecond * 1000)

    # --------------------------------------------------------------- logic

    def _logical(self, node: ast.Logical, binding: Binding) -> bool | None:
        decisive = node.op is ast.LogicOp.OR        # true decides OR, false decides AND
        unknown = False
        for operand in node.operands:
            truth = self.truth(operand, binding)
            if truth is None:
                unknown = True
            elif truth is decisive:
                return decisive
        return None if unknown else not decisive

    def _not(self, node: ast.Not, binding: Binding) -> bool | None:
        truth = self.truth(node.operand, binding)
        return None if truth is None else not truth

    def _is_null(self, node: ast.IsNull, binding: Binding) -> bool:
        return (self.value(node.operand, binding) is None) != node.negated

    def _comparison(self, node: ast.Comparison, binding: Binding) -> bool | None:
        return compare(self.value(node.left, binding), node.op, self.value(node.right, binding))

    def _in_list(self, node: ast.InList, binding: Binding) -> bool | None:
        subject = self.value(node.subject, binding)
        if subject is None:
            return None
        found = [compare(subject, ast.CompareOp.EQ, self.value(value, binding)) for value in node.values]
        return True if True in found else (None if None in found else False)

    def _string_test(self, node: ast.StringTest, binding: Binding) -> bool | None:
        subject, pattern = self.value(node.subject, binding), self.value(node.pattern, binding)
        if subject is None or pattern is None:
            return None
        subject, pattern = str(subject).lower(), str(pattern).lower()
        if node.op is ast.StringOp.CONTAINS:
            return pattern in subject
        if node.op is ast.StringOp.STARTSWITH:
            return subject.startswith(pattern)
        return subject.endswith(pattern)

    # --------------------------------------------------------------- arithmetic

    def _arithmetic(self, node: ast.Arithmetic, binding: Binding) -> Any:
        result = self.value(node.operands[0], binding)
        for symbol, operand in zip(node.operators, node.operands[1:]):
            right = self.value(operand, binding)
            if result is None or right is None:
                return None
            if symbol == "/":
                result = None if right == 0 else result / right
            else:
                result = {"+": operator.add, "-": operator.sub, "*": operator.mul}[symbol](result, right)
        return result

    def _negate(self, node: ast.Negate, binding: Binding) -> Any:
        value = self.value(node.operand, binding)
        return None if value is None else -value

    # --------------------------------------------------------------- dates

    def _date_add(self, node: ast.DateAdd, binding: Binding) -> Any:
        amount, moment = self.value(node.amount, binding), as_datetime(self.value(node.date, binding))
        if amount is None or moment is None:
            return None
        return shift(moment, node.part.part, int(amount))

    def _date_diff(self, node: ast.DateDiff, binding: Binding) -> Any:
        start = as_datetime(self.value(node.start, binding))
        end = as_datetime(self.value(node.end, binding))
        if start is None or end is None:
            return None
        return boundaries(node.part.part, start, end)


def boundaries(part: ast.DatePart, start: datetime, end: datetime) -> int:
    """How many `part` boundaries lie between start and end (negative when end is earlier)."""
    years = end.year - start.year
    if part is ast.DatePart.YEAR:
        return years
    months = years * 12 + end.month - start.month
    if part is ast.DatePart.MONTH:
        return months
    days = (end.date() - start.date()).days
    if part is ast.DatePart.DAY:
        return days
    hours = days * 24 + end.hour - start.hour
    if part is ast.DatePart.HOUR:
        return hours
    minutes = hours * 60 + end.minute - start.minute
    if part is ast.DatePart.MINUTE:
        return minutes
    seconds = minutes * 60 + end.second - start.second
    if part is ast.DatePart.SECOND:
        return seconds
    return seconds * 1000 + math.floor(end.microsecond / 1000) - math.floor(start.microsecond / 1000)
