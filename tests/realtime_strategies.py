"""Hypothesis strategies for random real-time journeys queries, beside the
outbound ones in strategies.py (whose expressions and text writing they reuse).

`realtime_asts()` draws trees the real-time parser accepts without a
diagnostic: PROFILE and INTERACTION without aliases, RELATE / RELATEOPTIONAL
steps with nested paths, `IN [..]` lists, `SEGMENT_CJO_ID_` references, set
operations over any of them. `realtime_query_texts()` writes them as a person
might: any keyword case, `AND`/`OR` words, odd spacing and comments anywhere,
but never what the dialect rejects (double quotes, MINUS).
"""

from __future__ import annotations

from hypothesis import strategies as st

import strategies as outbound
from segquery.syntax import ast
from segquery.syntax.printer import unparse
from segquery.syntax.realtime import REALTIME
from segquery.syntax.tokens import tokenize

# Words the real-time dialect reads as keywords where a name could stand.
_REALTIME_WORDS = {"IN", "RELATE", "RELATEOPTIONAL"}

identifiers = outbound.identifiers.filter(lambda identifier: identifier.name.upper() not in _REALTIME_WORDS)
attributes = st.builds(lambda name, qualifier: ast.Attribute(name=name, qualifier=qualifier),
                       identifiers, st.none() | identifiers)

_leaves = st.one_of(outbound.numbers, outbound.strings, outbound.booleans, attributes, attributes,
                    st.just(ast.DateTimeUtcNow()), st.just(ast.Aggregate(function=ast.AggregateFunction.COUNT)))


def _extend(children: st.SearchStrategy[ast.Expr]) -> st.SearchStrategy[ast.Expr]:
    """Outbound's compound expressions but the aggregates and string tests real-time lacks, plus IN lists."""
    in_lists = st.builds(lambda subject, values: ast.InList(subject=subject, values=tuple(values)),
                         children, st.lists(children, min_size=1, max_size=3))
    return outbound._with_parens(in_lists) | outbound._extend(children, string_ops=(ast.StringOp.CONTAINS,),
                                                              aggregates=())


expressions = st.recursive(outbound._with_parens(_leaves), _extend, max_leaves=6)

# ---------------------------------------------------------------- chains

profiles = identifiers.map(lambda table: ast.Profile(table=table))
segments = st.from_regex(r"[0-9a-fA-F]{32}", fullmatch=True).map(
    lambda digits: ast.SegmentRef(name=ast.Identifier(name="SEGMENT_CJO_ID_" + digits)))
interactions = st.builds(lambda kind, link: ast.Interaction(interaction_type=kind, link_type=link),
                         identifiers, identifiers)

filters = expressions.map(lambda condition: ast.Filter(condition=condition))
havings = st.builds(lambda condition, window: ast.Having(condition=condition, window=window),
                    expressions, st.none() | expressions)
relates = st.recursive(
    st.builds(lambda relationship, alias, optional: ast.Relate(relationship=relationship, alias=alias,
                                                                optional=optional),
              identifiers, identifiers, st.booleans()),
    lambda inner: st.builds(lambda relationship, alias, optional, nested: ast.Relate(
        relationship=relationship, alias=alias, optional=optional, nested=nested),
        identifiers, identifiers, st.booleans(), inner),
    max_leaves=3)
profile_steps = st.lists(st.one_of(filters, st.tuples(relates, filters)), max_size=3).map(
    lambda items: tuple(step for item in items for step in (item if isinstance(item, tuple) else (item,))))
interaction_steps = st.tuples(st.lists(filters, max_size=2), st.lists(havings, max_size=1)).map(
    lambda pair: tuple(pair[0] + pair[1]))

chains = st.one_of(
    st.builds(lambda source, items: ast.Chain(source=source, steps=items), profiles, profile_steps),
    st.builds(lambda source, items: ast.Chain(source=source, steps=tuple(items)), segments,
              st.lists(filters, max_size=2)),
    st.builds(lambda source, items: ast.Chain(source=source, steps=items), interactions, interaction_steps),
)


def _extend_queries(children: st.SearchStrategy[ast.QueryExpr]) -> st.SearchStrategy[ast.QueryExpr]:
    return outbound._with_parens(st.lists(children, min_size=2, max_size=4).flatmap(lambda operands: st.lists(
        st.sampled_from(list(ast.SetOp)), min_size=len(operands) - 1, max_size=len(operands) - 1).map(
        lambda operators: ast.SetOperation(operands=tuple(operands), operators=tuple(operators)))))


query_exprs = st.recursive(outbound._with_parens(chains), _extend_queries, max_leaves=4)


def realtime_asts() -> st.SearchStrategy[ast.Query]:
    """Whole real-time query trees (without comments)."""
    return query_exprs.map(lambda body: ast.Query(body=body))


# ---------------------------------------------------------------- texts


@st.composite
def realtime_query_texts(draw, trees: st.SearchStrategy[ast.Query] | None = None) -> str:
    """The text of a random real-time tree, with random keyword case, words, spacing and comments."""
    tree = draw(trees if trees is not None else realtime_asts())
    tokens = list(tokenize(unparse(tree), trivia=False, lexicon=REALTIME.lexicon))
    out = draw(outbound._gap())
    for index, token in enumerate(tokens):
        text = outbound._respell(draw, tokens, index)
        if text.startswith('"') or text.upper() == "MINUS":
            text = token.text  # what the dialect rejects
        elif token.text == "IN":
            text = outbound._recase(draw, text)
        if outbound._needs_space(out, text):
            out += " "
        out += text
        gap = draw(outbound._gap())
        if outbound._needs_space(out, gap):
            gap = " " + gap
        out += gap
    return out


__all__ = ["realtime_asts", "realtime_query_texts"]
