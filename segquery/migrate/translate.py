"""Translate one outbound query into the real-time journeys dialect.

Works on the tree: every construct is either rewritten into its real-time
form, or reported and kept as written (so a partial result shows the user
exactly what is left to do). Each decision is one `Finding`; the text is
printed by the formatter in the real-time dialect.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Callable

from segquery.diagnostics import has_errors
from segquery.directives import comment_body
from segquery.format.formatter import format_query
from segquery.migrate import codes
from segquery.migrate.findings import Finding, Outcome, worst
from segquery.migrate.mapping import PROFILE_TYPES, InteractionMap, default_interaction_map
from segquery.schema import Schema, default_schema
from segquery.schema.model import Relationship
from segquery.source import Range, SourceText, Span
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.printer import unparse
from segquery.syntax.realtime import REALTIME, SEGMENT_ID_PREFIX
from segquery.syntax.visitor import Transformer

# The new definition id (32 hex digits) for a segment name or outbound id, or None when unknown.
SegmentIds = Callable[[str], "str | None"]


@dataclass(frozen=True)
class QueryMigration:
    """The real-time text of one outbound query and what became of each construct.

    `text` is None when something is unsupported and a partial result was not
    asked for. `profile` is the profile type the query selects, when the query
    itself says (a SEGMENT-only query leaves it to the referenced segments).
    """

    outbound: str
    text: str | None
    findings: tuple[Finding, ...]
    profile: str | None = None
    references: tuple[str, ...] = ()
    compact: str | None = None    # the query alone on one line, as a record sends it (no comments)

    @property
    def outcome(self) -> Outcome:
        return worst(self.findings)


@dataclass
class _PathNode:
    """A table on an outbound TRAVERSE path, and how it was reached."""

    table: str
    alias: ast.Identifier | None
    via: Relationship | None = None
    alias_name: str = ""


@dataclass
class _Raw:
    code: str
    span: Span
    done: str
    why: str


class _Unsupported(Exception):
    """Raised inside a chain to keep the chain as written (its finding is already recorded)."""


@dataclass
class Translator:
    schema: Schema
    interactions: InteractionMap
    segment_ids: SegmentIds
    source_text: str
    found: list[_Raw] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def report(self, code: str, span: Span, done: str, why: str) -> None:
        self.found.append(_Raw(code, span, done, why))

    def unsupported(self, code: str, span: Span, done: str, why: str) -> _Unsupported:
        self.report(code, span, done, why)
        return _Unsupported()

    # ------------------------------------------------------------ query expressions

    def query_expr(self, node: ast.QueryExpr) -> ast.QueryExpr:
        if isinstance(node, ast.SetOperation):
            self._report_minus(node)
            return replace(node, operands=tuple(self.query_expr(operand) for operand in node.operands),
                           spellings=())
        if isinstance(node, ast.Grouped):
            return self._grouped(node)
        assert isinstance(node, ast.Chain)
        try:
            if isinstance(node.source, ast.Profile):
                return self._profile_chain(node)
            if isinstance(node.source, ast.Interaction):
                return self._interaction_chain(node)
            if isinstance(node.source, ast.SegmentRef):
                return self._segment_chain(node)
            raise self.unsupported(codes.NO_REALTIME_FORM, node.source.span, "kept as written",
                                   "the source of the chain is not a known construct")
        except _Unsupported:
            return node

    @functools.cached_property
    def _upper_text(self) -> str:
        return self.source_text.upper()

    def _report_minus(self, node: ast.SetOperation) -> None:
        text = self._upper_text
        position = node.operands[0].span.end
        for spelling, operand in zip(node.spellings, node.operands[1:]):
            start = text.find("MINUS", position, operand.span.start)
            if spelling.upper() == "MINUS" and start >= 0:
                self.report(codes.MINUS_TO_EXCEPT, Span(start, start + 5), "MINUS written EXCEPT",
                            "real-time journeys knows the set difference as EXCEPT only")
            position = operand.span.end

    def _grouped(self, node: ast.Grouped) -> ast.QueryExpr:
        body = self.query_expr(node.body)
        kept: list[ast.Step] = []
        for step in node.steps:
            if self._dropped(step):
                continue
            if isinstance(step, (ast.Skip, ast.Take)):
                self._paging(step)
            else:
                self.report(codes.NO_REALTIME_FORM, step.span, "kept as written",
                            f"{unparse(step)} after a parenthesized query has no real-time form")
            kept.append(step)
        if kept:
            return replace(node, body=body, steps=tuple(kept))
        return replace(body, parens=body.parens + node.parens + 1 if isinstance(body, ast.SetOperation)
                       else body.parens + node.parens)

    def _dropped(self, step: ast.Step) -> bool:
        """Report and drop the member-fetch steps that do not change who is a member."""
        if isinstance(step, ast.Distinct):
            self.report(codes.DISTINCT_DROPPED, step.span, "DISTINCT() dropped",
                        "real-time segment members are distinct profiles already")
            return True
        if isinstance(step, (ast.OrderBy, ast.Select)):
            self.report(codes.FETCH_STEP_DROPPED, step.span, f"{step.call_name} dropped",
                        "it orders or shapes fetched members without changing who is a member; real-time "
                        "journeys lists members with msdynmkt_MembersList")
            return True
        return False

    def _paging(self, step: ast.Step) -> None:
        self.report(codes.PAGING_UNSUPPORTED, step.span, f"{step.call_name} kept as written",
                    "it changes which records are returned, and real-time segments cannot page")

    # ------------------------------------------------------------ SEGMENT(x)

    def _segment_chain(self, chain: ast.Chain) -> ast.QueryExpr:
        source = chain.source
        assert isinstance(source, ast.SegmentRef)
        name = source.name.name
        self.references.append(name)
        if chain.steps:
            raise self.unsupported(codes.NO_REALTIME_FORM, chain.steps[0].span, "kept as written",
                                   "real-time journeys takes no steps after SEGMENT(...)")
        new_id = self.segment_ids(name)
        if new_id is None:
            raise self.unsupported(codes.UNMAPPED_SEGMENT, source.name.span, f"SEGMENT({name}) kept as written",
                                   f"`{name}` is not a migrated segment and the id map has no id for it")
        new_name = SEGMENT_ID_PREFIX + new_id
        self.report(codes.SEGMENT_MAPPED, source.name.span, f"`{name}` written `{new_name}`",
                    "real-time journeys references the segment definition by its id, taken from the id map")
        return replace(chain, source=replace(source, name=ast.Identifier(name=new_name)))

    # ------------------------------------------------------------ PROFILE(...) chains

    def _profile_chain(self, chain: ast.Chain) -> ast.QueryExpr:
        source = chain.source
        assert isinstance(source, ast.Profile)
        path = [_PathNode(source.table.name, source.alias)]
        conditions: list[tuple[ast.Expr, int]] = []
        traverses: list[ast.Traverse] = []
        for step in chain.steps:
            if isinstance(step, ast.Filter):
                conditions.append((step.condition, len(path) - 1))
            elif isinstance(step, ast.Traverse):
                path.append(self._traverse(step, path[-1].table))
                traverses.append(step)
                if step.filter is not None:
                    self.report(codes.TRAVERSE_FILTER, step.filter.span, "the inner FILTER tests the related records",
                                "the outbound edge filter is assumed to test the records TRAVERSE reaches")
                    conditions.append((step.filter.condition, len(path) - 1))
            elif self._dropped(step):
                continue
            elif isinstance(step, (ast.Skip, ast.Take)):
                self._paging(step)
                raise _Unsupported()
            else:
                raise self.unsupported(codes.NO_REALTIME_FORM, step.span, "kept as written",
                                       f"{unparse(step)} has no real-time form on a profile")
        end = path[-1]
        if end.table.casefold() not in PROFILE_TYPES:
            raise self.unsupported(codes.NOT_A_PROFILE, chain.span, "kept as written",
                                   f"the query selects `{end.table}` records; real-time segments select "
                                   "contacts or leads")
        profile = end.table.casefold()
        self.profiles.append(profile)
        self._name_aliases(path)
        profile_filters, related = self._place_conditions(conditions, path)
        if end.alias is not None:
            self.report(codes.PROFILE_ALIAS_DROPPED, end.alias.span, f"alias `{end.alias.name}` dropped",
                        "real-time journeys writes the profile's attributes unqualified")
        steps: list[ast.Step] = [ast.Filter(condition=condition) for condition in profile_filters]
        if len(path) > 1:
            steps += self._relate_steps(path, related, traverses)
        return ast.Chain(source=ast.Profile(table=ast.Identifier(name=profile)), steps=tuple(steps),
                         parens=chain.parens)

    def _traverse(self, step: ast.Traverse, current: str) -> _PathNode:
        name = step.relationship.name
        relationship = self.schema.relationship(name)
        other = relationship.other_end(current) if relationship is not None else None
        if relationship is None or other is None or not relationship.schema_name:
            why = ("the schema has no such relationship" if relationship is None
                   else f"it does not touch `{current}`" if other is None else "it has no schema name")
            raise self.unsupported(codes.UNKNOWN_RELATIONSHIP, step.relationship.span,
                                   f"TRAVERSE({name}) kept as written", f"{why}, so no RELATE can be written")
        if relationship.referencing_table.casefold() == relationship.referenced_table.casefold():
            self.report(codes.SELF_RELATIONSHIP, step.relationship.span,
                        f"RELATE({relationship.schema_name}) assumed to follow `{name}` the same way",
                        f"`{relationship.schema_name}` joins `{current}` to itself, in both directions")
        return _PathNode(other, step.alias, relationship)

    @staticmethod
    def _name_aliases(path: list[_PathNode]) -> None:
        """Each related table keeps its outbound alias, or gets `<table>_<n>`."""
        used = {node.alias.name.casefold() for node in path if node.alias is not None}
        for node in path[:-1]:
            if node.alias is not None:
                node.alias_name = node.alias.name
                continue
            number = 1
            while f"{node.table}_{number}".casefold() in used:
                number += 1
            node.alias_name = f"{node.table}_{number}"
            used.add(node.alias_name.casefold())

    def _place_conditions(self, conditions: list[tuple[ast.Expr, int]], path: list[_PathNode]
                          ) -> tuple[list[ast.Expr], list[ast.Expr]]:
        """Split the conditions into those on the profile (unqualified) and those on related records."""
        end = len(path) - 1
        on_profile: list[ast.Expr] = []
        on_related: list[ast.Expr] = []
        for condition, index in conditions:
            self._report_unattested(condition)
            owners: dict[int, int] = {}   # id(attribute) -> path index
            for attribute in ast.attribute_references(condition):
                owners[id(attribute)] = self._owner(attribute, index, path)
            places = set(owners.values()) or {index}
            if places == {end}:
                on_profile.append(_requalify(condition, owners, lambda _index: None))
            elif end not in places:
                on_related.append(_requalify(condition, owners, lambda owner: path[owner].alias_name))
            else:
                raise self.unsupported(codes.MIXED_CONDITION, condition.span, "kept as written",
                                       "the condition reads the profile and a related record at once")
        return on_profile, on_related

    def _owner(self, attribute: ast.Attribute, index: int, path: list[_PathNode]) -> int:
        if attribute.qualifier is None:
            return index
        folded = attribute.qualifier.name.casefold()
        for position in range(index, -1, -1):
            alias = path[position].alias
            if alias is not None and alias.name.casefold() == folded:
                return position
        for position in range(index, -1, -1):   # a table's name qualifies its records too
            if path[position].table.casefold() == folded:
                return position
        raise self.unsupported(codes.NO_REALTIME_FORM, attribute.span, "kept as written",
                               f"`{attribute.qualifier.name}` names no record of the chain here")

    def _relate_steps(self, path: list[_PathNode], related: list[ast.Expr],
                      traverses: list[ast.Traverse]) -> list[ast.Step]:
        relate: ast.Relate | None = None
        for position in range(len(path) - 1):
            via = path[position + 1].via
            assert via is not None and via.schema_name is not None  # checked by _traverse
            relate = ast.Relate(relationship=ast.Identifier(name=via.schema_name),
                                alias=ast.Identifier(name=path[position].alias_name), nested=relate)
            step = traverses[position]
            self.report(codes.TRAVERSE_TO_RELATE, step.span,
                        f"TRAVERSE({step.relationship.name}) written RELATE({via.schema_name}, "
                        f"{path[position].alias_name}) from `{path[position + 1].table}`",
                        "real-time journeys joins from the profile along the relationship's schema name")
        assert relate is not None
        first = path[-2]
        condition = (_conjunction(related) if related else
                     ast.IsNull(operand=_attribute(f"{first.table}id", first.alias_name), negated=True))
        return [relate, ast.Filter(condition=condition)]

    def _report_unattested(self, condition: ast.Node) -> None:
        for node in ast.walk(condition):
            if isinstance(node, (ast.DateDiff, ast.DateAdd, ast.DateLiteral, ast.DateTimeUtcNow)):
                self.report(codes.DATES_NOT_ATTESTED, node.span, f"{node.call_name} kept as written",
                            "real-time journeys does not attest date functions")
            elif isinstance(node, ast.Arithmetic) or (isinstance(node, ast.Negate)
                                                      and not isinstance(node.operand, ast.NumberLiteral)):
                self.report(codes.ARITHMETIC_NOT_ATTESTED, node.span, "arithmetic kept as written",
                            "real-time journeys does not attest arithmetic")
            elif isinstance(node, ast.StringTest) and node.op is not ast.StringOp.CONTAINS:
                self.report(codes.STRING_TEST_UNSUPPORTED, node.span, f"{node.op.value} kept as written",
                            "only infix CONTAINS is attested in real-time journeys")
            elif isinstance(node, ast.Aggregate):
                self.report(codes.NO_REALTIME_FORM, node.span, f"{node.call_name}() kept as written",
                            "aggregates are counted by HAVING on interactions only")

    # ------------------------------------------------------------ INTERACTION(...) chains

    def _interaction_chain(self, chain: ast.Chain) -> ast.QueryExpr:
        source = chain.source
        assert isinstance(source, ast.Interaction)
        name, link = source.interaction_type.name, source.link_type.name
        mapping = self.interactions.get(name)
        if mapping is None:
            raise self.unsupported(codes.UNKNOWN_INTERACTION, source.interaction_type.span,
                                   f"INTERACTION({name}, ...) kept as written",
                                   f"the interaction map has no real-time table for `{name}`")
        profile = mapping.profile_type(link)
        if profile is None:
            raise self.unsupported(codes.UNKNOWN_LINK, source.link_type.span, f"`{link}` kept as written",
                                   f"the interaction map does not say whether `{link}` links contacts or leads")
        column = self.interactions.profile_id_column
        self.profiles.append(profile)
        self.report(codes.INTERACTION_MAPPED, source.span,
                    f"INTERACTION({name}, {link}) written INTERACTION({mapping.table}, {column}) for {profile}s",
                    f"assumes `{mapping.table}` holds the interactions of the window (real-time journeys "
                    "records its own, not the outbound history)")
        if source.alias is not None:
            self.report(codes.INTERACTION_ALIAS_DROPPED, source.alias.span, f"alias `{source.alias.name}` dropped",
                        "INTERACTION takes two arguments in real-time journeys")
        conditions: list[ast.Expr] = [ast.Comparison(left=_attribute(f"{column}_LogicalName"), op=ast.CompareOp.EQ,
                                                     right=ast.StringLiteral(value=profile))]
        having: list[ast.Step] = []
        for step in chain.steps:
            if isinstance(step, ast.Filter):
                self._report_unattested(step.condition)
                conditions.append(self._interaction_condition(step.condition, source, mapping))
            elif isinstance(step, ast.Having):
                self._check_having(step)
                having.append(step)
            else:
                raise self.unsupported(codes.NO_REALTIME_FORM, step.span, "kept as written",
                                       f"{unparse(step)} has no real-time form on an interaction")
        condition = _conjunction(conditions)
        new_source = ast.Interaction(interaction_type=ast.Identifier(name=mapping.table),
                                     link_type=ast.Identifier(name=column))
        return ast.Chain(source=new_source, steps=(ast.Filter(condition=condition), *having), parens=chain.parens)

    def _interaction_condition(self, condition: ast.Expr, source: ast.Interaction, mapping) -> ast.Expr:
        renamed: dict[int, str] = {}
        for attribute in ast.attribute_references(condition):
            qualifier = attribute.qualifier
            if qualifier is not None and (source.alias is None
                                          or qualifier.name.casefold() != source.alias.name.casefold()):
                raise self.unsupported(codes.NO_REALTIME_FORM, attribute.span, "kept as written",
                                       f"`{qualifier.name}` is not the interaction's alias")
            column = mapping.column(attribute.name.name)
            if column is None:
                raise self.unsupported(codes.UNMAPPED_ATTRIBUTE, attribute.span,
                                       f"`{attribute.dotted}` kept as written",
                                       f"the interaction map has no `{mapping.table}` column for "
                                       f"`{attribute.name.name}` of {mapping.name}")
            renamed[id(attribute)] = column
        return _RenameAttributes(renamed, {key: None for key in renamed}).rewrite(condition)

    def _check_having(self, step: ast.Having) -> None:
        for node in ast.walk(step.condition):
            if isinstance(node, ast.Aggregate) and node.function is not ast.AggregateFunction.COUNT:
                raise self.unsupported(codes.AGGREGATE_NOT_COUNT, node.span, f"{node.call_name} kept as written",
                                       "real-time journeys counts interactions with COUNT() only")


def _conjunction(conditions: list[ast.Expr]) -> ast.Expr:
    """`a && b && c` from conditions; an `&&` chain the author did not parenthesize joins the chain."""
    operands: list[ast.Expr] = []
    for condition in conditions:
        if isinstance(condition, ast.Logical) and condition.op is ast.LogicOp.AND and not condition.parens:
            operands.extend(condition.operands)
        else:
            operands.append(condition)
    return operands[0] if len(operands) == 1 else ast.Logical(op=ast.LogicOp.AND, operands=tuple(operands))


def _attribute(name: str, qualifier: str | None = None) -> ast.Attribute:
    return ast.Attribute(name=ast.Identifier(name=name),
                         qualifier=ast.Identifier(name=qualifier) if qualifier is not None else None)


class _RenameAttributes(Transformer):
    """Rewrites the attributes found by identity (computed on the original tree)."""

    def __init__(self, names: dict[int, str] | None = None,
                 qualifiers: dict[int, str | None] | None = None) -> None:
        self.names = names or {}
        self.qualifiers = qualifiers or {}

    def rewrite(self, condition: ast.Expr) -> ast.Expr:
        return self.transform(condition)  # type: ignore[return-value]

    def transform_attribute(self, node: ast.Attribute) -> ast.Attribute:
        # An attribute's children are never rewritten, so the node here is the original one.
        key = id(node)
        name = self.names.get(key, node.name.name)
        qualifier = (self.qualifiers[key] if key in self.qualifiers
                     else node.qualifier.name if node.qualifier is not None else None)
        return ast.Attribute(name=ast.Identifier(name=name),
                             qualifier=ast.Identifier(name=qualifier) if qualifier is not None else None,
                             parens=node.parens)


def _requalify(condition: ast.Expr, owners: dict[int, int], alias_of: Callable[[int], str | None]) -> ast.Expr:
    return _RenameAttributes(qualifiers={key: alias_of(owner) for key, owner in owners.items()}).rewrite(condition)


# ---------------------------------------------------------------- entry point


def migrate_query(text: str, *, schema: Schema | None = None, interactions: InteractionMap | None = None,
                  segment_ids: SegmentIds | None = None, allow_partial: bool = False,
                  locate: Callable[[Span], Range] | None = None) -> QueryMigration:
    """Translate an outbound query text; see `segquery.migrate.migrate`.

    `locate` turns an offset range of `text` into the range findings report
    (the file's, when the query sits in a JSON record).
    """
    source = SourceText(text)
    where = locate or (lambda span: source.range(span.start, span.end))
    parsed = parse_tolerant(text)
    if parsed.query is None or has_errors(parsed.diagnostics):
        first = next(d for d in parsed.diagnostics if d.severity.name == "ERROR")
        finding = Finding(codes.DOES_NOT_PARSE, where(Span(first.range.start.offset, first.range.end.offset)),
                          "not migrated", f"the outbound query does not parse: {first.message}")
        return QueryMigration(text, None, (finding,))
    translator = Translator(schema or default_schema(), interactions or default_interaction_map(),
                            segment_ids or (lambda name: None), text)
    body = translator.query_expr(parsed.query.body)
    findings = tuple(Finding(raw.code, where(raw.span), raw.done, raw.why)
                     for raw in sorted(translator.found, key=lambda raw: (raw.span.start, raw.span.end, raw.code)))
    result_text = compact = None
    if allow_partial or worst(findings) is not Outcome.UNSUPPORTED:
        result_text = _comments(parsed.query) + format_query(ast.Query(body=body), None, dialect=REALTIME)
        compact = unparse(body)
    profile = translator.profiles[0] if translator.profiles else None
    return QueryMigration(text, result_text, findings, profile, tuple(dict.fromkeys(translator.references)),
                          compact)


def _comments(query: ast.Query) -> str:
    """The author's comments, above the query (directives describe the outbound segment and are left out)."""
    kept = [comment.text for comment in query.comments if not comment_body(comment).strip().startswith("segquery:")]
    return "".join(text + "\n" for text in kept)
