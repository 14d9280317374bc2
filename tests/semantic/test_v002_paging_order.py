"""V002: paging is ORDERBY, SKIP, TAKE, SELECT, each once, in this order, ending the whole query.

The paging-order rule's findings, pinned by code, range and message."""

import pytest

from segquery.semantic import QueryKind

from semantic_helpers import findings, only

FETCH = QueryKind.FETCH


def test_paging_out_of_order():
    assert findings("PROFILE(contact).ORDERBY(fullname ASC).TAKE(10).SKIP(0).SELECT(contactid)") == [
        ("V002", "1:49-1:56", "SKIP must come before TAKE: paging is ORDERBY, SKIP, TAKE, SELECT in this order"),
    ]


def test_paging_step_given_twice():
    diagnostic = only("(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).SKIP(1).TAKE(15).SELECT(contactid)")
    assert (diagnostic.code, diagnostic.message) == (
        "V002", "SKIP is given twice; paging is ORDERBY, SKIP, TAKE, SELECT, each once")
    assert diagnostic.range.start.column == 44
    assert diagnostic.related[0].message == "the first SKIP"
    assert diagnostic.related[0].range.start.column == 36


@pytest.mark.parametrize("steps, missing", [
    (".ORDERBY(fullname ASC).SKIP(0).TAKE(15)", "SELECT is"),
    (".SKIP(0).TAKE(15)", "ORDERBY and SELECT are"),
    (".ORDERBY(fullname ASC)", "SKIP, TAKE and SELECT are"),
])
def test_incomplete_paging(steps, missing):
    text = "(SEGMENT(a))" + steps
    assert findings(text) == [
        ("V002", f"1:14-1:{len(text) + 1}", f"paging needs ORDERBY, SKIP, TAKE and SELECT in this order; {missing} missing"),
    ]


def test_step_after_paging():
    text = "(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid).FILTER(fullname == 'x')"
    assert findings(text) == [("V002", "1:71-1:94", "FILTER cannot follow ORDERBY: paging steps end the query")]


def test_paging_inside_a_set_operation():
    text = "PROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(1).SELECT(contactid) UNION SEGMENT(a)"
    assert findings(text, kind=FETCH) == [
        ("V002", "1:18-1:73",
         "paging steps end the whole query; ORDERBY cannot be used inside a set operation or parentheses"),
    ]
