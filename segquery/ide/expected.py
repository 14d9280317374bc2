"""What the grammar accepts next, at any point of an incomplete query.

Feeding the whole prefix to lark's interactive parser would cost as much as a
full parse on every keystroke. The parser state after a closed `( ... )`, an
earlier argument, an earlier `&&` operand or an earlier chain does not depend
on what those contained, so the prefix is first compressed: closed calls
become `f()`, closed parentheses `(f())`, everything up to the last `,`,
`&&`, `||` or set operator of each open level becomes `x ,`, `x &&` or
`x() UNION`, and a chain before a step's `.` becomes `x().`. Only the last
few tokens of each open level reach the parser, whatever the length of the
file. The parser runs without the AST builder's callbacks.
"""

from __future__ import annotations

import copy
import functools
from typing import cast

from lark import Token as LarkToken
from lark.exceptions import LarkError

from segquery.syntax.dialect import Dialect
from segquery.syntax.grammar import lalr_parser
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.tokens import Token, TokenKind

SET_OPERATOR_TERMINALS = {"UNION": "UNION", "INTERSECT": "INTERSECT", "EXCEPT": "EXCEPT", "MINUS": "MINUS_WORD"}
LOGIC_TERMINALS = {"&&": "_AND", "||": "_OR", "AND": "_AND", "OR": "_OR"}
# Words that are keywords where the grammar expects one and names elsewhere.
CONTEXTUAL_KEYWORDS = {"CONTAINS", "STARTSWITH", "ENDSWITH", "ASC", "DESC", "TRUE", "FALSE", "IN"}
# Contextual keywords whose terminal is not the word itself (the real-time `IN [..]`).
_KEYWORD_TERMINALS = {"IN": "IN_WORD"}
_SET_OPERATORS = frozenset(SET_OPERATOR_TERMINALS.values())
_LOGIC = frozenset({"_AND", "_OR"})
_SEPARATORS = frozenset({"COMMA", *_LOGIC, *_SET_OPERATORS})
_PUNCTUATION = {"(": "LPAR", ")": "RPAR", ",": "COMMA", ".": "DOT", "[": "LSQB", "]": "RSQB"}
_OPERATORS = {"==": "COMPARE_OP", "!=": "COMPARE_OP", ">=": "COMPARE_OP", "<=": "COMPARE_OP", ">": "COMPARE_OP",
              "<": "COMPARE_OP", "+": "ADD_OP", "-": "SUB", "*": "MUL_OP", "/": "MUL_OP"}
_CLOSED_CALL = ("LPAR", "RPAR")
_CLOSED_PARENTHESIS = ("LPAR", "NAME", "LPAR", "RPAR", "RPAR")


@functools.lru_cache(maxsize=None)
def _callback_free_conf(dialect: Dialect = OUTBOUND):
    parser = lalr_parser(dialect)
    interactive = parser.parse_interactive("")
    conf = copy.copy(interactive.parser_state.parse_conf)
    conf.callbacks = {}
    return conf


def _terminal(tokens: list[Token], index: int) -> str | None:
    """The grammar terminal of a token; "WORD:<UPPER>" for words whose terminal
    depends on the parser state; None for text the grammar has no terminal for."""
    token = tokens[index]
    kind = token.kind
    if kind is TokenKind.WORD:
        upper = token.text.upper()
        follows_paren = index + 1 < len(tokens) and tokens[index + 1].text == "("
        if not follows_paren:
            if upper in SET_OPERATOR_TERMINALS:
                return SET_OPERATOR_TERMINALS[upper]
            if upper in LOGIC_TERMINALS:
                return LOGIC_TERMINALS[upper]
            if upper in CONTEXTUAL_KEYWORDS:
                return "WORD:" + upper
        return "NAME"
    if kind is TokenKind.PUNCTUATION:
        return _PUNCTUATION[token.text]
    if kind is TokenKind.OPERATOR:
        return LOGIC_TERMINALS.get(token.text) or _OPERATORS.get(token.text)
    if kind is TokenKind.NUMBER:
        return "NUMBER"
    if kind is TokenKind.STRING:
        return "STRING" if token.text.startswith("'") else "DQ_STRING"
    return None


def compressed_terminals(tokens: list[Token], end: int, lists: bool = False) -> list[str] | None:
    """The compressed terminal sequence for tokens[:end], or None when the
    prefix has an unmatched `)` or, in the part that is read, a character no
    terminal matches.

    Each open level is read backwards only to its last `,`, `&&`, `||` or
    set operator (the parser state after one does not depend on what came
    before it), jumping over closed parentheses; so the work is proportional
    to the text since those points, not to the length of the file. With
    `lists` (dialects with `IN [..]`), commas between `[` and `]` separate
    list items, not arguments, and a list's items compress to one.
    """
    opened: list[int] = []
    opener_of: dict[int, int] = {}
    for index in range(end):
        text = tokens[index].text
        if text == "(":
            opened.append(index)
        elif text == ")":
            if not opened:
                return None
            opener_of[index] = opened.pop()
    closer_of = {opener: closer for closer, opener in opener_of.items()}
    bounds = [-1, *opened, end]
    flat: list[str] = []
    for level in range(len(bounds) - 1):
        if level:
            flat.append("LPAR")
        kept = _level_terminals(tokens, bounds[level] + 1, bounds[level + 1], opener_of, closer_of, lists)
        if kept is None:
            return None
        flat.extend(kept)
    return flat


