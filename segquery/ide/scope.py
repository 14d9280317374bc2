"""What a position in an incomplete query can refer to: the current table (or
interaction) and the aliases declared before it in its chain.

Which table a chain reaches is the semantic layer's knowledge
(`segquery.semantic.tables.infer_tables`). Text being typed rarely parses,
so this module is only an adapter: it builds the AST nodes of the chain
around a position from the token outline (names and aliases with their
spans; conditions do not matter for tables) and asks the inference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from segquery.ide.outline import Frame, Outline, name_span, name_text
from segquery.schema import InteractionType, Schema, Table
from segquery.schema.model import Attribute
from segquery.semantic.tables import StepScope, infer_tables
from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.realtime import RELATE_NAMES
from segquery.syntax.scanner import MAX_NESTING

SegmentTable = Callable[[str], "str | None"]
_PLACEHOLDER = ast.BooleanLiteral(value=True)


class _Records:
    """Records of a table or of an interaction (whichever of the two fields is set)."""

    table: Table | None
    interaction: InteractionType | None

    @property
    def owner(self) -> str:
        holder = self.table or self.interaction
        return holder.name if holder is not None else ""

    def attributes(self) -> dict[str, Attribute]:
        holder = self.table or self.interaction
        return dict(holder.attributes) if holder is not None else {}


@dataclass(frozen=True)
class AliasBinding(_Records):
    """An alias in scope, with the schema object its records belong to."""

    name: str
    declaration: Span
    table: Table | None = None
    interaction: InteractionType | None = None


@dataclass(frozen=True)
class ChainScope(_Records):
    """The records a position works on: a table, or an interaction's records."""

    table: Table | None = None
    interaction: InteractionType | None = None
    aliases: dict[str, AliasBinding] = field(default_factory=dict)  # keyed by case-folded name
    table_name: str | None = None  # as inferred, also when the schema does not know it

    def alias(self, name: str) -> AliasBinding | None:
        return self.aliases.get(name.casefold())


def _no_segments(name: str) -> str | None:
    return None


def scope_at(outline: Outline, offset: int, schema: Schema,
             segment_table: SegmentTable = _no_segments, scopes: "ChainScopes | None" = None) -> ChainScope:
    """The scope that names at `offset` are resolved in: that of the step
    whose arguments hold the offset (TRAVERSE's FILTER sees the related
    records and the TRAVERSE's alias). `scopes` answers for steps from chains
    already inferred, when many names of one text are resolved."""
    inner: Frame | None = None
    for frame in reversed(outline.frames_at(offset)):
        if frame.query_level and frame.name is not None:
            in_filter = frame.upper == "TRAVERSE" and inner is not None and _argument_index(frame, inner) >= 1
            if scopes is not None and not in_filter:
                return scopes.of(frame)
            return step_scope(outline, frame, schema, segment_table, inside_traverse_filter=in_filter)
        inner = frame
    return ChainScope()


def step_scope(outline: Outline, frame: Frame, schema: Schema, segment_table: SegmentTable = _no_segments, *,
               inside_traverse_filter: bool = False) -> ChainScope:
    """The scope of the records the chain call `frame` reads."""
    builder = _ChainBuilder(outline)
    chain, nodes = builder.chain(frame.chain())
    info = infer_tables(ast.Query(body=chain), schema, segment_types=segment_table)
    node = nodes[-1]
    if inside_traverse_filter and isinstance(node, ast.Traverse) and node.filter is not None:
        node = node.filter
    if not info.has_step(node):
        return ChainScope()
    return _convert(info.step(node), schema)


class ChainScopes:
    """The scope of every step of a chain from one inference of the whole chain, so that
    resolving each name of a long chain does not infer the chain again (which is
    quadratic in its length)."""

    def __init__(self, outline: Outline, schema: Schema, segment_table: SegmentTable = _no_segments) -> None:
        self.outline = outline
        self.schema = schema
        self.segment_table = segment_table
        self._by_frame: dict[int, ChainScope] = {}
        self._inferred: set[int] = set()   # the last frames of the chains inferred

    def of(self, frame: Frame) -> ChainScope:
        """The scope of the records the chain call `frame` reads (as `step_scope` gives it)."""
        last = frame
        while last.following is not None:
            last = last.following
        if id(last) not in self._inferred:
            self._inferred.add(id(last))
            self._infer(last.chain())
        found = self._by_frame.get(id(frame))
        return found if found is not None else step_scope(self.outline, frame, self.schema, self.segment_table)

    def _infer(self, frames: list[Frame]) -> None:
        chain, nodes = _ChainBuilder(self.outline).chain(frames)
        if len(nodes) != len(frames):
            return   # the frames and the steps do not pair up: each is answered on its own
        info = infer_tables(ast.Query(body=chain), self.schema, segment_types=self.segment_table)
        for frame, node in zip(frames, nodes):
            self._by_frame[id(frame)] = _convert(info.step(node), self.schema) if info.has_step(node) else ChainScope()


