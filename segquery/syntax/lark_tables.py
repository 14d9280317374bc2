"""Reads the lean driver's `ParseTables` out of a Lark object (LALR, contextual lexer).

Used to generate segquery/syntax/tables/ (tools/gen_parse_tables.py), and at run time
for a grammar whose generated tables are missing or stale. Raises Unsupported for a lark
feature the driver does not run; the driver then stays off and lark parses every text.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from lark import Lark
from lark.lexer import UnlessCallback, _create_unless
from lark.parse_tree_builder import ChildFilterLALR, ChildFilterLALR_NoPlaceholders, maybe_create_child_filter
from lark.parsers.lalr_analysis import Shift

from segquery.syntax.parse_tables import ParseTables, RuleShape
from segquery.syntax.state_lexers import Unsupported
from segquery.syntax.state_patterns import state_pattern


def tables_from_lark(lark: Lark) -> ParseTables:
    """The driver's tables for `lark`'s grammar, options and lexer callbacks."""
    options = lark.options
    if options.parser != "lalr" or options.lexer != "contextual" or options.propagate_positions \
            or options.postlex is not None or options.ambiguity not in ("auto", "resolve"):
        raise Unsupported("only lalr with the contextual lexer")
    frontend = lark.parser
    table = frontend.parser.parser.parse_table
    (start,) = options.start
    numbers = canonical_states(table, start)
    rules = list(lark.rules)
    index_of = {rule: index for index, rule in enumerate(rules)}
    actions = [dict[str, int]() for _ in numbers]
    for state, row in table.states.items():
        actions[numbers[state]] = {
            symbol: numbers[target] if action is Shift else ~index_of[target]
            for symbol, (action, target) in sorted(row.items())}
    callbacks = dict(lark.lexer_conf.callbacks)
    lexers: list[tuple[str, tuple[tuple[str, str], ...]] | None] = []
    lexer_index: dict[int, int] = {}
    state_lexers = [0] * len(numbers)
    contextual = frontend.lexer
    for state in sorted(contextual.lexers, key=numbers.__getitem__):
        lexer = contextual.lexers[state]
        if id(lexer) not in lexer_index:  # lark shares one lexer between states that accept the same
            lexer_index[id(lexer)] = len(lexers)
            lexers.append(_state_lexer(lexer, lark.lexer_conf.g_regex_flags))
        state_lexers[numbers[state]] = lexer_index[id(lexer)]
    terminals = sorted(terminal.name for terminal in lark.terminals)
    return ParseTables(
        start_state=numbers[table.start_states[start]],
        end_state=numbers[table.end_states[start]],
        actions=tuple(actions),
        rules=tuple(_rule_shape(rule, options.maybe_placeholders) for rule in rules),
        terminals=tuple(terminals),
        dropped=tuple(sorted(set(terminals) - _kept_terminals(rules))),
        ignore=tuple(sorted(lark.lexer_conf.ignore)),
        callback_terminals=tuple(sorted(callbacks)),
        flags=lark.lexer_conf.g_regex_flags,
        lexers=tuple(lexers),
        state_lexers=tuple(state_lexers))


def canonical_states(table: Any, start: str) -> dict[int, int]:
    """lark's state numbers, renumbered in the order a walk from the start state meets
    them (symbols in sorted order), so the same grammar always gives the same tables."""
    first = table.start_states[start]
    numbers = {first: 0}
    queue = [first]
    for state in queue:
        for symbol, (action, target) in sorted(table.states[state].items()):
            if action is Shift and target not in numbers:
                numbers[target] = len(numbers)
                queue.append(target)
    if len(numbers) != len(table.states):
        raise Unsupported("parser states the start state does not reach")
    return numbers


def _rule_shape(rule: Any, maybe_placeholders: bool) -> RuleShape:
    """What lark's tree builder does when it reduces `rule`: its child filter (lark's own,
    read from the partial lark makes) and whether the rule is inlined or expands a single child."""
    empty_indices = rule.options.empty_indices if maybe_placeholders else None
    made = maybe_create_child_filter(rule.expansion, rule.options.keep_all_tokens, False,
                                     empty_indices)  # type: ignore[arg-type]  # lark accepts None
    picks: tuple[int, ...] | None = None
    include: tuple[tuple[int, bool, int], ...] | None = None
    trailing = 0
    if made is not None:
        assert isinstance(made, partial)
        if made.func is ChildFilterLALR_NoPlaceholders:
            include = tuple((index, bool(splice), 0) for index, splice in made.args[0])
        elif made.func is ChildFilterLALR:
            include = tuple((index, bool(splice), nones) for index, splice, nones in made.args[0])
            trailing = made.args[1]
        else:
            raise Unsupported(f"child filter {made.func.__name__}")
        if trailing == 0 and not any(splice or nones for _, splice, nones in include):
            picks, include = tuple(index for index, _, _ in include), None
    return RuleShape(size=len(rule.expansion), origin=rule.origin.name,
                     callback=rule.alias or rule.options.template_source or rule.origin.name,
                     inlined=rule.origin.name.startswith("_"),
                     expand_single=bool(rule.options.expand1 and not rule.alias),
                     picks=picks, include=include, trailing=trailing)


def _state_lexer(lexer: Any, flags: int) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """One of lark's per-state lexers as (pattern, retypings); None when the driver cannot run it."""
    # lark's own split of the terminals (strings a pattern terminal also matches become its
    # retyping), without compiling lark's pattern for the state: only lark's path needs it.
    if lexer.use_bytes or lexer.re is not re:
        return None
    terminals, unless = _create_unless(lexer.terminals, lexer.g_regex_flags, lexer.re, lexer.use_bytes)
    for type_ in lexer.user_callbacks:
        if type_ not in lexer.ignore_types or type_ in unless:
            return None
    retypes = []
    for type_, callback in sorted(unless.items()):
        if not isinstance(callback, UnlessCallback) or len(callback.scanner._mres) != 1:
            return None
        retypes.append((type_, callback.scanner._mres[0].pattern))
    order = [(terminal.name, terminal.pattern.to_regexp()) for terminal in terminals]
    callbacks = set(unless) | set(lexer.user_callbacks)
    return state_pattern(order, lexer.ignore_types, callbacks, flags), tuple(retypes)


def _kept_terminals(rules: list[Any]) -> set[str]:
    """Terminals that some rule passes to its callback."""
    return {symbol.name for rule in rules for symbol in rule.expansion
            if symbol.is_term and (rule.options.keep_all_tokens or not symbol.filter_out)}
