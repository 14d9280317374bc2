"""What a query's profile type depends on, without its tree.

A segment's profile type is the table its query ends on, as table inference
(`segquery.semantic.infer_tables`) works it out; for a query with `SEGMENT(x)`
references it depends on the referenced segments' types, known only once the
whole workspace is read. A check's worker process has the tree but not the
workspace, and the process that builds the workspace has no tree: sending a
tree costs more than parsing the text again. A `QueryShape` lies between: made
from the tree where it was parsed, it keeps only what the profile type and the
checks W004 and W005 read (the tables of the parts without references, the
references with the TRAVERSEs after them, and each set operation's operators
and operand spans), small enough to go back with the check's report.

`ShapeTables` then gives, once the referenced segments' types are known, the
same tables as inferring them on the tree (a property test holds the two
together). The parts are named tuples: a worker sends a shape with every
report, and tuples cost much less to unpickle than dataclasses.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from segquery.schema import Schema
from segquery.semantic.schemas import active_schema
from segquery.semantic.table_info import TableInfo, common_table, other_end, spelled_table
from segquery.semantic.tables import infer_tables
from segquery.syntax import ast

# What the steps after a reference or a group do to the table: the relationship each TRAVERSE follows
# (by its TRAVERSE name), or None for a step after which nothing is known (one that did not parse).
# Other steps keep the table; so does every step in real-time journeys.
Steps = tuple[str | None, ...]


class Fixed(NamedTuple):
    """A part of the query whose table no reference decides (None: unknown)."""

    table: str | None


class FromSegment(NamedTuple):
    """`SEGMENT(name)` and what its steps do to the referenced segment's type."""

    name: str
    steps: Steps


class Group(NamedTuple):
    """`(body)`, with a reference in the body, and what the steps after it do to its table."""

    body: Part
    steps: Steps


class Operand(NamedTuple):
    """One operand of a set operation: its part, its offsets in the query text, and the segment's name
    when it is `SEGMENT(name)` with steps that keep the segment's type."""

    part: Part
    start: int
    end: int
    referenced: str | None

    @property
    def has_reference(self) -> bool:
        """Whether a reference is in the operand: exactly when its part is not `Fixed` (`_Shaping.part`)."""
        return not isinstance(self.part, Fixed)


class Combined(NamedTuple):
    """A set operation with a reference in it; `operators` as written in the tree (UNION, ...)."""

    operands: tuple[Operand, ...]
    operators: tuple[str, ...]


Part = Fixed | FromSegment | Group | Combined


class QueryShape(NamedTuple):
    """The parts of a query's body, and the start offsets (in the query text) of the `SEGMENT` calls
    whose records the query selects unchanged, in source order."""

    body: Part
    result_references: tuple[int, ...] = ()

    def combined(self) -> list[Combined]:
        """The set operations with a reference in them, outer before inner, in source order."""
        found: list[Combined] = []
        stack: list[Part] = [self.body]
        while stack:
            part = stack.pop()
            if isinstance(part, Combined):
                found.append(part)
                stack.extend(reversed([operand.part for operand in part.operands]))
            elif isinstance(part, Group):
                stack.append(part.body)
        return found


# What a check knows of a `.segq` file's query: the dialect it was read in, and its shape.
CheckedShape = tuple[str, QueryShape]

UNKNOWN = QueryShape(Fixed(None))   # a query that did not parse: no table, no reference to check


def query_shape(query: ast.Query | None, schema: Schema | None, dialect: str | None) -> QueryShape:
    """The shape of a parsed query (None: it did not parse), with the tables of its parts without
    references inferred against `schema` (None: the bundled one) in `dialect` (a dialect's name)."""
    if query is None:
        return UNKNOWN
    info = infer_tables(query, schema, segment_types=_unknown, dialect=dialect)
    return QueryShape(_Shaping(info, dialect == "realtime").part(query.body), _result_references(query.body))


def _unknown(name: str) -> None:
    return None