def _level_terminals(tokens: list[Token], low: int, high: int, opener_of: dict[int, int],
                     closer_of: dict[int, int], lists: bool) -> list[str] | None:
    """The compressed terminals of tokens[low:high], one level of parentheses."""
    kept: list[str] = []
    start = low
    separator = _last_separator(tokens, low, high, opener_of, lists)
    if separator is not None:
        kept = _reset(cast(str, _terminal(tokens, separator)))
        start = separator + 1
    index = start
    open_lists: list[int] = []  # where each open `[` is in `kept`
    while index < high:
        terminal = _terminal(tokens, index)
        if terminal is None:
            return None
        if terminal == "LPAR":
            is_call = bool(kept) and kept[-1] == "NAME"
            kept.extend(_CLOSED_CALL if is_call else _CLOSED_PARENTHESIS)
            index = closer_of[index] + 1
            continue
        if terminal == "LSQB":
            open_lists.append(len(kept))
            kept.append(terminal)
        elif terminal == "RSQB" and open_lists:
            open_lists.pop()
            kept.append(terminal)
        elif terminal == "COMMA" and open_lists:
            # After any number of items the list is in the same state as after one.
            kept[open_lists[-1] + 1:] = ["NUMBER", "COMMA"]
        elif terminal == "COMMA" or terminal in _LOGIC or terminal in _SET_OPERATORS:
            open_lists.clear()
            kept = _reset(terminal)
        elif terminal == "DOT" and kept and kept[-1] == "RPAR":
            kept[_after_last(kept, _SEPARATORS):] = ["NAME", "LPAR", "RPAR", "DOT"]
        else:
            kept.append(terminal)
        index += 1
    return kept


def _last_separator(tokens: list[Token], low: int, high: int, opener_of: dict[int, int], lists: bool) -> int | None:
    """The index of the last `,`, `&&`, `||` or set operator of tokens[low:high]
    outside nested parentheses and, when the dialect has `[..]` lists, outside them."""
    pending = None  # a comma: a separator unless an unclosed `[` comes before it
    closed = 0  # `]` seen and not yet matched: the commas between are list items
    index = high - 1
    while index >= low:
        token = tokens[index]
        if token.text == ")":
            index = opener_of[index] - 1
            continue
        if lists and token.kind is TokenKind.PUNCTUATION and token.text in ("[", "]"):
            if token.text == "]":
                if pending is not None:
                    return pending
                closed += 1
            elif closed:
                closed -= 1
            else:
                pending = None  # the commas after an unclosed `[` separate its items
        elif not closed:
            terminal = _terminal(tokens, index)
            if terminal == "COMMA":
                if not lists:
                    return index
                if pending is None:
                    pending = index
            elif terminal in _LOGIC or terminal in _SET_OPERATORS:
                return pending if pending is not None else index
        index -= 1
    return pending


def _reset(separator: str) -> list[str]:
    """What stands for everything up to and including a separator."""
    if separator in _SET_OPERATORS:
        return ["NAME", "LPAR", "RPAR", separator]
    return ["NAME", separator]


def _after_last(kept: list[str], separators) -> int:
    for index in range(len(kept) - 1, -1, -1):
        if kept[index] in separators:
            return index + 1
    return 0


def expected_terminals(tokens: list[Token], end: int, dialect: Dialect = OUTBOUND) -> frozenset[str] | None:
    """Terminals the grammar accepts after tokens[:end] (lark's names:
    NAME, DOT, UNION, CONTAINS, RPAR, $END...), or None when the prefix
    already has a syntax error, so callers fall back on the tokens alone."""
    terminals = compressed_terminals(tokens, end, "[" in dialect.lexicon.punctuation)
    if terminals is None:
        return None
    try:
        interactive = lalr_parser(dialect).parse_interactive("")
        interactive.parser_state.parse_conf = _callback_free_conf(dialect)
        for terminal in terminals:
            if terminal.startswith("WORD:"):
                keyword = _KEYWORD_TERMINALS.get(terminal[5:], terminal[5:])
                terminal = keyword if keyword in interactive.choices() else "NAME"
            interactive.feed_token(LarkToken(terminal, "x"))
        return frozenset(interactive.accepts())
    except (LarkError, KeyError, IndexError):
        return None
