"""A lean run of lark's LALR tables, for texts that parse without an error.

lark's parser pays, for every token, for line and column counting and a Token
made through two Python calls, and, for every reduction, for a chain of
wrappers around the rule's callback (child filters, single-child expansion, a
Tree for each repetition). Most texts a user checks are correct, so
`LalrDriver` runs the same parse table, the same contextual lexer (lark's
alternation for each parser state, with white space skipped inside the regular
expression: segquery/syntax/state_lexers.py) and the same transformer methods
without those costs. It gives up at the first thing that is not a clean parse (no pattern
matches, a token the state does not accept) and returns None: the caller then
parses with lark, whose error recovery and messages stay the reference.

Every table and terminal here is lark's, compiled from the grammar file: the
grammar stays the one definition of the language. tests/syntax/test_lalr_driver.py
proves that the driver and lark give the same trees and diagnostics.
"""

from __future__ import annotations

from functools import partial
from operator import itemgetter
from typing import Any, Callable

from lark import Lark, Token, Tree
from lark.parse_tree_builder import ChildFilterLALR, ChildFilterLALR_NoPlaceholders, maybe_create_child_filter
from lark.parsers.lalr_analysis import Shift

from segquery.syntax.state_lexers import StateLexers, Unsupported

__all__ = ["LalrDriver", "Unsupported"]

# What a reduction does: (symbols popped, rule name, builder of the value). The builder is
# None for a unit rule that hands its one child up unchanged (`?sum: product`).
Reduction = tuple[int, str, Callable[[list], Any] | None]
# One parse-table entry: (state to shift to, None) or (None, reduction).
Action = tuple[int | None, Reduction | None]

_make_str = str.__new__


class _Lexeme(Token):
    """A lark Token made without lark's constructor: offsets only (lines and columns read as None)."""

    __slots__ = ()
    line = column = end_line = end_column = None


def _children_filter(rule, maybe_placeholders: bool) -> Callable[[list], list] | tuple[int, ...] | None:
    """The children a rule's callback gets, from the symbols it reduced (lark's own
    child filter, without its wrapper): tokens the grammar filters out are dropped,
    inlined `_rules` spliced, placeholders put for absent `[optional]` parts. None
    when the children are the symbols as they are; the indices of the symbols kept
    when that is all the filter does (see `_picking`)."""
    empty_indices = rule.options.empty_indices if maybe_placeholders else None
    made = maybe_create_child_filter(rule.expansion, rule.options.keep_all_tokens, False,
                                     empty_indices)  # type: ignore[arg-type]  # lark accepts None
    if made is None:
        return None
    assert isinstance(made, partial)
    if made.func is ChildFilterLALR_NoPlaceholders:
        include = [(index, splice, 0) for index, splice in made.args[0]]
        trailing = 0
    elif made.func is ChildFilterLALR:
        include, trailing = made.args
    else:
        raise Unsupported(f"child filter {made.func.__name__}")
    if trailing == 0 and not any(splice or nones for _, splice, nones in include):
        return tuple(index for index, _, _ in include)

    def children(symbols: list) -> list:
        out: list = []
        for index, splice, nones in include:
            if nones:
                out += [None] * nones
            if splice:
                if out:
                    out += symbols[index]
                else:  # a left-recursive repetition: extend its list in place
                    out = symbols[index]
            else:
                out.append(symbols[index])
        if trailing:
            out += [None] * trailing
        return out

    return children


def _reduction(rule, transformer: object, maybe_placeholders: bool) -> Reduction:
    """What reducing `rule` does, as lark's tree builder would do it with `transformer`."""
    name = rule.alias or rule.options.template_source or rule.origin.name
    method = getattr(transformer, name, None)
    if method is not None and getattr(method, "visit_wrapper", None) is not None:
        raise Unsupported(f"v_args on {name}")
    # An inlined rule (`_name`, and lark's own repetitions `__name_star_0`): its parent splices
    # its children in, so its value is the list of them.
    inlined = rule.origin.name.startswith("_")
    if inlined and method is not None:
        raise Unsupported(f"a transformer method for the inlined rule {name}")
    filtered = _children_filter(rule, maybe_placeholders)
    children = _picking(filtered) if isinstance(filtered, tuple) else filtered
    size = len(rule.expansion)
    expand_single = rule.options.expand1 and not rule.alias
    if inlined:
        build: Callable[[list], Any] | None = children or list
    else:
        node = method if method is not None else partial(Tree, name)
        if expand_single and children is None and size == 1:
            build = None
        elif expand_single:
            build = partial(_expand_single, children or list, node)
        elif isinstance(filtered, tuple):
            build = _picking(filtered, node)
        elif children is not None:
            build = partial(_filtered, children, node)
        else:
            build = node
    return size, rule.origin.name, build


def _picking(picks: tuple[int, ...], node: Callable[[list], Any] | None = None) -> Callable[[list], Any]:
    """The list of the symbols at `picks`, or `node` of it, in one call (a reduction runs
    for most tokens: each Python call saved there counts)."""
    if len(picks) == 1:
        (only,) = picks
        if node is None:
            return lambda symbols: [symbols[only]]
        return lambda symbols: node([symbols[only]])
    getter = itemgetter(*picks)
    if node is None:
        return lambda symbols: list(getter(symbols))
    return lambda symbols: node(list(getter(symbols)))