def after_scope(outline: Outline, frame: Frame, schema: Schema,
                segment_table: SegmentTable = _no_segments) -> ChainScope:
    """The scope after the chain call `frame` (the records it produces)."""
    chain, _ = _ChainBuilder(outline).chain(frame.chain())
    info = infer_tables(ast.Query(body=chain), schema, segment_types=segment_table)
    return _convert(info.end(chain), schema)


def nested_relate_parent(outline: Outline, frame: Frame) -> Frame | None:
    """The RELATE call whose third argument is the RELATE call `frame`, if any."""
    parent = frame.parent
    if frame.upper not in RELATE_NAMES or parent is None or parent.upper not in RELATE_NAMES:
        return None
    if outline.enclosing[frame.index] is not parent or outline.argument_of[frame.index] != 2:
        return None
    return parent


def relate_start(outline: Outline, frame: Frame, schema: Schema,
                 segment_table: SegmentTable = _no_segments) -> str | None:
    """The table a RELATE call joins from: the chain's table for a step, the
    table the enclosing RELATE reaches for a nested one (None when unknown)."""
    path = [frame]
    while (parent := nested_relate_parent(outline, path[-1])) is not None:
        path.append(parent)
    table = step_scope(outline, path[-1], schema, segment_table).table_name
    for outer in reversed(path[1:]):
        token = outline.argument_name(outer, 0)
        relationship = schema.relationship_by_schema_name(name_text(token)) if token is not None else None
        table = relationship.other_end(table) if relationship is not None and table is not None else None
    return table


def _convert(step: StepScope, schema: Schema) -> ChainScope:
    aliases = {}
    for binding in step.bindings:
        table = interaction = None
        if binding.interaction:
            interaction = schema.interaction(binding.table) if binding.table else None
        elif binding.table:
            table = schema.table(binding.table)
        aliases[binding.name.casefold()] = AliasBinding(binding.name, binding.declaration.span, table, interaction)
    if step.interaction is not None:
        return ChainScope(None, schema.interaction(step.interaction), aliases, None)
    return ChainScope(schema.table(step.before) if step.before else None, None, aliases, step.before)


def _argument_index(frame: Frame, inner: Frame) -> int:
    for index, (start, end) in enumerate(frame.arguments):
        if start <= inner.index < end:
            return index
    return -1


