"""A parsed query -> the lines of its explanation: one line per source, step
and set operation, nested operands indented below the sentence that joins them."""

from __future__ import annotations

from segquery.diagnostics import has_errors
from segquery.explain.conditions import ConditionWriter, Scope, discriminated_profile
from segquery.explain.model import Explanation, ExplanationLine, LineKind
from segquery.explain.wording import (COUNTS, SET_OPERATIONS, interaction_phrase, join_alternatives, plural,
                                      record_of, records_of)
from segquery.schema import Relationship, Schema, Table, default_schema
from segquery.semantic.schemas import link_type_table
from segquery.source import SourceText, Span
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import ParseError, parse_tolerant
from segquery.syntax.printer import unparse


def explain(query: str, *, schema: Schema | None = None, dialect: Dialect = OUTBOUND,
            path: str | None = None) -> Explanation:
    """The query text in plain English. Raises ParseError (with every
    diagnostic and its position) when the text is not a valid query."""
    result = parse_tolerant(query, path=path, dialect=dialect)
    if result.query is None or has_errors(result.diagnostics):
        raise ParseError(result.diagnostics, result.source)
    return explain_tree(result.query, result.source, schema=schema)


def explain_tree(query: ast.Query, source: SourceText, *, schema: Schema | None = None) -> Explanation:
    """The explanation of a query already parsed from `source`."""
    writer = _Explainer(schema if schema is not None else default_schema(), source)
    writer.query(query.body, 0)
    return Explanation(tuple(writer.lines), source)


