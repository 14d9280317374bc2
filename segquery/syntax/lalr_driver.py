"""A lean run of lark's LALR tables, for texts that parse without an error.

lark's parser pays, for every token, for line and column counting and a Token
made through two Python calls, and, for every reduction, for a chain of
wrappers around the rule's callback (child filters, single-child expansion, a
Tree for each repetition). Most texts a user checks are correct, so
`LalrDriver` runs the same parse table, the same contextual lexer (lark's
alternation for each parser state, with white space skipped inside the regular
expression: segquery/syntax/state_patterns.py) and the same transformer methods
without those costs. It gives up at the first thing that is not a clean parse (no pattern
matches, a token the state does not accept) and returns None: the caller then
parses with lark, whose error recovery and messages stay the reference.

Every table and terminal here is lark's, compiled from the grammar file
(segquery/syntax/lark_tables.py reads them out of a Lark object into `ParseTables`):
the grammar stays the one definition of the language. The tables of the bundled
dialects are also written ahead of time into segquery/syntax/tables/, so a text
without an error is parsed without importing lark at all. tests/syntax/test_lalr_driver.py
proves that the driver and lark give the same trees and diagnostics.
"""

from __future__ import annotations

from functools import partial
from operator import itemgetter
from typing import Any, Callable, Mapping

from segquery.syntax.parse_tables import ParseTables, RuleShape
from segquery.syntax.state_lexers import StateLexers, Unsupported

__all__ = ["LalrDriver", "Lexeme", "Unsupported"]

# What a reduction does: (symbols popped, rule name, builder of the value). The builder is
# None for a unit rule that hands its one child up unchanged (`?sum: product`).
Reduction = tuple[int, str, Callable[[list], Any] | None]
# One parse-table entry: (state to shift to, None) or (None, reduction).
Action = tuple[int | None, Reduction | None]

_make_str = str.__new__


class Lexeme(str):
    """A token: its text, with its terminal's name and its offsets, the attributes of lark's
    Token that the builder reads (lines and columns read as None: the driver counts no lines)."""

    __slots__ = ("type", "value", "start_pos", "end_pos")
    type: str
    value: str
    start_pos: int
    end_pos: int
    line = column = end_line = end_column = None

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"


def _lexeme(type_: str, value: str, start: int, end: int) -> Lexeme:
    token = _make_str(Lexeme, value)
    token.type = type_
    token.value = value
    token.start_pos = start
    token.end_pos = end
    return token


def _children_filter(shape: RuleShape) -> Callable[[list], list] | tuple[int, ...] | None:
    """The children a rule's callback gets, from the symbols it reduced (lark's own
    child filter, without its wrapper): tokens the grammar filters out are dropped,
    inlined `_rules` spliced, placeholders put for absent `[optional]` parts. None
    when the children are the symbols as they are; the indices of the symbols kept
    when that is all the filter does (see `_picking`)."""
    if shape.picks is not None:
        return shape.picks
    if shape.include is None:
        return None
    include, trailing = shape.include, shape.trailing

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


def _reduction(shape: RuleShape, transformer: object) -> Reduction:
    """What reducing the rule of `shape` does, as lark's tree builder would do it with `transformer`."""
    name = shape.callback
    method = getattr(transformer, name, None)
    if method is not None and getattr(method, "visit_wrapper", None) is not None:
        raise Unsupported(f"v_args on {name}")
    # An inlined rule (`_name`, and lark's own repetitions `__name_star_0`): its parent splices
    # its children in, so its value is the list of them.
    if shape.inlined and method is not None:
        raise Unsupported(f"a transformer method for the inlined rule {name}")
    filtered = _children_filter(shape)
    children = _picking(filtered) if isinstance(filtered, tuple) else filtered
    size = shape.size
    if shape.inlined:
        build: Callable[[list], Any] | None = children or list
    elif shape.expand_single and children is None and size == 1:
        build = None
    else:
        node = method if method is not None else _tree(name)
        if shape.expand_single:
            build = partial(_expand_single, children or list, node)
        elif isinstance(filtered, tuple):
            build = _picking(filtered, node)
        elif children is not None:
            build = partial(_filtered, children, node)
        else:
            build = node
    return size, shape.origin, build


def _tree(name: str) -> Callable[[list], Any]:
    """lark's Tree of a rule the transformer has no method for (no rule of the bundled
    grammars: lark is imported only for a dialect that has one)."""
    from lark import Tree

    return partial(Tree, name)


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
    """Parses with a grammar's `ParseTables` and a transformer's methods; see the module's docstring.
    `lexer_callbacks` are called with the ignored tokens they name (comments), as lark calls them."""

    def __init__(self, tables: ParseTables, transformer: object,
                 lexer_callbacks: Mapping[str, Callable[[Any], Any]] | None = None) -> None:
        callbacks = dict(lexer_callbacks or {})
        if tuple(sorted(callbacks)) != tables.callback_terminals:
            raise Unsupported("lexer callbacks other than those the tables were made for")
        self._start_state = tables.start_state
        self._end_state = tables.end_state
        if any(hasattr(transformer, terminal) for terminal in tables.terminals):
            raise Unsupported("transformer methods for terminals")
        reductions = [_reduction(shape, transformer) for shape in tables.rules]
        self._actions: dict[int, dict[str, Action]] = {}
        self._goto: dict[int, dict[str, int]] = {}
        for state, row in enumerate(tables.actions):
            actions: dict[str, Action] = {}
            goto: dict[str, int] = {}
            for symbol, target in row.items():
                if target >= 0:
                    actions[symbol] = (target, None)
                    goto[symbol] = target
                else:
                    actions[symbol] = (None, reductions[~target])
            self._actions[state] = actions
            self._goto[state] = goto
        self._lexers = StateLexers(tables)
        self._lexers[self._start_state]  # noqa: B018 - an unsupported start state refuses the grammar now
        # Terminals no rule keeps (`","`, `_AND`): pushed as their text, never seen by a callback.
        self._dropped = frozenset(tables.dropped)
        self._ignore = frozenset(tables.ignore)
        self._lexer_callbacks = callbacks
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
        states: list = [self._start_state]
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
                if type_ is None:  # only white space was left (state_patterns skips it inside the pattern)
                    position = length
                    continue
                start, end = found.span(type_)
                value = text[start:end]
                if type_ in ignore:
                    callback = self._lexer_callbacks.get(type_)
                    if callback is not None:
                        callback(_lexeme(type_, value, start, end))
                    position = end
                    continue
                if retype and type_ in retype:
                    type_ = retype[type_](value) or type_
                if type_ in dropped:
                    token = value
                else:
                    token = _make_str(Lexeme, value)
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