class _ChainBuilder:
    """AST nodes for the calls of a chain, read from the outline."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.depth = 0
        self._frame_at: dict[int, Frame] | None = None  # token index of a `(` -> its frame

    def chain(self, calls: list[Frame]) -> tuple[ast.Chain | ast.Grouped, list[ast.Node]]:
        """The chain (or group with steps) of `calls`, and the node made for each call."""
        first = calls[0]
        nodes: list[ast.Node] = []
        if first.name is None:
            self.depth += 1
            try:
                # Deeper than the parser accepts (it reports S-too-deep): no scope to offer.
                body = self._group_body(first) if self.depth <= MAX_NESTING else ast.Chain(source=self._invalid(first))
            finally:
                self.depth -= 1
            steps = [self._step(frame) for frame in calls[1:]]
            nodes = [body, *steps]
            return ast.Grouped(body=body, steps=tuple(steps), span=self._span(first)), nodes
        source = self._source(first)
        steps = [self._step(frame) for frame in calls[1:]]
        return ast.Chain(source=source, steps=tuple(steps), span=self._span(first)), [source, *steps]

    def _group_body(self, group: Frame) -> ast.QueryExpr:
        operands = []
        for frame in self.outline.frames:
            if frame.parent is group and frame.previous is None and frame.query_level:
                last = frame
                while last.following is not None:
                    last = last.following
                operands.append(self.chain(last.chain())[0])
        if not operands:
            return ast.Chain(source=self._invalid(group))
        if len(operands) == 1:
            return operands[0]
        return ast.SetOperation(operands=tuple(operands), operators=(ast.SetOp.UNION,) * (len(operands) - 1))

    def _identifier(self, frame: Frame, index: int) -> ast.Identifier | None:
        token = self.outline.argument_name(frame, index)
        if token is None:
            return None
        return ast.Identifier(name=name_text(token), span=name_span(token))

    def _span(self, frame: Frame) -> Span:
        end = frame.end if frame.end is not None else len(self.outline.text)
        return Span(frame.start, end)

    def _invalid(self, frame: Frame) -> ast.InvalidCall:
        name = frame.name.text if frame.name is not None else ""
        return ast.InvalidCall(call=ast.Call(name=ast.Identifier(name=name), arguments=()), span=self._span(frame))

    def _source(self, frame: Frame) -> ast.Source:
        upper, span = frame.upper, self._span(frame)
        first = self._identifier(frame, 0)
        if upper == "PROFILE" and first is not None:
            return ast.Profile(table=first, alias=self._identifier(frame, 1), span=span)
        if upper == "SEGMENT" and first is not None:
            return ast.SegmentRef(name=first, span=span)
        if upper == "INTERACTION" and first is not None:
            link = self._identifier(frame, 1) or ast.Identifier(name="")
            return ast.Interaction(interaction_type=first, link_type=link, alias=self._identifier(frame, 2),
                                   span=span)
        return self._invalid(frame)

    def _step(self, frame: Frame) -> ast.Step:
        upper, span = frame.upper, self._span(frame)
        if upper == "FILTER":
            return ast.Filter(condition=_PLACEHOLDER, span=span)
        if upper == "HAVING":
            return ast.Having(condition=_PLACEHOLDER, span=span)
        if upper == "DISTINCT":
            return ast.Distinct(span=span)
        if upper == "ORDERBY":
            return ast.OrderBy(keys=(), span=span)
        if upper in ("SKIP", "TAKE"):
            count = ast.NumberLiteral(text="0")
            return (ast.Skip if upper == "SKIP" else ast.Take)(count=count, span=span)
        if upper == "SELECT":
            return ast.Select(attributes=(), span=span)
        if upper == "TRAVERSE":
            relationship = self._identifier(frame, 0)
            if relationship is not None:
                return self._traverse(frame, relationship, span)
        if upper in RELATE_NAMES:
            return self._relate(frame)
        return self._invalid(frame)

    def _relate(self, frame: Frame) -> ast.Relate:
        """RELATE with its nested path (built innermost first: paths can be long)."""
        path = [frame]
        while (inner := self._nested_frame(path[-1])) is not None:
            path.append(inner)
        built: ast.Relate | None = None
        empty = ast.Identifier(name="")  # an argument not written yet
        for call in reversed(path):
            built = ast.Relate(relationship=self._identifier(call, 0) or empty,
                               alias=self._identifier(call, 1) or empty, nested=built,
                               optional=call.upper == "RELATEOPTIONAL", span=self._span(call))
        assert built is not None
        return built

    def _nested_frame(self, frame: Frame) -> Frame | None:
        tokens = self.outline.argument_tokens(frame, 2)
        if len(tokens) < 2 or tokens[1].text != "(":
            return None
        if self._frame_at is None:
            self._frame_at = {opened.index: opened for opened in self.outline.frames}
        inner = self._frame_at.get(frame.arguments[2][0] + 1)
        return inner if inner is not None and nested_relate_parent(self.outline, inner) is frame else None

    def _traverse(self, frame: Frame, relationship: ast.Identifier, span: Span) -> ast.Traverse:
        alias = None
        has_filter = False
        for index in range(1, len(frame.arguments)):
            tokens = self.outline.argument_tokens(frame, index)
            if tokens and tokens[0].text.upper() == "FILTER":
                has_filter = True
            elif index == 1 and len(tokens) == 1:
                alias = self._identifier(frame, 1)
        filter_step = ast.Filter(condition=_PLACEHOLDER) if has_filter else None
        return ast.Traverse(relationship=relationship, alias=alias, filter=filter_step, span=span)