def _expand_single(children: Callable[[list], list], node: Callable[[list], Any], symbols: list) -> Any:
    kept = children(symbols)
    return kept[0] if len(kept) == 1 else node(kept)


def _filtered(children: Callable[[list], list], node: Callable[[list], Any], symbols: list) -> Any:
    return node(children(symbols))


class LalrDriver:
    """Parses with a Lark object's tables, lexer patterns and transformer; see the module's docstring."""

    def __init__(self, lark: Lark, transformer: object) -> None:
        options = lark.options
        if options.parser != "lalr" or options.lexer != "contextual" or options.propagate_positions \
                or options.postlex is not None or options.ambiguity not in ("auto", "resolve"):
            raise Unsupported("only lalr with the contextual lexer")
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        (start,) = options.start
        self._start_state = table.start_states[start]
        self._end_state = table.end_states[start]
        if any(hasattr(transformer, terminal.name) for terminal in lark.terminals):
            raise Unsupported("transformer methods for terminals")
        reductions = {rule: _reduction(rule, transformer, options.maybe_placeholders) for rule in lark.rules}
        self._actions: dict[int, dict[str, Action]] = {}
        self._goto: dict[int, dict[str, int]] = {}
        for state, row in table.states.items():
            actions: dict[str, Action] = {}
            goto: dict[str, int] = {}
            for symbol, (action, target) in row.items():
                if action is Shift:
                    actions[symbol] = (target, None)
                    goto[symbol] = target
                else:
                    actions[symbol] = (None, reductions[target])
            self._actions[state] = actions
            self._goto[state] = goto
        self._lexers = StateLexers(frontend.lexer, lark.lexer_conf.g_regex_flags)
        self._lexers[self._start_state]  # noqa: B018 - reads lark's lexer internals now, not mid-parse
        # Terminals no rule keeps (`","`, `_AND`): pushed as their text, never seen by a callback.
        self._dropped = frozenset(terminal.name for terminal in lark.terminals) - _kept_terminals(lark.rules)
        self._ignore = frozenset(lark.lexer_conf.ignore)
        self._lexer_callbacks = dict(lark.lexer_conf.callbacks)
        # Unit chains (`atom` to `unary` to `product`...): where they end, by (state under
        # the chain, state on top, lookahead); each is walked once.
        self._chains: dict[tuple[int, int, str], int] = {}

    def parse(self, text: str) -> Any:
        """The transformer's value for the whole text, or None when the text has an error."""
        lexers = self._lexers
        built = lexers.table
        actions = self._actions
        goto = self._goto
        ignore = self._ignore
        chains = self._chains
        dropped = self._dropped
        states = [self._start_state]
        values: list = []
        position = 0
        length = len(text)
        end_state = self._end_state
        while True:
            state = states[-1]
            if position < length:
                try:
                    match, retype = built[state]
                except KeyError:
                    match, retype = lexers[state]
                found = match(text, position)
                if found is None:
                    return None
                type_ = found.lastgroup
                if type_ is None:  # only white space was left (state_lexers skips it inside the pattern)
                    position = length
                    continue
                start, end = found.span(type_)
                value = text[start:end]
                if type_ in ignore:
                    callback = self._lexer_callbacks.get(type_)
                    if callback is not None:
                        callback(_token(type_, value, start, end))
                    position = end
                    continue
                if retype and type_ in retype:
                    type_ = retype[type_](value) or type_
                if type_ in dropped:
                    token = value
                else:
                    token = _make_str(_Lexeme, value)
                    token.type = type_
                    token.value = value
                    token.start_pos = start
                    token.end_pos = end
                position = end
            else:
                type_ = "$END"
                token = None
            row = actions[state]
            while True:
                action = row.get(type_)
                if action is None:
                    return None
                target, reduction = action
                if reduction is None:
                    if token is None:
                        return None
                    states.append(target)
                    values.append(token)
                    break
                size, origin, build = reduction
                if build is None:
                    below = states[-2]
                    key = (below, states[-1], type_)
                    top = chains.get(key)
                    if top is None:
                        top = chains[key] = self._chain_end(below, states[-1], type_)
                    states[-1] = top
                    if token is None and top == end_state:
                        return values[-1]
                else:
                    if size:
                        children = values[-size:]
                        del values[-size:]
                        del states[-size:]
                    else:
                        children = []
                    values.append(build(children))
                    states.append(goto[states[-1]][origin])
                    if token is None and states[-1] == end_state:
                        return values[-1]
                row = actions[states[-1]]

    def _chain_end(self, below: int, top: int, type_: str) -> int:
        """The state on top after the unit reductions that `type_` makes from `top` over `below`."""
        while True:
            action = self._actions[top].get(type_)
            if action is None or action[1] is None or action[1][2] is not None:
                return top
            top = self._goto[below][action[1][1]]


def _kept_terminals(rules) -> set[str]:
    """Terminals that some rule passes to its callback."""
    return {symbol.name for rule in rules for symbol in rule.expansion
            if symbol.is_term and (rule.options.keep_all_tokens or not symbol.filter_out)}


def _token(type_: str, value: str, start: int, end: int) -> Token:
    """A token for a lexer callback (positions as offsets: callbacks here read no lines)."""
    return Token(type_, value, start, None, None, None, None, end)
