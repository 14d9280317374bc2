"""Table inference for the real-time journeys dialect.

Every step of a real-time profile chain starts from the profile table: a FILTER
reads the profile, and the FILTER right after a RELATE reads the related rows,
through the aliases of the RELATE's path (a nested RELATE continues from the
table the enclosing one reached). An INTERACTION chain reads interaction rows
and selects profiles of the type its discriminator states. The result is a
`TableInfo`, as for outbound, so rules, the resolver and the editor read both
dialects the same way.
"""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.schema import Relationship, Schema
from segquery.semantic.discriminators import stated_profile_type
from segquery.semantic.table_info import AliasBinding, Inference, SegmentTypes, StepScope, TableInfo
from segquery.syntax import ast


@dataclass(frozen=True, slots=True)
class RelateLevel:
    """One RELATE of a path: the table it starts from, the relationship its schema
    name names (None when unknown) and the table it reaches (None when unknown;
    known too when the RELATE names a relationship by its TRAVERSE name)."""

    relate: ast.Relate
    start: str | None
    relationship: Relationship | None
    reached: str | None


def relate_path(schema: Schema | None, start: str | None, relate: ast.Relate) -> list[RelateLevel]:
    """The levels of a RELATE and its nested RELATEs, outermost first."""
    levels: list[RelateLevel] = []
    current: ast.Relate | None = relate
    while current is not None:
        name = current.relationship.name
        relationship = schema.relationship_by_schema_name(name) if schema else None
        # An outbound TRAVERSE name (reported by V051) still tells where the path goes.
        followed = relationship or (schema.relationship(name) if schema else None)
        reached = None
        if followed is not None and start is not None:
            other = followed.other_end(start)
            table = schema.table(other) if schema is not None and other is not None else None
            reached = table.name if table is not None else other
        levels.append(RelateLevel(current, start, relationship, reached))
        start, current = reached, current.nested
    return levels


def infer_realtime_tables(query: ast.Query, schema: Schema | None, *,
                          segment_types: SegmentTypes | None = None) -> TableInfo:
    """`infer_tables` for a real-time query; `schema` is the active schema (None: no schema)."""
    return _RealtimeInference(query, schema, segment_types).run()


class _RealtimeInference(Inference):
    def _grouped(self, group: ast.Grouped) -> str | None:
        return self._plain_steps(group, self._expr(group.body))

    def _chain(self, chain: ast.Chain) -> str | None:
        source = chain.source
        if isinstance(source, ast.Interaction):
            return self._interaction(chain, source)
        if isinstance(source, ast.Profile):
            table = self._table(source.table.name)
        elif isinstance(source, ast.SegmentRef):
            table = self._segment_table(source.name.name)
        else:
            table = None
        self.info._steps[id(source)] = StepScope(None, table, None, ())
        if not isinstance(source, ast.Profile):
            return self._plain_steps(chain, table)
        declared: list[AliasBinding] = []
        path: tuple[AliasBinding, ...] = ()
        for step in chain.steps:
            if isinstance(step, ast.Filter) and path:
                scope = StepScope(path[0].table, table, path[0], path)
            else:
                scope = StepScope(table, table, None, ())
            path = ()
            if isinstance(step, ast.Relate):
                path = tuple(AliasBinding(level.relate.alias.name, level.reached, False, level.relate.alias,
                                          level.relate) for level in relate_path(self.schema, table, step))
                declared.extend(path)
            self.info._steps[id(step)] = scope
        self.info._ends[id(chain)] = StepScope(table, table, None, ())
        self.info._declared[id(chain)] = tuple(declared)
        return table

    def _interaction(self, chain: ast.Chain, source: ast.Interaction) -> str | None:
        name = source.interaction_type.name
        found = self.schema.interaction_table(name) if self.schema is not None else None
        interaction = found.name if found is not None else name
        table = self._table(stated_profile_type(chain))
        self.info._steps[id(source)] = StepScope(None, table, None, ())
        for step in chain.steps:
            self.info._steps[id(step)] = StepScope(None, table, None, (), interaction)
        self.info._ends[id(chain)] = StepScope(table, table, None, ())
        return table

    def _plain_steps(self, owner: ast.Chain | ast.Grouped, table: str | None) -> str | None:
        """Steps after SEGMENT(...) or a group (V068 reports them): they read the records as they are."""
        for step in owner.steps:
            self.info._steps[id(step)] = StepScope(table, table, None, ())
        self.info._ends[id(owner)] = StepScope(table, table, None, ())
        return table
