"""Facts about conditions and chains that several rules (and `normal_form`)
share: literal values, negated operators, alias references, redundant steps."""

from __future__ import annotations

from typing import Iterator, cast

from segquery.fast_dataclass import dataclass
from segquery.syntax import ast
from segquery.syntax.step_facts import qualifiers

NEGATED = {
    ast.CompareOp.EQ: ast.CompareOp.NE, ast.CompareOp.NE: ast.CompareOp.EQ,
    ast.CompareOp.GT: ast.CompareOp.LE, ast.CompareOp.LE: ast.CompareOp.GT,
    ast.CompareOp.LT: ast.CompareOp.GE, ast.CompareOp.GE: ast.CompareOp.LT,
}

# `a op b` is `b MIRRORED[op] a`.
MIRRORED = {
    ast.CompareOp.EQ: ast.CompareOp.EQ, ast.CompareOp.NE: ast.CompareOp.NE,
    ast.CompareOp.GT: ast.CompareOp.LT, ast.CompareOp.LT: ast.CompareOp.GT,
    ast.CompareOp.GE: ast.CompareOp.LE, ast.CompareOp.LE: ast.CompareOp.GE,
}


@dataclass(frozen=True)
class Value:
    """A constant: `kind` is number, string, boolean or date (a 7-tuple)."""

    kind: str
    value: object

    def shown(self) -> str:
        if self.kind == "string":
            return repr(self.value) if "'" not in str(self.value) else f'"{self.value}"'
        if self.kind == "boolean":
            return "TRUE" if self.value else "FALSE"
        if self.kind == "date":
            return "DATE(" + ", ".join(str(part) for part in cast(tuple, self.value)) + ")"
        return str(self.value)


def literal_value(node: ast.Expr) -> Value | None:
    """The constant an expression denotes, or None when it is not a plain literal."""
    if isinstance(node, ast.NumberLiteral):
        return Value("number", node.value)
    if isinstance(node, ast.Negate) and isinstance(node.operand, ast.NumberLiteral):
        return Value("number", -node.operand.value)
    if isinstance(node, ast.StringLiteral):
        return Value("string", node.value)
    if isinstance(node, ast.BooleanLiteral):
        return Value("boolean", node.value)
    if isinstance(node, ast.DateLiteral) and all(isinstance(part, ast.NumberLiteral) and part.is_integer
                                                 for part in node.parts):
        parts = [cast(ast.NumberLiteral, part).value for part in node.parts]
        return Value("date", tuple(parts + [0] * (7 - len(parts))))
    return None


def same_value(left: Value, right: Value) -> bool | None:
    """Whether two constants are equal; None when it depends on the service's collation.

    Strings are compared as Dataverse does by default, without regard to case,
    so `'a'` and `'A'` are neither surely equal nor surely different.
    """
    if left.kind != right.kind:
        return None
    if left.kind == "string":
        if left.value == right.value:
            return True
        if str(left.value).casefold() == str(right.value).casefold():
            return None
        return False
    return left.value == right.value


def evaluate(left: Value, op: ast.CompareOp, right: Value) -> bool | None:
    """The result of comparing two constants, or None when it cannot be known here."""
    if op in (ast.CompareOp.EQ, ast.CompareOp.NE):
        equal = same_value(left, right)
        if equal is None:
            return None
        return equal if op is ast.CompareOp.EQ else not equal
    if left.kind != right.kind or left.kind not in ("number", "date"):
        return None
    a, b = left.value, right.value
    return {ast.CompareOp.GT: a > b, ast.CompareOp.GE: a >= b,  # type: ignore[operator]
            ast.CompareOp.LT: a < b, ast.CompareOp.LE: a <= b}[op]  # type: ignore[operator]


def unwrap_logical(node: ast.Expr, op: ast.LogicOp) -> list[ast.Expr]:
    """The operands of an `op` chain, looking through nested chains of the same operator."""
    if not (isinstance(node, ast.Logical) and node.op is op):
        return [node]
    operands: list[ast.Expr] = []
    for operand in node.operands:
        operands.extend(unwrap_logical(operand, op))
    return operands


def continues_chain(node: ast.Logical, parent: ast.Node | None) -> bool:
    """Whether `node` is an operand of a chain of its own operator, which `unwrap_logical` of that
    chain already reads: rules that look at whole chains skip it."""
    return isinstance(parent, ast.Logical) and parent.op is node.op


def in_list_key(value: ast.Expr) -> object:
    """What makes two values of an IN list the same value: the constant a literal denotes
    (`1` and `1.0` are one number; strings only when written alike), else the expression's tree."""
    literal = literal_value(value)
    return literal if literal is not None else value