class _Shaping:
    """The parts of one tree, reading the tables of those without references from its inference."""

    def __init__(self, info: TableInfo, realtime: bool) -> None:
        self.info = info
        self.realtime = realtime

    def part(self, node: ast.QueryExpr) -> Part:
        """A reference is only ever a chain's source (the parser makes a `SegmentRef` for that place
        alone), so a part has one inside exactly when it is not `Fixed`; table inference asks for a
        segment's type nowhere else, so the table of a `Fixed` part is the tree's."""
        if isinstance(node, ast.Chain) and isinstance(node.source, ast.SegmentRef):
            return FromSegment(node.source.name.name, self._steps(node.steps))
        if isinstance(node, ast.Grouped):
            body = self.part(node.body)
            if not isinstance(body, Fixed):
                return Group(body, self._steps(node.steps))
        elif isinstance(node, ast.SetOperation):
            parts = [self.part(operand) for operand in node.operands]
            if not all(isinstance(part, Fixed) for part in parts):
                operands = tuple(Operand(part, operand.span.start, operand.span.end, _referenced_name(operand))
                                 for part, operand in zip(parts, node.operands))
                return Combined(operands, tuple(operator.value for operator in node.operators))
        return Fixed(self.info.table_of(node))

    def _steps(self, steps: tuple[ast.Step, ...]) -> Steps:
        if self.realtime:
            return ()
        return tuple(step.relationship.name if isinstance(step, ast.Traverse) else None
                     for step in steps if isinstance(step, (ast.Traverse, ast.InvalidCall)))


def referenced(node: ast.QueryExpr) -> ast.SegmentRef | None:
    """The reference of `SEGMENT(x)` (with steps that keep the profile type), else None."""
    if isinstance(node, ast.Chain) and isinstance(node.source, ast.SegmentRef):
        if not any(isinstance(step, (ast.Traverse, ast.InvalidCall)) for step in node.steps):
            return node.source
    return None


def _referenced_name(node: ast.QueryExpr) -> str | None:
    reference = referenced(node)
    return reference.name.name if reference is not None else None


def _result_references(body: ast.QueryExpr) -> tuple[int, ...]:
    """The starts of the references whose records become the query's result unchanged (no TRAVERSE
    after them), in source order: set operations' operands are visited left to right."""
    found = []
    stack = [body]
    while stack:
        node = stack.pop()
        reference = referenced(node)
        if reference is not None:
            found.append(reference.span.start)
        elif isinstance(node, ast.SetOperation):
            stack.extend(reversed(node.operands))
        elif isinstance(node, ast.Grouped) and not any(isinstance(step, (ast.Traverse, ast.InvalidCall))
                                                       for step in node.steps):
            stack.append(node.body)
    return tuple(found)


# ---------------------------------------------------------------- evaluation


class ShapeTables:
    """The table of every part of a shape, once the referenced segments' types are known."""

    __slots__ = ("shape", "result", "_tables")

    def __init__(self, shape: QueryShape, segment_type: Callable[[str], str | None], schema: Schema | None) -> None:
        self.shape = shape
        self._tables: dict[int, str | None] = {}
        self.result = _Evaluation(active_schema(schema), segment_type, self._tables).table(shape.body)

    def table_of(self, part: Part) -> str | None:
        """The table a part of the shape reaches (None when unknown)."""
        return self._tables[id(part)]


class _Evaluation:
    """Table inference over a shape: the referenced segment's type, spelled as the schema spells it,
    through the steps after it; a set operation's table is its operands' common one."""

    def __init__(self, schema: Schema | None, segment_type: Callable[[str], str | None],
                 tables: dict[int, str | None]) -> None:
        self.schema = schema
        self.segment_type = segment_type
        self.tables = tables

    def table(self, part: Part) -> str | None:
        if isinstance(part, Fixed):
            table = part.table
        elif isinstance(part, FromSegment):
            table = self._after(spelled_table(self.schema, self.segment_type(part.name)), part.steps)
        elif isinstance(part, Group):
            table = self._after(self.table(part.body), part.steps)
        else:
            table = common_table([self.table(operand.part) for operand in part.operands])
        self.tables[id(part)] = table
        return table

    def _after(self, table: str | None, steps: Steps) -> str | None:
        for relationship_name in steps:
            relationship = (self.schema.relationship(relationship_name)
                            if self.schema is not None and relationship_name is not None else None)
            table = other_end(self.schema, table, relationship)
        return table
