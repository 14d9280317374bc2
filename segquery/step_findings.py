"""Validation and lint of one document, checking again only the units an edit touched.

`StepFindings` belongs to one document (the language server keeps one per
open file). Each check returns exactly what `validate` followed by `lint`
returns for the query. On the way it keeps, for every unit (a chain step, or
an operand of a long FILTER condition: segquery/step_units.py), the findings
of the rules whose findings depend on their unit alone (STEP scope,
segquery/rules/scope.py), the unit's tokens and the facts rules read about it
(segquery/syntax/step_facts.py). The next check reuses them for every unit
whose text and context are unchanged, moved to where the unit now starts, and
runs those rules only over the other units and over the nodes outside every
unit. Rules of QUERY scope run over the whole query each time; the lint
context they share is made of the kept tokens and walks the tree only if a
rule asks for its nodes.

Entries are kept at least while one of the last eight checks used them: an
edit that is undone, or a condition broken and mended, finds the units as
they were, and a long FILTER kept whole for a few checks still has its
operands' entries when an edit splits it again. Older ones are dropped when
enough new ones have come (a sweep visits every entry).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Callable, Sequence
from segquery.fast_dataclass import dataclass
from typing import Any, cast

from segquery.diagnostics import Diagnostic
from segquery.lint import applies_to, lint, lint_rules
from segquery.lint.base import LintRule
from segquery.lint.context import LintContext
from segquery.lint.token_index import TokenIndex, TokenPiece
from segquery.rules.scope import RuleScope
from segquery.schema import Schema
from segquery.semantic.context import ValidationContext
from segquery.semantic.kinds import QueryKind, infer_kind
from segquery.semantic.rules.base import Rule
from segquery.semantic.schemas import active_schema
from segquery.semantic.tables import TableInfo, infer_tables
from segquery.semantic.validation import DEFAULT_TARGET, build_context, rules_for_dialect, validate
from segquery.source import SourceText, Span
from segquery.step_units import StepUnit, scope_key, step_units, whole_step
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.tokens import tokenize

logger = logging.getLogger(__name__)

Ranked = tuple[int, Diagnostic]          # a finding and the position of its rule in the rule order


class OutsideUnit(Exception):
    """A rule of STEP scope reported a finding outside the units it was checking."""


@dataclass(frozen=True, slots=True)
class _Kept:
    """The findings of some rules in one step, made when the step started at `start`."""

    start: int
    findings: tuple[Ranked, ...]


# Entries that none of this many checks (the last one included) used may be dropped ...
KEPT_CHECKS = 8
# ... once the entries have grown by this share since they were last swept (at least SWEEP_GROWTH_MIN
# entries): a sweep visits every entry, thousands for a long condition, so it is not made on every check.
SWEEP_GROWTH = 0.25
SWEEP_GROWTH_MIN = 256


class _Generations:
    """Entries by key, for the checks of the last texts: each entry remembers the last check that used
    it, and those that none of the last `KEPT_CHECKS` checks used are dropped once the entries have grown
    enough since the last sweep (each check adds a few: those of the units an edit touched)."""

    def __init__(self) -> None:
        self._entries: dict = {}     # key -> [number of the last check that used it, value]
        self._check = 0
        self._swept_size = 0

    def get(self, key: object):
        entry = self._entries.get(key)
        if entry is None:
            return None
        entry[0] = self._check
        return entry[1]

    def get_many(self, keys: Sequence[object]) -> list:
        """`get` of each key, in one loop (a long condition asks for thousands)."""
        entries, check = self._entries, self._check
        found: list = []
        for key in keys:
            entry = entries.get(key)
            if entry is None:
                found.append(None)
            else:
                entry[0] = check
                found.append(entry[1])
        return found

    def put(self, key: object, value: object) -> None:
        self._entries[key] = [self._check, value]

    def kept(self, key: object, make: Callable[[], Any]) -> Any:
        """The value kept for `key`, or the one `make` gives (kept from now on)."""
        entry = self._entries.get(key)
        if entry is None:
            value = make()
            self._entries[key] = [self._check, value]
            return value
        entry[0] = self._check
        return entry[1]

    def skip_to(self, other: _Generations) -> None:
        """Count checks from where `other` stands (a store made after the first check)."""
        self._check = other._check

    def next_check(self) -> None:
        if len(self._entries) > self._swept_size + max(SWEEP_GROWTH_MIN, int(self._swept_size * SWEEP_GROWTH)):
            oldest = self._check - KEPT_CHECKS + 1
            self._entries = {key: entry for key, entry in self._entries.items() if entry[0] >= oldest}
            self._swept_size = len(self._entries)
        self._check += 1


class StepFindings:
    """The findings of one document's steps, kept from one check to the next."""

    def __init__(self) -> None:
        self._settings: tuple | None = None
        self.rechecked: list[ast.Node] = []   # the units that the last check had to check again
        self.fallbacks = 0                    # checks done from scratch (see `check`)
        self._forget()

    def _forget(self) -> None:
        self._kept_tokens = _Generations()
        self._kept_lint = {RuleScope.STEP: _Generations(), RuleScope.STEP_POSITIONED: _Generations()}
        self._kept_validation = _Generations()
        self._kept_facts: dict[Callable[[ast.Node], Any], _Generations] = {}   # a fact -> its values by text
        self._kept_outer = _Generations()
        self._step_texts: dict[int, str] = {}
        self._units: dict[int, StepUnit] = {}
        self._unit_keys: dict[int, tuple] = {}
        self._parts: dict[int, list[ast.Node]] = {}       # a step checked operand by operand -> its operands
        self._split_texts: dict[int, str] = {}
        self._scopes: dict[int, tuple] = {}                # a step -> its scope key
        self._positions: list[tuple[int, int]] | None = None   # line and column of each unit, when asked
        self._key_list: list[tuple] = []                        # each unit's key, in the order of the units
        self._text = ""
        self._source = SourceText("")
        self._tables: TableInfo | None = None
        self._positioned_validation = False

    def check(self, query: ast.Query, source: SourceText, *, kind: QueryKind | None = None,
              schema: Schema | None = None, target: str = DEFAULT_TARGET, dialect: Dialect = OUTBOUND,
              enabled: Callable[[str], bool] | None = None, line_length: int) -> list[Diagnostic]:
        """`validate(...)` followed by `lint(...)` with the same arguments: each sorted, in that order.

        The query must have parsed without a syntax finding: only then does its
        text split into units that tokenize alone. Should a rule of STEP scope
        report outside the units it checked (its scope is declared wrong), the
        check is done again from scratch, what was kept is dropped, and
        `fallbacks` counts it (the tests hold it at zero).
        """
        try:
            return self._check(query, source, kind=kind, schema=schema, target=target, dialect=dialect,
                               enabled=enabled, line_length=line_length)
        except OutsideUnit:
            logger.warning("a rule of STEP scope reported outside its unit; %s is checked from scratch", source.path,
                           exc_info=True)
            self.fallbacks += 1
            self._settings = None
            self._forget()
            return (validate(query, source, kind=kind, schema=schema, target=target, dialect=dialect)
                    + lint(query, source, enabled=enabled, line_length=line_length, dialect=dialect))

    def _check(self, query: ast.Query, source: SourceText, *, kind: QueryKind | None, schema: Schema | None,
               target: str, dialect: Dialect, enabled: Callable[[str], bool] | None,
               line_length: int) -> list[Diagnostic]:
        kind = kind or infer_kind(query)
        validation_name, validation_rules = rules_for_dialect(dialect)
        lint_set = [rule for rule in lint_rules() if applies_to(rule, dialect)
                    and (enabled(rule.code) if enabled is not None else rule.info.default_enabled)]
        settings = (dialect.name, kind, schema, target, source.path, line_length,
                    tuple(rule.code for rule in lint_set), validation_rules)
        if settings != self._settings:
            self._settings = settings
            self._forget()  # findings made under other settings are of no use
        pieces = step_units(query)
        self.rechecked = []
        self._text, self._source = source.text, source
        self._tables = infer_tables(query, schema, dialect=validation_name)
        self._scopes, self._unit_keys = {}, {}
        checked_rules = [rule for rule in validation_rules if not (rule.needs_schema and active_schema(schema) is None)]
        self._positioned_validation = any(rule.scope is RuleScope.STEP_POSITIONED for rule in checked_rules)
        units, split = self._coarsened(
            pieces, [scope for scope in (RuleScope.STEP, RuleScope.STEP_POSITIONED)
                     if any(rule.scope is scope for rule in lint_set)],
            any(rule.scope is not RuleScope.QUERY for rule in checked_rules))
        self._index_units(source.text, units, split)
        tokens = self._token_index(source.text, pieces, dialect)
        found = self._validate(query, source, units, split, validation_rules, kind=kind, schema=schema,
                               target=target, dialect=validation_name)
        found += self._lint(query, source, units, split, lint_set, tokens, dialect=dialect, line_length=line_length)
        for generations in (self._kept_tokens, *self._kept_lint.values(), self._kept_validation, self._kept_outer,
                            *self._kept_facts.values()):
            generations.next_check()
        return found

    def _index_units(self, text: str, units: Sequence[StepUnit], split: Sequence[StepUnit]) -> None:
        """Each unit's text and key, by its node; the operands of each step checked operand by operand."""
        step_texts: dict[int, str] = {}
        by_node: dict[int, StepUnit] = {}
        keys: dict[int, tuple] = {}
        parts: dict[int, list[ast.Node]] = {}
        contexts: dict[tuple[int, bool], tuple] = {}     # the same for every operand of one condition
        for unit in units:
            node = unit.node
            node_id = id(node)
            step_texts[node_id] = text[unit.start:node.span.end]
            by_node[node_id] = unit
            context = contexts.get((id(unit.parent), unit.unread_before))
            if context is None:
                context = contexts[(id(unit.parent), unit.unread_before)] = unit.context()
            keys[node_id] = (text[unit.after:unit.until], context)
            if unit.step is not node:
                parts.setdefault(id(unit.step), []).append(node)
        self._step_texts, self._units, self._unit_keys, self._parts = step_texts, by_node, keys, parts
        self._key_list = list(keys.values())     # in the order of `units`
        self._split_texts = {id(unit.node): text[unit.start:unit.node.span.end] for unit in split}
        self._positions = None

    def _unit_positions(self, units: Sequence[StepUnit]) -> list[tuple[int, int]]:
        """The line and column where each unit starts (the keys of findings whose messages print them)."""
        if self._positions is None:
            self._positions = self._source.line_columns([unit.start for unit in units])
        return self._positions

    # ------------------------------------------------------------ tokens

    def _token_index(self, text: str, units: Sequence[StepUnit], dialect: Dialect) -> TokenIndex:
        """The tokens of the text: those of each step as kept (or tokenized now), those between steps anew."""
        offsets: list[int] = []
        texts: list[str] = []
        position = 0
        for unit in units:
            start = unit.start
            if start > position:
                offsets.append(position)
                texts.append(text[position:start])
            position = unit.node.span.end
            offsets.append(start)
            texts.append(text[start:position])
        if len(text) > position or not offsets:
            offsets.append(position)
            texts.append(text[position:])
        pieces = self._kept_tokens.get_many(texts)
        for number, piece in enumerate(pieces):
            if piece is None:
                piece = pieces[number] = TokenPiece.of(list(tokenize(texts[number], lexicon=dialect.lexicon)))
                self._kept_tokens.put(texts[number], piece)
        return TokenIndex(list(zip(offsets, pieces)))

    # ------------------------------------------------------------ validation

    def _validate(self, query: ast.Query, source: SourceText, units: Sequence[StepUnit], split: Sequence[StepUnit],
                  rules: Sequence[Rule], *, kind: QueryKind, schema: Schema | None, target: str,
                  dialect: str | None) -> list[Diagnostic]:
        tables = cast(TableInfo, self._tables)
        whole = build_context(query, source, kind=kind, schema=schema, target=target, dialect=dialect, tables=tables,
                              step_facts=self._fact)
        ranked = [(rank, rule) for rank, rule in enumerate(rules) if not (rule.needs_schema and whole.schema is None)]
        found: list[Ranked] = []
        for rank, rule in ranked:
            if rule.scope is RuleScope.QUERY:
                before = len(whole.diagnostics)
                rule.check(whole)
                found += [(rank, diagnostic) for diagnostic in whole.diagnostics[before:]]
        step_rules = [(rank, rule) for rank, rule in ranked if rule.scope is not RuleScope.QUERY]
        if step_rules:
            def run_in(context: ValidationContext) -> list[Ranked]:
                made: list[Ranked] = []
                for rank, rule in step_rules:
                    before = len(context.diagnostics)
                    rule.check(context)
                    made += [(rank, diagnostic) for diagnostic in context.diagnostics[before:]]
                return made

            # Outside every unit: the condition whose operands are units, and its clause.
            outside = run_in(build_context(query, source, kind=kind, schema=schema, target=target, dialect=dialect,
                                           tables=tables, skip={id(unit.node) for unit in units},
                                           step_facts=self._fact))

            def run(dirty: Sequence[StepUnit]) -> list[Ranked]:
                self._note_rechecked(dirty)
                return run_in(build_context(query, source, kind=kind, schema=schema, target=target, dialect=dialect,
                                            tables=tables, only={id(unit.node) for unit in dirty},
                                            step_facts=self._fact))

            positions = self._unit_positions(units) if self._positioned_validation else None
            keys = [(unit_key, self._scope(unit), positions[number] if positions is not None else None)
                    for number, (unit, unit_key) in enumerate(zip(units, self._key_list))]
            inside = _per_step(self._kept_validation, units, keys, source, run)
            _keep_whole(self._kept_validation, split, self._validation_key, outside + inside)
            found += outside + inside
        return _in_order(found)

    # ------------------------------------------------------------ lint

    def _lint(self, query: ast.Query, source: SourceText, units: Sequence[StepUnit], split: Sequence[StepUnit],
              rules: Sequence[LintRule], tokens: TokenIndex, *, dialect: Dialect, line_length: int) -> list[Diagnostic]:
        def context(**limits) -> LintContext:
            return LintContext(query, source, line_length=line_length, lexicon=dialect.lexicon, token_index=tokens,
                               step_facts=self._fact, many_step_facts=self._facts_of, kept_outer=self._outer_span,
                               **limits)

        whole = context()
        outside_steps = context(skip=frozenset(id(unit.node) for unit in units))
        found: list[Ranked] = []
        outside: dict[RuleScope, list[Ranked]] = {RuleScope.STEP: [], RuleScope.STEP_POSITIONED: []}
        for rank, rule in enumerate(rules):
            checked = whole if rule.scope is RuleScope.QUERY else outside_steps
            made = [(rank, diagnostic) for diagnostic in rule.check(checked)]
            (found if rule.scope is RuleScope.QUERY else outside[rule.scope]).extend(made)
        for scope in (RuleScope.STEP, RuleScope.STEP_POSITIONED):
            step_rules = [(rank, rule) for rank, rule in enumerate(rules) if rule.scope is scope]
            if not step_rules:
                continue

            def run(dirty: Sequence[StepUnit], step_rules: list = step_rules) -> list[Ranked]:
                self._note_rechecked(dirty)
                checked = context(roots=tuple((unit.node, unit.parent) for unit in dirty))
                return [(rank, diagnostic) for rank, rule in step_rules for diagnostic in rule.check(checked)]

            def key(step: StepUnit, scope: RuleScope = scope) -> tuple:
                return self._lint_key(step, scope)

            keys: Sequence[object] = (self._key_list if scope is RuleScope.STEP
                                      else list(zip(self._key_list, self._unit_positions(units))))
            inside = _per_step(self._kept_lint[scope], units, keys, source, run)
            _keep_whole(self._kept_lint[scope], split, key, outside[scope] + inside)
            found += outside[scope] + inside
        return _in_order(found)

    # ------------------------------------------------------------ keys

    def _unit_key(self, unit: StepUnit) -> tuple:
        found = self._unit_keys.get(id(unit.node))
        return found if found is not None else unit.key(self._text)

    def _lint_key(self, unit: StepUnit, scope: RuleScope) -> tuple:
        """A unit's key among the kept lint findings of `scope` (that `_lint` makes for many at once)."""
        unit_key = self._unit_key(unit)
        return unit_key if scope is RuleScope.STEP else (unit_key, _position(self._source, unit))

    def _validation_key(self, unit: StepUnit) -> tuple:
        """A unit's key among the kept validation findings (that `_validate` makes for many at once)."""
        return (self._unit_key(unit), self._scope(unit),
                _position(self._source, unit) if self._positioned_validation else None)

    def _scope(self, unit: StepUnit) -> tuple:
        """The scope key of the unit's step, made once per step and check."""
        scope = self._scopes.get(id(unit.step))
        if scope is None:
            scope = self._scopes[id(unit.step)] = scope_key(cast(TableInfo, self._tables), unit)
        return scope

    def _coarsened(self, pieces: Sequence[StepUnit], lint_scopes: Sequence[RuleScope],
                   validated: bool) -> tuple[list[StepUnit], list[StepUnit]]:
        """The units to check: a long FILTER whose findings are kept whole (its text and context as in
        a recent check) is one unit again; the others stay split into their operands, which are listed
        second, as whole steps (their findings are kept whole for the next checks)."""
        units: list[StepUnit] = []
        split: list[StepUnit] = []
        decided: dict[int, bool] = {}      # id of a split step -> kept whole
        for unit in pieces:
            if unit.step is unit.node:
                units.append(unit)
                continue
            whole = decided.get(id(unit.step))
            if whole is None:
                step = whole_step(unit)
                whole = decided[id(unit.step)] = all(
                    self._kept_lint[scope].get(self._lint_key(step, scope)) is not None for scope in lint_scopes) and (
                    not validated or self._kept_validation.get(self._validation_key(step)) is not None)
                (units if whole else split).append(step)
            if not whole:
                units.append(unit)
        return units, split

    def _fact(self, fact: Callable[[ast.Node], Any], step: ast.Node) -> Any:
        """`fact(step)`, kept by the step's text (a fact depends on the step's subtree alone, which its
        text makes); for a step checked operand by operand, joined from its operands' facts when the
        fact can be."""
        kept = self._fact_store(fact)
        text = self._step_texts.get(id(step))
        if text is not None:
            value = kept.get(text)
            if value is None:
                value = fact(step)
                kept.put(text, value)
            return value
        parts, joined = self._parts.get(id(step)), getattr(fact, "joined", None)
        if parts is None or joined is None:
            return fact(step)
        whole_text = self._split_texts[id(step)]
        value = kept.get(whole_text)
        if value is None:
            base = step.span.start
            value = joined([(part.span.start - base, found) for part, found in zip(parts, self._facts_of(fact, parts))])
            kept.put(whole_text, value)
        return value

    def _facts_of(self, fact: Callable[[ast.Node], Any], nodes: Sequence[ast.Node]) -> list:
        """`_fact` of each node, in one loop when every node is a unit (the operands of a long condition)."""
        step_texts = self._step_texts
        texts = [step_texts.get(id(node)) for node in nodes]
        if None in texts:
            return [self._fact(fact, node) for node in nodes]
        kept = self._fact_store(fact)
        values = kept.get_many(texts)
        for number, found in enumerate(values):
            if found is None:
                found = values[number] = fact(nodes[number])
                kept.put(texts[number], found)
        return values

    def _fact_store(self, fact: Callable[[ast.Node], Any]) -> _Generations:
        kept = self._kept_facts.get(fact)
        if kept is None:
            kept = self._kept_facts[fact] = _Generations()
            kept.skip_to(self._kept_tokens)
        return kept

    def _outer_span(self, node: ast.Node, measure: Callable[[ast.Node], Span]) -> Span:
        """A unit's extent with its parentheses (`LintContext.outer_span`), kept by the unit's key: the
        parentheses and comments it reads lie between the unit and its neighbours."""
        unit = self._units.get(id(node))
        if unit is None:
            return measure(node)
        unit_key = self._unit_keys[id(node)]
        relative = self._kept_outer.get(unit_key)
        start = unit.node.span.start
        if relative is None:
            span = measure(node)
            relative = (span.start - start, span.end - start)
            self._kept_outer.put(unit_key, relative)
        return Span(start + relative[0], start + relative[1])

    def _note_rechecked(self, dirty: Sequence[StepUnit]) -> None:
        known = {id(node) for node in self.rechecked}
        self.rechecked += [unit.node for unit in dirty if id(unit.node) not in known]


