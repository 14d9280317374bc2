"""Table inference: which records every part of a query reads and produces.

Shared by the validator (to resolve attributes and relationships), the
compound-segment resolver (the profile type of a segment) and the editor
(completion of attributes and aliases at the cursor).

Nodes are keyed by identity, not equality: two equal `FILTER(x == 1)` steps
in different chains may read different tables.
"""

from __future__ import annotations

from typing import cast

from segquery.schema import Relationship, Schema
from segquery.semantic.realtime_tables import infer_realtime_tables
from segquery.semantic.schemas import active_schema, link_type_table
# Re-exported: the records inference produces have always been importable from here.
from segquery.semantic.table_info import AliasBinding as AliasBinding
from segquery.semantic.table_info import other_end
from segquery.semantic.table_info import Scope as Scope
from segquery.semantic.table_info import SegmentTypes as SegmentTypes
from segquery.semantic.table_info import StepScope as StepScope
from segquery.semantic.table_info import TableInfo as TableInfo
from segquery.semantic.table_info import Inference
from segquery.syntax import ast


def infer_tables(query: ast.Query, schema: Schema | None = None, *,
                 segment_types: SegmentTypes | None = None, dialect: str | None = None) -> TableInfo:
    """Infer the table of every query expression and the scope of every step.

    `schema` None means the bundled default schema; `NO_SCHEMA` infers from
    the names as written (PROFILE tables and link types only, since TRAVERSE
    needs relationships). `segment_types` gives the profile type of a
    referenced segment, as a mapping or a function of the segment name.
    `dialect` "realtime" reads RELATE paths and interaction discriminators
    (segquery/semantic/realtime_tables.py); None or any other name is outbound.
    """
    if dialect == "realtime":
        return infer_realtime_tables(query, active_schema(schema), segment_types=segment_types)
    return _Inference(query, active_schema(schema), segment_types).run()


def scope_at(query: ast.Query, offset: int, schema: Schema | None = None, *,
             segment_types: SegmentTypes | None = None, dialect: str | None = None) -> Scope:
    """The records, alias and aliases in scope at `offset` of the query's text."""
    info = infer_tables(query, schema, segment_types=segment_types, dialect=dialect)
    path = ast.node_at(query, offset)
    for node in reversed(path):
        if info.has_step(node) and not isinstance(node, (ast.Profile, ast.SegmentRef, ast.Interaction)):
            return _scope(info.step(node))
        if isinstance(node, (ast.Chain, ast.Grouped)):
            return _between_steps(info, node, offset)
    return Scope(table=None, aliases={})


def _scope(step: StepScope) -> Scope:
    table = step.before if step.interaction is None else step.interaction
    return Scope(table=table, aliases=step.aliases, alias=step.alias.name if step.alias else None,
                 interaction=step.interaction)


def _between_steps(info: TableInfo, owner: ast.Chain | ast.Grouped, offset: int) -> Scope:
    for step in owner.steps:
        if step.span.end > offset:
            return _scope(info.step(step))
    return _scope(info.end(owner))


class _Inference(Inference):
    def _grouped(self, group: ast.Grouped) -> str | None:
        return self._steps(group, group.steps, self._expr(group.body), None, None, [])

    def _chain(self, chain: ast.Chain) -> str | None:
        source = chain.source
        bindings: list[AliasBinding] = []
        interaction = current = None
        if isinstance(source, ast.Profile):
            table = self._table(source.table.name)
            if source.alias is not None:
                current = AliasBinding(source.alias.name, table, False, source.alias, source)
                bindings.append(current)
        elif isinstance(source, ast.SegmentRef):
            table = self._segment_table(source.name.name)
        elif isinstance(source, ast.Interaction):
            interaction = self._interaction_name(source.interaction_type.name)
            table = None
            if source.alias is not None:
                current = AliasBinding(source.alias.name, interaction, True, source.alias, source)
                bindings.append(current)
        else:
            table = None
        after_source = table if interaction is None else self._link_table(cast(ast.Interaction, source))
        self.info._steps[id(source)] = StepScope(None, after_source, None, (), None)
        return self._steps(chain, chain.steps, table, interaction, current, bindings)

    def _interaction_name(self, name: str) -> str:
        if self.schema is not None:
            found = self.schema.interaction(name)
            if found is not None:
                return found.name
        return name

    def _link_table(self, source: ast.Interaction) -> str | None:
        link = source.link_type.name
        if self.schema is not None:
            found = self.schema.interaction(source.interaction_type.name)
            if found is not None:
                link = found.link_type(link) or link
        return self._table(link_type_table(source.interaction_type.name, link))

    def _steps(self, owner, steps, table, interaction, current, bindings: list[AliasBinding]) -> str | None:
        steps_map = self.info._steps
        link_table = self._link_table(owner.source) if interaction is not None else None
        # A FILTER written after HAVING (reported by the parser, S015) still means the interactions.
        late_filter = None
        for step in steps:
            scope = StepScope(table, table, current, tuple(bindings), interaction)
            if late_filter is not None and isinstance(step, ast.Filter):
                scope = StepScope(None, table, late_filter[1], late_filter[2], late_filter[0])
            if isinstance(step, ast.Traverse):
                after = self._traverse(table, step.relationship.name)
                table, interaction = after, None
                if step.alias is not None:
                    current = AliasBinding(step.alias.name, after, False, step.alias, step)
                    bindings.append(current)
                else:
                    current = None
                scope = StepScope(scope.before, after, scope.alias, scope.bindings, scope.interaction)
                if step.filter is not None:
                    steps_map[id(step.filter)] = StepScope(after, after, current, tuple(bindings), None)
            elif isinstance(step, ast.Relate):
                # A join: the chain keeps its records; the FILTERs after it also see the related ones.
                bindings.extend(self._relate(table, step))
            elif isinstance(step, ast.Having) and interaction is not None:
                late_filter = (interaction, current, scope.bindings)
                table, interaction, current = link_table, None, None
                scope = StepScope(None, table, scope.alias, scope.bindings, scope.interaction)
            elif isinstance(step, ast.InvalidCall):
                table = interaction = current = None
                scope = StepScope(scope.before, None, scope.alias, scope.bindings, scope.interaction)
            steps_map[id(step)] = scope
        if interaction is not None:
            # An interaction chain without HAVING still selects the linked profiles.
            table, interaction, current = link_table, None, None
        self.info._ends[id(owner)] = StepScope(table, table, current, tuple(bindings), interaction)
        self.info._declared[id(owner)] = tuple(bindings)
        return table

    def _relate(self, table: str | None, step: ast.Relate | None) -> list[AliasBinding]:
        """The aliases a RELATE declares, its nested path's too, each with the table it reaches."""
        found = []
        while step is not None:
            table = self._related(table, step.relationship.name)
            if step.alias.name:
                found.append(AliasBinding(step.alias.name, table, False, step.alias, step))
            step = step.nested
        return found

    def _related(self, table: str | None, schema_name: str) -> str | None:
        """The table a RELATE reaches: its relationship is named by its schema name."""
        if self.schema is None:
            return None
        return self._other_end(table, self.schema.relationship_by_schema_name(schema_name))

    def _traverse(self, table: str | None, relationship_name: str) -> str | None:
        """The table a TRAVERSE reaches: its relationship is named by its TRAVERSE name."""
        if self.schema is None:
            return None
        return self._other_end(table, self.schema.relationship(relationship_name))

    def _other_end(self, table: str | None, relationship: Relationship | None) -> str | None:
        return other_end(self.schema, table, relationship)