def attribute_key(node: ast.Expr) -> str | None:
    """A key naming the attribute an expression reads, or None for other expressions."""
    if isinstance(node, ast.Attribute):
        return node.dotted.casefold()
    return None


@dataclass(frozen=True)
class Constraint:
    """`attribute op value`, read from a comparison in either order (no node: it is a step fact's part)."""

    key: str
    op: ast.CompareOp | None   # None for null tests
    value: Value | None
    null: bool | None          # True for ISNULL, False for ISNOTNULL, None for comparisons


def constraint(node: ast.Expr) -> Constraint | None:
    """The constraint a condition puts on one attribute, when it is that simple."""
    if isinstance(node, ast.IsNull):
        key = attribute_key(node.operand)
        return Constraint(key, None, None, not node.negated) if key else None
    if isinstance(node, ast.Comparison):
        left_key, right_key = attribute_key(node.left), attribute_key(node.right)
        if left_key and not right_key:
            value = literal_value(node.right)
            return Constraint(left_key, node.op, value, None) if value else None
        if right_key and not left_key:
            value = literal_value(node.left)
            return Constraint(right_key, MIRRORED[node.op], value, None) if value else None
    if isinstance(node, ast.StringTest):
        key = attribute_key(node.subject)
        return Constraint(key, None, None, None) if key else None
    return None


LOWER_BOUNDS = (ast.CompareOp.GT, ast.CompareOp.GE)
UPPER_BOUNDS = (ast.CompareOp.LT, ast.CompareOp.LE)


def range_bounds(first: Constraint, second: Constraint
                 ) -> tuple[tuple[ast.CompareOp, Value], tuple[ast.CompareOp, Value]] | None:
    """The lower and the upper bound two comparisons put on one number or date, or None when they
    are not one of each on values of one such kind (L021 and L029 compare the two bounds)."""
    pairs = [(item.op, item.value) for item in (first, second) if item.op is not None and item.value is not None]
    lower = next(((op, value) for op, value in pairs if op in LOWER_BOUNDS), None)
    upper = next(((op, value) for op, value in pairs if op in UPPER_BOUNDS), None)
    if lower is None or upper is None or lower[1].kind != upper[1].kind or lower[1].kind not in ("number", "date"):
        return None
    return lower, upper


def referenced_qualifiers(root: ast.Node) -> set[str]:
    """Every alias used to qualify an attribute below `root`, case-folded."""
    return set(qualifiers(root))


def redundant_distinct_steps(source: ast.Source | None, steps: tuple[ast.Step, ...]) -> Iterator[tuple[int, str]]:
    """(index, reason) of each DISTINCT() whose input is already distinct.

    The records of a PROFILE or SEGMENT are distinct, and so is the output of
    DISTINCT(); FILTER keeps that property, other steps may not.
    """
    distinct_since: str | None = None
    if isinstance(source, (ast.Profile, ast.SegmentRef)):
        distinct_since = "source"
    for index, step in enumerate(steps):
        if isinstance(step, ast.Distinct):
            if distinct_since is not None:
                yield index, distinct_since
            distinct_since = "distinct"
        elif not isinstance(step, ast.Filter):
            distinct_since = None


def is_true_literal(node: ast.Expr) -> bool:
    return isinstance(node, ast.BooleanLiteral) and node.value


IDEMPOTENT_SET_OPS = (ast.SetOp.UNION, ast.SetOp.INTERSECT)


def repeated_set_operands(forms: list, operators: tuple[ast.SetOp, ...]) -> list[tuple[int, int]]:
    """(index, earlier index) of each operand that repeats one of the same run of UNIONs (or INTERSECTs).

    Set operators apply left to right, so a run of one idempotent operator
    combines the operands it adds (and the first operand, for a leading run)
    as one union or intersection, where a repetition changes nothing:
    `A UNION A INTERSECT B` is `A INTERSECT B`. `forms` are hashable
    operands (normal forms), looked up in a dict: linear in the operands.
    """
    repeated: list[tuple[int, int]] = []
    run_op: ast.SetOp | None = operators[0] if operators else None
    first_index: dict[object, int] = {forms[0]: 0}     # form -> its first index in the run: linear, not pairwise
    for index in range(1, len(forms)):
        op = operators[index - 1]
        if op is not run_op:
            run_op, first_index = op, {}
        first = first_index.get(forms[index]) if op in IDEMPOTENT_SET_OPS else None
        if first is not None:
            repeated.append((index, first))
            continue
        first_index.setdefault(forms[index], index)
    return repeated
