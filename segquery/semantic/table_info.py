"""The records of a query's parts: what table inference produces, in both dialects.

`TableInfo` holds the table of every query expression and the `StepScope` of
every step; `AliasBinding` is an alias and the table it stands for. The
outbound inference (segquery/semantic/tables.py) and the real-time one
(segquery/semantic/realtime_tables.py) both fill it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, Union

from segquery.fast_dataclass import dataclass
from segquery.syntax import ast

if TYPE_CHECKING:
    from segquery.schema import Relationship, Schema

SegmentTypes = Union[Mapping[str, str], Callable[[str], "str | None"]]


@dataclass(frozen=True, slots=True)
class AliasBinding:
    """An alias declared by PROFILE(t, a), TRAVERSE(r, a) or INTERACTION(i, l, a), or
    in real-time journeys by RELATE(r, a) (nested ones included).

    `table` is the table of the aliased records; for an INTERACTION alias it
    is the interaction type, and `interaction` is True.
    """

    name: str
    table: str | None
    interaction: bool
    declaration: ast.Identifier
    declared_by: ast.Node


@dataclass(frozen=True, slots=True)
class StepScope:
    """What one step (or chain source, or TRAVERSE's inner FILTER) sees.

    `before` is the table of the records the step reads, `after` the table of
    the records it produces (None when unknown). `interaction` names the
    interaction type when the step reads interaction records (FILTER and
    HAVING of an INTERACTION chain); `before` is then None. `alias` is the
    binding of the records the step reads, when they have an alias;
    `bindings` are the aliases declared so far in the chain.
    """

    before: str | None
    after: str | None
    alias: AliasBinding | None
    bindings: tuple[AliasBinding, ...]
    interaction: str | None = None

    @property
    def aliases(self) -> dict[str, str | None]:
        """Alias -> table for every alias in scope (an INTERACTION alias maps to its interaction type)."""
        return {binding.name: binding.table for binding in self.bindings}

    def binding(self, name: str) -> AliasBinding | None:
        folded = name.casefold()
        for binding in self.bindings:
            if binding.name.casefold() == folded:
                return binding
        return None


@dataclass(frozen=True, slots=True)
class Scope:
    """The records at a position in the text, for completion: the table (or
    interaction type) whose attributes can be written there, the current
    alias, and every alias in scope."""

    table: str | None
    aliases: Mapping[str, str | None]
    alias: str | None = None
    interaction: str | None = None


class TableInfo:
    """The result of `infer_tables`: tables of query expressions and scopes of steps."""

    __slots__ = ("query", "_tables", "_steps", "_ends", "_declared")

    def __init__(self, query: ast.Query) -> None:
        self.query = query
        self._tables: dict[int, str | None] = {}
        self._steps: dict[int, StepScope] = {}
        self._ends: dict[int, StepScope] = {}
        self._declared: dict[int, tuple[AliasBinding, ...]] = {}

    @property
    def result(self) -> str | None:
        """The table the whole query selects."""
        return self._tables.get(id(self.query.body))

    def table_of(self, node: ast.QueryExpr) -> str | None:
        """The table a Chain, Grouped or SetOperation of this query reaches (None when unknown)."""
        return self._tables.get(id(node))

    def step(self, node: ast.Node) -> StepScope:
        """The scope of a step, a chain source, or the FILTER inside a TRAVERSE."""
        return self._steps[id(node)]

    def has_step(self, node: ast.Node) -> bool:
        return id(node) in self._steps

    def clause_scopes(self, step: ast.Node) -> list[StepScope | None]:
        """The scopes of a step's clauses (a TRAVERSE's inner FILTER has its own); None where unknown."""
        nodes = [step, step.filter] if isinstance(step, ast.Traverse) and step.filter is not None else [step]
        return [self._steps.get(id(node)) for node in nodes]

    def end(self, owner: ast.Chain | ast.Grouped) -> StepScope:
        """The scope after the last step of a chain or group."""
        return self._ends[id(owner)]

    def declared(self, owner: ast.Chain | ast.Grouped) -> tuple[AliasBinding, ...]:
        """Every alias declared in a chain, in source order."""
        return self._declared.get(id(owner), ())


def common_table(tables: list[str | None]) -> str | None:
    """The table every operand selects; None when unknown or when operands disagree."""
    known = [table for table in tables if table is not None]
    if not known:
        return None
    first = known[0].casefold()
    return known[0] if all(table.casefold() == first for table in known) else None


def spelled_table(schema: Schema | None, name: str | None) -> str | None:
    """The schema's spelling of a table name (as written when the schema does not know it)."""
    if name is None or schema is None:
        return name
    table = schema.table(name)
    return table.name if table is not None else name


def other_end(schema: Schema | None, table: str | None, relationship: Relationship | None) -> str | None:
    """The table a relationship reaches from `table`, as the schema spells it (None when either is unknown)."""
    if table is None or relationship is None:
        return None
    return spelled_table(schema, relationship.other_end(table))


class Inference:
    """What the inference of both dialects shares: the result it fills in, walked from the query's
    body through set operations, and the schema's spelling of a table or a referenced segment's
    table. Each dialect's subclass reads its own chains and groups."""

    def __init__(self, query: ast.Query, schema: Schema | None, segment_types: SegmentTypes | None) -> None:
        self.info = TableInfo(query)
        self.schema = schema
        self.segment_types = segment_types

    def run(self) -> TableInfo:
        self._expr(self.info.query.body)
        return self.info

    def _expr(self, node: ast.QueryExpr) -> str | None:
        """The table a query expression produces, recorded for it; set operations keep a table
        only when all operands agree."""
        if isinstance(node, ast.Chain):
            table = self._chain(node)
        elif isinstance(node, ast.Grouped):
            table = self._grouped(node)
        elif isinstance(node, ast.SetOperation):
            table = common_table([self._expr(operand) for operand in node.operands])
        else:
            table = None
        self.info._tables[id(node)] = table
        return table

    def _chain(self, chain: ast.Chain) -> str | None:
        raise NotImplementedError

    def _grouped(self, group: ast.Grouped) -> str | None:
        raise NotImplementedError

    def _segment_table(self, name: str) -> str | None:
        """The table of a referenced segment's profile type, when `segment_types` knows it."""
        types = self.segment_types
        if types is None:
            return None
        return self._table(types(name) if callable(types) else types.get(name))

    def _table(self, name: str | None) -> str | None:
        return spelled_table(self.schema, name)
