"""`unparse`: the exact canonical text, and `parse(unparse(tree)) == tree`."""

import pytest

from segquery import parse, unparse
from segquery.syntax import ast

CANONICAL = [
    ("profile(contact , c).filter( c.a=='x' and b>1 or not(isnull(d)) )",
     "PROFILE(contact, c).FILTER(c.a == 'x' && b > 1 || NOT(ISNULL(d)))"),
    ('PROFILE(contact).FILTER(a == "it\'s")', "PROFILE(contact).FILTER(a == 'it\\'s')"),
    ("SEGMENT(a) minus SEGMENT(b)", "SEGMENT(a) EXCEPT SEGMENT(b)"),
    ("(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)", "(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)"),
    ("(SEGMENT(x)).orderby(fullname asc, b desc).skip(0).take(15).select(contactid)",
     "(SEGMENT(x)).ORDERBY(fullname ASC, b DESC).SKIP(0).TAKE(15).SELECT(contactid)"),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(count()>0,utcdays(7))",
     "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(7))"),
    ("PROFILE(a).TRAVERSE(r, x, FILTER(true)).DISTINCT()", "PROFILE(a).TRAVERSE(r, x, FILTER(TRUE)).DISTINCT()"),
    ("PROFILE(a).FILTER(datediff(day, d, datetimeutcnow()) < -1.5 * (2 + 3))",
     "PROFILE(a).FILTER(DATEDIFF(DAY, d, DATETIMEUTCNOW()) < -1.5 * (2 + 3))"),
    ("// comment\nPROFILE(a) /* b */", "PROFILE(a)"),
    ("PROFILE(a).FILTER(((a == 1)))", "PROFILE(a).FILTER(((a == 1)))"),
]


@pytest.mark.parametrize(("text", "expected"), CANONICAL)
def test_canonical_text(text, expected):
    query = parse(text)
    assert unparse(query) == expected
    assert parse(expected) == query


def ident(name):
    return ast.Identifier(name=name)


def attr(name):
    return ast.Attribute(name=ident(name))


def test_parentheses_the_shape_needs_are_added_for_hand_built_trees():
    inner_or = ast.Logical(op=ast.LogicOp.OR, operands=(attr("a"), attr("b")))
    tree = ast.Logical(op=ast.LogicOp.AND, operands=(inner_or, attr("c")))
    assert unparse(tree) == "(a || b) && c"
    nested_same = ast.Logical(op=ast.LogicOp.OR, operands=(attr("x"), inner_or))
    assert unparse(nested_same) == "x || (a || b)"
    comparison_in_comparison = ast.Comparison(
        left=ast.Comparison(left=attr("a"), op=ast.CompareOp.LT, right=attr("b")), op=ast.CompareOp.EQ,
        right=ast.BooleanLiteral(value=True))
    assert unparse(comparison_in_comparison) == "(a < b) == TRUE"
    double_negation = ast.Negate(operand=ast.Negate(operand=attr("a")))
    assert unparse(double_negation) == "-(-a)"
    for tree in (tree, nested_same, comparison_in_comparison, double_negation):
        filtered = ast.Query(body=ast.Chain(source=ast.Profile(table=ident("t")),
                                            steps=(ast.Filter(condition=tree),)))
        assert parse(unparse(filtered)) == filtered


def test_nested_set_operations_keep_their_grouping():
    def seg(name):
        return ast.Chain(source=ast.SegmentRef(name=ident(name)))

    left_nested = ast.SetOperation(operands=(ast.SetOperation(operands=(seg("a"), seg("b")),
                                                              operators=(ast.SetOp.UNION,)), seg("c")),
                                   operators=(ast.SetOp.EXCEPT,))
    assert unparse(left_nested) == "(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)"
    assert parse(unparse(left_nested)).body == left_nested


def test_strings_are_escaped():
    tree = ast.StringLiteral(value="a'b\\c\"d")
    assert unparse(tree) == "'a\\'b\\\\c\"d'"
