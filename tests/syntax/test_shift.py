"""Trees and diagnostics moved by a number of characters (segquery/syntax/shift.py) are what a
parse of the same text further on gives: a text parsed after `delta` line breaks has every node,
comment and diagnostic of the text alone, `delta` characters further on and on later lines
(columns unchanged), field by field."""

from __future__ import annotations

import pytest

from helpers import exactly

from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_uncached
from segquery.syntax.realtime import REALTIME
from segquery.syntax.shift import shifted, shifted_all

# Between them, every kind of node, and diagnostics with fixes and related locations.
TEXTS = (
    ("// a query\nPROFILE(contact, c).FILTER(NOT(c.a == 1) || c.b CONTAINS 'x' && ISNULL(c.d) || c.e > -2 * (c.f + 1)"
     " || c.g == true).TRAVERSE('contact_accounts', a, FILTER(a.x == DATEDIFF(DAY, c.h, DATETIMEUTCNOW())"
     " || a.y == DATEADD(MONTH, 1, DATE(2020, 1, 2)))) /* x */\n"
     ".DISTINCT().ORDERBY(c.a ASC, c.b).SKIP(1).TAKE(2).SELECT(c.a).FOO(1).FILTER(c.z == BAR(2) || c.w == 'a\\q')",
     OUTBOUND),
    ("(SEGMENT(a) UNION SEGMENT(b)).ORDERBY(fullname DESC).TAKE(5)\n"
     "EXCEPT INTERACTION(x, y, i).FILTER(i.q == 'a').HAVING(COUNT() > 2, UTCDAYS(30))", OUTBOUND),
    ("SEGMENT(a) INTERSECT (PROFILE(contact).FILTER(false)).UNION(SEGMENT(c))", OUTBOUND),
    ("PROFILE(contact).RELATE(contact_accounts, account.a, RELATEOPTIONAL(x, b))\n"
     ".FILTER(a.n IN ['x', 2] || a.m == \"q\")", REALTIME),
    ("PROFILE(contact).FILTER(a == 1))\n.FILTER(b = 2 && (c == 3)", OUTBOUND),
)


def _node_classes() -> set[type]:
    return {kind for kind in vars(ast).values() if isinstance(kind, type) and issubclass(kind, ast.Node)}


@pytest.mark.parametrize("delta", [1, 7])
@pytest.mark.parametrize(("text", "dialect"), TEXTS)
def test_a_shifted_tree_is_the_tree_of_the_text_further_on(text: str, dialect: Dialect, delta: int) -> None:
    alone, further = parse_uncached(text, dialect=dialect), parse_uncached("\n" * delta + text, dialect=dialect)
    if alone.query is not None:
        assert further.query is not None
        assert exactly(shifted(alone.query.body, delta)) == exactly(further.query.body)
        assert exactly(tuple(shifted(comment, delta) for comment in alone.query.comments)) == \
            exactly(further.query.comments)
    assert [diagnostic.moved(delta, further.source) for diagnostic in alone.diagnostics] == \
        list(further.diagnostics)


def test_the_texts_hold_every_kind_of_node_fixes_and_related_locations() -> None:
    results = [parse_uncached(text, dialect=dialect) for text, dialect in TEXTS]
    seen = {type(node) for result in results if result.query is not None
            for node in (*ast.walk(result.query), *result.query.comments)}
    assert _node_classes() - seen == {ast.Node, ast.Expr, ast.QueryExpr}
    diagnostics = [diagnostic for result in results for diagnostic in result.diagnostics]
    assert any(diagnostic.fix for diagnostic in diagnostics) and any(diagnostic.related for diagnostic in diagnostics)


def test_no_move_is_the_same_tree() -> None:
    tree = parse_uncached(TEXTS[0][0]).query
    assert tree is not None and shifted(tree, 0) is tree


@pytest.mark.parametrize("delta", [0, 3])
def test_nodes_shifted_together_are_each_node_shifted(delta: int) -> None:
    text = "PROFILE(contact, c).FILTER(c.a == 1 || (c.b) || c.c CONTAINS 'x' || ISNULL(c.d) || NOT(c.e == c.f))"
    tree = parse_uncached(text).query
    assert tree is not None and isinstance(tree.body, ast.Chain)
    condition = tree.body.steps[0].condition
    assert isinstance(condition, ast.Logical)
    together = shifted_all(condition.operands, delta)
    assert type(together) is tuple
    assert exactly(together) == exactly(tuple(shifted(operand, delta) for operand in condition.operands))
    further = parse_uncached(" " * delta + text).query
    assert further is not None and isinstance(further.body, ast.Chain)
    assert exactly(together) == exactly(further.body.steps[0].condition.operands)