def _position(source: SourceText, unit: StepUnit) -> tuple[int, int]:
    return source.line_columns((unit.start,))[0]


def _per_step(kept: _Generations, units: Sequence[StepUnit], keys: Sequence[object], source: SourceText,
              run: Callable[[Sequence[StepUnit]], list[Ranked]]) -> list[Ranked]:
    """The findings of some rules in every unit (`keys`: each unit's key in `kept`): kept ones moved to
    where their unit starts now, and those of the units not kept made by `run` (over those units only)
    and kept."""
    found: list[Ranked] = []
    dirty: list[tuple[StepUnit, object]] = []
    for unit, unit_key, entry in zip(units, keys, kept.get_many(keys)):
        if entry is None:
            dirty.append((unit, unit_key))
        elif entry.findings:
            delta = unit.start - entry.start
            found += [(rank, diagnostic.moved(delta, source)) for rank, diagnostic in entry.findings]
    if dirty:
        made = run([unit for unit, _ in dirty])
        afters = [unit.after for unit, _ in dirty]
        by_step: list[list[Ranked]] = [[] for _ in dirty]
        for ranked in made:
            start = ranked[1].start
            number = bisect_right(afters, start) - 1
            if number > 0 and start <= dirty[number - 1][0].node.span.end:
                number -= 1   # at the very end of the unit before
            if number < 0 or start >= dirty[number][0].until:
                raise OutsideUnit(f"{ranked[1].code} at offset {start}")
            by_step[number].append(ranked)
        for (unit, unit_key), findings in zip(dirty, by_step):
            kept.put(unit_key, _Kept(unit.start, tuple(findings)))
        found += made
    return found


def _keep_whole(kept: _Generations, steps: Sequence[StepUnit], key: Callable[[StepUnit], tuple],
                found: Sequence[Ranked]) -> None:
    """Keep, for each step checked operand by operand, the findings inside it as those of one unit."""
    for step in steps:
        # What starts where the step ends (`union` in `.FILTER(...)union ...`) is no finding of the step.
        start, end = step.start, step.node.span.end
        kept.put(key(step), _Kept(start, tuple(ranked for ranked in found if start <= ranked[1].start < end)))


def _in_order(found: list[Ranked]) -> list[Diagnostic]:
    """Sorted as `validate` and `lint` sort: by place, then by the order of the rules that made them."""
    found.sort(key=lambda ranked: (ranked[1].sort_key(), ranked[0]))
    return [diagnostic for _, diagnostic in found]
