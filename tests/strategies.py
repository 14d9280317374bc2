"""Hypothesis strategies for random, syntactically valid segment queries.

`asts()` draws whole trees (every node kind, aliases, set operations, grouped
queries with paging, nested conditions with random author parentheses,
strings with quotes and backslashes, qualified attributes). `query_texts()`
draws texts of such trees as a person might write them: any keyword case,
`AND`/`OR` words, MINUS, double-quoted strings, odd white space, line breaks
(LF or CRLF) and comments between any two tokens.

Both promise a tree that the parser accepts without a diagnostic:
`parse(unparse(tree)) == tree` and `parse(text)` succeeds.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import strategies as st

from segquery.syntax import ast
from segquery.syntax.printer import unparse
from segquery.syntax.tokens import KEYWORDS, TokenKind, tokenize

# ---------------------------------------------------------------- names and literals

_KNOWN_NAMES = ("contact", "contact_1", "account", "account_1", "address1_city", "emailaddress1", "fullname",
                "EmailOpened", "EmailOpened_ContactLink", "contact_account_parentcustomerid", "createdon",
                # words that are function names elsewhere stay names when no `(` follows
                "date", "count", "name", "filter", "day")

identifiers = st.one_of(
    st.sampled_from(_KNOWN_NAMES),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,14}", fullmatch=True).filter(lambda word: word.upper() not in KEYWORDS),
).map(lambda name: ast.Identifier(name=name))

_TRICKY_STRINGS = ("", "it's", 'say "hi"', "back\\slash", "\\'", "'", '"', "\\", "Seattle", "a // b", "/* c */",
                   "naïve café", "tab\there")
string_values = st.one_of(
    st.sampled_from(_TRICKY_STRINGS),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x17F), max_size=16),
)


def _parens() -> st.SearchStrategy[int]:
    return st.sampled_from((0, 0, 0, 0, 0, 1, 1, 2))


def _with_parens(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.tuples(strategy, _parens()).map(lambda pair: replace(pair[0], parens=pair[1]))


numbers = st.from_regex(r"[0-9]{1,5}(\.[0-9]{1,3})?", fullmatch=True).map(lambda text: ast.NumberLiteral(text=text))
strings = string_values.map(lambda value: ast.StringLiteral(value=value))
booleans = st.booleans().map(lambda value: ast.BooleanLiteral(value=value))
attributes = st.builds(lambda name, qualifier: ast.Attribute(name=name, qualifier=qualifier),
                       identifiers, st.none() | identifiers)

_leaves = st.one_of(numbers, strings, booleans, attributes, attributes,
                    st.just(ast.DateTimeUtcNow()),
                    st.just(ast.Aggregate(function=ast.AggregateFunction.COUNT)))


def _arithmetic(operands: list[ast.Expr], operators: list[str]) -> ast.Arithmetic:
    """Arithmetic as the parser builds it: a first operand of the same level
    without parentheses would be part of this one (`a + b + c` is flat)."""
    first = operands[0]
    if isinstance(first, ast.Arithmetic) and not first.parens and \
            (first.operators[0] in "+-") == (operators[0] in "+-"):
        operands = [replace(first, parens=1), *operands[1:]]
    return ast.Arithmetic(operands=tuple(operands), operators=tuple(operators))


_AGGREGATES = tuple(f for f in ast.AggregateFunction if f is not ast.AggregateFunction.COUNT)


def _extend(children: st.SearchStrategy[ast.Expr], *, string_ops: tuple[ast.StringOp, ...] = tuple(ast.StringOp),
            aggregates: tuple[ast.AggregateFunction, ...] = _AGGREGATES) -> st.SearchStrategy[ast.Expr]:
    """Compound expressions over `children`; a dialect may leave out string operators and aggregates."""
    date_parts = st.sampled_from(list(ast.DatePart)).map(lambda part: ast.DatePartName(part=part))
    sums = st.lists(st.sampled_from("+-"), min_size=1, max_size=3)
    products = st.lists(st.sampled_from("*/"), min_size=1, max_size=3)
    return _with_parens(st.one_of(
        st.builds(lambda op, operands: ast.Logical(op=op, operands=tuple(operands)),
                  st.sampled_from(list(ast.LogicOp)), st.lists(children, min_size=2, max_size=4)),
        st.builds(lambda left, op, right: ast.Comparison(left=left, op=op, right=right),
                  children, st.sampled_from(list(ast.CompareOp)), children),
        st.builds(lambda subject, op, pattern: ast.StringTest(subject=subject, op=op, pattern=pattern),
                  children, st.sampled_from(string_ops), children),
        (sums | products).flatmap(lambda operators: st.lists(children, min_size=len(operators) + 1,
                                                             max_size=len(operators) + 1).map(
            lambda operands: _arithmetic(operands, operators))),
        children.map(lambda operand: ast.Negate(operand=operand)),
        children.map(lambda operand: ast.Not(operand=operand)),
        st.builds(lambda operand, negated: ast.IsNull(operand=operand, negated=negated), children, st.booleans()),
        st.lists(children, min_size=3, max_size=7).map(lambda parts: ast.DateLiteral(parts=tuple(parts))),
        st.builds(lambda part, start, end: ast.DateDiff(part=part, start=start, end=end),
                  date_parts, children, children),
        st.builds(lambda part, amount, date: ast.DateAdd(part=part, amount=amount, date=date),
                  date_parts, children, children),
        st.builds(lambda function, argument: ast.Aggregate(function=function, argument=argument),
                  st.sampled_from(aggregates), children) if aggregates else st.nothing(),
        st.builds(lambda unit, count: ast.Window(unit=unit, count=count), st.sampled_from(list(ast.WindowUnit)),
                  children),
    ))


expressions = st.recursive(_with_parens(_leaves), _extend, max_leaves=10)

# ---------------------------------------------------------------- chains

profiles = st.builds(lambda table, alias: ast.Profile(table=table, alias=alias), identifiers, st.none() | identifiers)
segments = identifiers.map(lambda name: ast.SegmentRef(name=name))
interactions = st.builds(lambda kind, link, alias: ast.Interaction(interaction_type=kind, link_type=link, alias=alias),
                         identifiers, identifiers, st.none() | identifiers)

filters = expressions.map(lambda condition: ast.Filter(condition=condition))
traverses = st.builds(lambda relationship, alias, edge_filter: ast.Traverse(relationship=relationship, alias=alias,
                                                                           filter=edge_filter),
                      identifiers, st.none() | identifiers, st.none() | filters)
havings = st.builds(lambda condition, window: ast.Having(condition=condition, window=window),
                    expressions, st.none() | expressions)
order_keys = st.builds(lambda expr, direction: ast.OrderKey(expr=expr, direction=direction),
                       expressions, st.none() | st.sampled_from(list(ast.Direction)))
paging_steps = st.one_of(
    st.lists(order_keys, min_size=1, max_size=3).map(lambda keys: ast.OrderBy(keys=tuple(keys))),
    _with_parens(numbers).map(lambda count: ast.Skip(count=count)),
    _with_parens(numbers).map(lambda count: ast.Take(count=count)),
    st.lists(_with_parens(attributes), min_size=1, max_size=3).map(
        lambda names: ast.Select(attributes=tuple(names))),
)
steps = st.one_of(filters, traverses, havings, st.just(ast.Distinct()), paging_steps)


def _interaction_steps() -> st.SearchStrategy[tuple[ast.Step, ...]]:
    """FILTERs, then HAVINGs: FILTER after HAVING is a syntax error."""
    return st.tuples(st.lists(filters, max_size=2), st.lists(havings, max_size=2)).map(
        lambda pair: tuple(pair[0] + pair[1]))


chains = st.one_of(
    st.builds(lambda source, items: ast.Chain(source=source, steps=tuple(items)),
              profiles | segments, st.lists(steps, max_size=4)),
    st.builds(lambda source, items: ast.Chain(source=source, steps=items), interactions, _interaction_steps()),
)


def _extend_queries(children: st.SearchStrategy[ast.QueryExpr]) -> st.SearchStrategy[ast.QueryExpr]:
    return _with_parens(st.one_of(
        st.builds(lambda body, items: ast.Grouped(body=body, steps=tuple(items)),
                  children, st.lists(st.one_of(paging_steps, filters), min_size=1, max_size=4)),
        st.lists(children, min_size=2, max_size=4).flatmap(lambda operands: st.lists(
            st.sampled_from(list(ast.SetOp)), min_size=len(operands) - 1, max_size=len(operands) - 1).map(
            lambda operators: ast.SetOperation(operands=tuple(operands), operators=tuple(operators)))),
    ))


query_exprs = st.recursive(_with_parens(chains), _extend_queries, max_leaves=4)


def asts() -> st.SearchStrategy[ast.Query]:
    """Whole query trees (without comments, which live only in texts)."""
    return query_exprs.map(lambda body: ast.Query(body=body))


# ---------------------------------------------------------------- texts

_SPACES = ("", " ", " ", " ", "  ", "\t", "\n", "\n    ", "\r\n", "\n\n")
_COMMENT_WORDS = st.text(alphabet=st.sampled_from("abc xyz/*'\"\\-:é"), max_size=12)
line_comments = _COMMENT_WORDS.map(lambda body: "//" + body)
block_comments = st.one_of(_COMMENT_WORDS, _COMMENT_WORDS.map(lambda body: body + "\n  more")).filter(
    lambda body: "*/" not in body and not body.endswith("*") and not body.endswith("/")).map(
    lambda body: "/*" + body + "*/")


@st.composite
def _gap(draw) -> str:
    """White space and comments between two tokens (may be empty)."""
    pieces = []
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 1, 2)))):
        kind = draw(st.sampled_from(("space", "space", "line", "block")))
        if kind == "space":
            pieces.append(draw(st.sampled_from(_SPACES)))
        elif kind == "line":
            pieces.append(draw(st.sampled_from((" ", "", "  "))) + draw(line_comments) +
                          draw(st.sampled_from(("\n", "\r\n", "  \n", "\n\n"))))
        else:
            pieces.append(draw(st.sampled_from((" ", ""))) + draw(block_comments) + draw(st.sampled_from(_SPACES)))
    return "".join(pieces)


def _recase(draw, word: str) -> str:
    return draw(st.sampled_from((word.upper(), word.lower(), word.capitalize())))


def _respell(draw, tokens: list, index: int) -> str:
    token = tokens[index]
    text = token.text
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    preceding = [t.text.upper() for t in tokens[max(0, index - 2):index]]
    if token.kind is TokenKind.STRING:
        value = _string_value(text)
        if draw(st.booleans()):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return text
    if text == "&&":
        return draw(st.sampled_from(("&&", "&&", "AND", "and")))
    if text == "||":
        return draw(st.sampled_from(("||", "||", "OR", "Or")))
    if token.kind is TokenKind.WORD:
        if text == "EXCEPT":
            return _recase(draw, draw(st.sampled_from(("EXCEPT", "MINUS"))))
        is_keyword = text.upper() in KEYWORDS
        is_function = following == "("
        is_date_part = preceding in (["DATEDIFF", "("], ["DATEADD", "("])
        if is_keyword or is_function or is_date_part:
            return _recase(draw, text)
    return text


def _string_value(token_text: str) -> str:
    """The value of a canonical single-quoted string token."""
    body = token_text[1:-1]
    out, index = [], 0
    while index < len(body):
        if body[index] == "\\":
            out.append(body[index + 1])
            index += 2
        else:
            out.append(body[index])
            index += 1
    return "".join(out)


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


def _needs_space(left: str, right: str) -> bool:
    """Whether two pieces of text would merge into one token without a space."""
    if not left or not right:
        return False
    return (_is_word_character(left[-1]) and _is_word_character(right[0])) or (left[-1] == "/" and right[0] in "/*")


@st.composite
def query_texts(draw, trees: st.SearchStrategy[ast.Query] | None = None) -> str:
    """The text of a random tree, written with random spelling, spacing and comments."""
    tree = draw(trees if trees is not None else asts())
    tokens = list(tokenize(unparse(tree), trivia=False))
    out = draw(_gap())
    for index in range(len(tokens)):
        text = _respell(draw, tokens, index)
        if _needs_space(out, text):
            out += " "
        out += text
        gap = draw(_gap())
        if _needs_space(out, gap):
            gap = " " + gap
        out += gap
    return out


# ---------------------------------------------------------------- mutated examples

EXAMPLE_TEXTS = [path.read_text(encoding="utf-8")
                 for path in sorted((Path(__file__).resolve().parents[1] / "examples").rglob("*.segq"))]


# Characters that matter to the language, plus some that must be rejected.
ALPHABET = st.sampled_from(list("()'\".,=!<>&|+-*/ \n\tabcXYZ_019") + ["//", "/*", "*/", "\\", "\0", "é", "‘",
                                                                      "PROFILE(", "FILTER(", "SEGMENT(", " UNION ",
                                                                      "TRAVERSE(", "HAVING(", "COUNT()", "&&", "||",
                                                                      "==", "DATE(", "NOT(", " ASC", "MINUS"])


@st.composite
def mutated_examples(draw) -> str:
    """A bundled example with a few characters or pieces deleted, inserted or duplicated."""
    text = draw(st.sampled_from(EXAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            end = draw(st.integers(position, min(len(text), position + 8)))
            text = text[:position] + text[end:]
        elif action == "insert":
            text = text[:position] + draw(ALPHABET) + text[position:]
        else:
            end = draw(st.integers(position, min(len(text), position + 12)))
            text = text[:end] + text[position:end] + text[end:]
    return text