class _Explainer:
    def __init__(self, schema: Schema, source: SourceText) -> None:
        self.schema = schema
        self.source = source
        self.lines: list[ExplanationLine] = []

    def emit(self, depth: int, text: str, kind: LineKind, span: Span, *, runs_on: bool = False) -> None:
        self.lines.append(ExplanationLine(depth, text, kind, span, runs_on))

    # ------------------------------------------------------------ queries

    def query(self, node: ast.QueryExpr, depth: int) -> Scope:
        """Explain `node` at `depth`; the scope its records end in."""
        if isinstance(node, ast.Chain):
            scope = self.source_line(node.source, depth, node.steps)
            return self.steps(node.steps, scope, depth + 1)
        if isinstance(node, ast.Grouped):
            scope = self.query(node.body, depth)
            return self.steps(node.steps, scope, depth + 1)
        if isinstance(node, ast.SetOperation):
            return self.set_operation(node, depth)
        raise TypeError(f"not a query: {type(node).__name__}")

    def set_operation(self, node: ast.SetOperation, depth: int) -> Scope:
        scope = self.query(node.operands[0], depth)
        previous_end = node.operands[0].span.end
        for operator, operand in zip(node.operators, node.operands[1:]):
            span = Span(self._next_word(previous_end), operand.span.end)
            with_segment, with_block = SET_OPERATIONS[operator]
            if isinstance(operand, ast.Chain) and isinstance(operand.source, ast.SegmentRef) and not operand.steps:
                self.emit(depth, f"{with_segment} `{operand.source.name.name}`", LineKind.SET_OPERATION, span)
            else:
                self.emit(depth, with_block, LineKind.SET_OPERATION, span)
                self.query(operand, depth + 1)
            previous_end = operand.span.end
        return scope

    def _next_word(self, offset: int) -> int:
        """Where the operator after an operand starts (past blanks)."""
        text = self.source.text
        while offset < len(text) and text[offset].isspace():
            offset += 1
        return offset

    # ------------------------------------------------------------ sources

    def source_line(self, source: ast.Source, depth: int, steps: tuple[ast.Step, ...]) -> Scope:
        scope = Scope()
        if isinstance(source, ast.Profile):
            table = self.schema.table(source.table.name)
            scope.holder = table
            scope.declare(source.alias, table)
            text = records_of(table.name, table.display_name) if table is not None else records_of(source.table.name)
        elif isinstance(source, ast.SegmentRef):
            text = f"Members of segment `{source.name.name}`"
        elif isinstance(source, ast.Interaction):
            interaction = self.schema.interaction(source.interaction_type.name)
            name = interaction.name if interaction is not None else source.interaction_type.name
            stored_link = interaction.link_type(source.link_type.name) if interaction is not None else None
            profile_type = link_type_table(name, stored_link or source.link_type.name) or _discriminated_table(steps)
            scope.holder, scope.interaction = interaction, True
            scope.declare(source.alias, interaction)
            who = self._records_of(profile_type) if profile_type is not None else "Profiles"
            text = f"{who} who {interaction_phrase(name)}"
        else:
            text = _not_understood(source)
        self.emit(depth, text, LineKind.SOURCE, source.span)
        return scope

    # ------------------------------------------------------------ steps

    def steps(self, steps: tuple[ast.Step, ...], scope: Scope, depth: int) -> Scope:
        for step in steps:
            scope = self.step(step, scope, depth)
        return scope

    def step(self, step: ast.Step, scope: Scope, depth: int) -> Scope:
        writer = ConditionWriter(scope)
        if isinstance(step, ast.Filter):
            text = self.filter(step, scope)
        elif isinstance(step, ast.Traverse):
            scope, text = self.traverse(step, scope)
        elif isinstance(step, ast.Relate):
            scope, text = self.relate(step, scope)
        elif isinstance(step, ast.Having):
            text = self.having(step, writer)
        elif isinstance(step, ast.Distinct):
            text = "without duplicates"
        elif isinstance(step, ast.OrderBy):
            text = "sorted by " + ", then by ".join(self.order_key(key, writer) for key in step.keys)
        elif isinstance(step, ast.Skip):
            text = f"skipping the first {writer.value(step.count)}"
        elif isinstance(step, ast.Take):
            text = f"keeping the first {writer.value(step.count)}"
        elif isinstance(step, ast.Select):
            text = "showing " + join_alternatives([writer.value(item) for item in step.attributes], "and")
        else:
            text = _not_understood(step)
        # A source's first condition or join reads on from it: "Contacts whose ...".
        runs_on = (isinstance(step, (ast.Filter, ast.Having, ast.Relate)) and bool(self.lines)
                   and self.lines[-1].kind is LineKind.SOURCE)
        self.emit(depth, text, LineKind.STEP, step.span, runs_on=runs_on)
        return scope

    @staticmethod
    def filter(step: ast.Filter, scope: Scope) -> str:
        lead = "where" if scope.is_interaction else "whose"
        condition = step.condition
        if isinstance(condition, ast.Not):
            return f"except those {lead} {ConditionWriter(scope).condition(condition.operand)}"
        return f"{lead} {ConditionWriter(scope).condition(condition)}"

    def traverse(self, step: ast.Traverse, scope: Scope) -> tuple[Scope, str]:
        relationship = self.schema.relationship(step.relationship.name)
        target = self._reached(relationship, _table_name(scope))
        name = relationship.name if relationship is not None else step.relationship.name
        reached = records_of(target.name, target.display_name) if target is not None else "Records"
        text = f"then their related {_lower_first(reached)} (through `{name}`)"
        after = Scope(target, dict(scope.aliases))   # the aliases declared before name other records now
        after.declare(step.alias, target)
        if step.filter is not None:
            text += " " + self.filter(step.filter, after)
        return after, text

    def relate(self, step: ast.Relate, scope: Scope) -> tuple[Scope, str]:
        """A path of joins: each RELATE names the related record by its alias;
        the records themselves stay those of the profile."""
        after = Scope(scope.holder, dict(scope.aliases), scope.interaction, set(scope.current))
        current = _table_name(scope)
        parts: list[str] = []
        link: ast.Relate | None = step
        while link is not None:
            relationship = (self.schema.relationship_by_schema_name(link.relationship.name)
                            or self.schema.relationship(link.relationship.name))
            target = self._reached(relationship, current)
            if parts:
                lead = "which may have" if link.optional else "which has"
            else:
                lead = "with or without" if link.optional else "with"
            noun = record_of(target.name, target.display_name) if target is not None else "record"
            parts.append(f"{lead} a related {noun} `{link.alias.name}` (through `{link.relationship.name}`)")
            after.declare(link.alias, target, current=False)
            current = target.name if target is not None else None
            link = link.nested
        return after, ", ".join(parts)

    def _records_of(self, table_name: str) -> str:
        table = self.schema.table(table_name)
        return records_of(table.name, table.display_name) if table is not None else records_of(table_name)

    def _reached(self, relationship: Relationship | None, current: str | None) -> Table | None:
        """The table a relationship leads to from table `current`, when both are known."""
        if relationship is None or current is None:
            return None
        target = relationship.other_end(current)
        return self.schema.table(target) if target is not None else None

    @staticmethod
    def having(step: ast.Having, writer: ConditionWriter) -> str:
        condition = step.condition
        if (isinstance(condition, ast.Comparison) and isinstance(condition.left, ast.Aggregate)
                and condition.left.function is ast.AggregateFunction.COUNT
                and isinstance(condition.right, ast.NumberLiteral)):
            text = f"{COUNTS[condition.op]} {plural(condition.right.text, 'time')}"
        else:
            text = f"when {writer.condition(condition)}"
        if isinstance(step.window, ast.Window):
            text += f" in the last {writer.window_length(step.window)}"
        elif step.window is not None:
            text += f" within {writer.value(step.window)}"
        return text

    @staticmethod
    def order_key(key: ast.OrderKey, writer: ConditionWriter) -> str:
        text = writer.value(key.expr)
        if key.direction is ast.Direction.DESC:
            return f"{text} descending"
        if key.direction is ast.Direction.ASC:
            return f"{text} ascending"
        return text


def _table_name(scope: Scope) -> str | None:
    """The table of the current records (None for interactions and unknown tables)."""
    return scope.holder.name if scope.holder is not None and not scope.is_interaction else None


def _discriminated_table(steps: tuple[ast.Step, ...]) -> str | None:
    """The profile type a real-time interaction's first FILTER names with its
    discriminator (alone, or as one of the conditions joined by `&&`)."""
    first = next((step for step in steps if isinstance(step, ast.Filter)), None)
    if first is None:
        return None
    condition = first.condition
    candidates = condition.operands if isinstance(condition, ast.Logical) and condition.op is ast.LogicOp.AND \
        else (condition,)
    for candidate in candidates:
        profile_type = discriminated_profile(candidate)
        if profile_type is not None and isinstance(candidate, ast.Comparison) and candidate.op is ast.CompareOp.EQ:
            return profile_type
    return None


def _not_understood(node: ast.Node) -> str:
    return f"`{unparse(node)}` (not understood)"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
