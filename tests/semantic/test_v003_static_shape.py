"""V003: a static segment's query is PROFILE(t)[.FILTER(c)] with optional paging (reference A.2).

The static-shape rule's findings, pinned by code, range and message."""

from segquery.semantic import QueryKind

from semantic_helpers import findings

STATIC = QueryKind.STATIC


def test_static_query_shapes_that_are_fine():
    for text in ("PROFILE(contact)", "PROFILE(contact).FILTER(statecode == 0)",
                 "PROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(5).SELECT(contactid)",
                 "PROFILE(contact).FILTER(statecode == 0).ORDERBY(fullname ASC).SKIP(0).TAKE(5).SELECT(contactid)"):
        assert findings(text, kind=STATIC) == [], text


def test_static_query_with_other_steps():
    shape = "a static segment's query is PROFILE(table) with at most one FILTER and optional paging"
    text = ("PROFILE(account).FILTER(name == 'a').FILTER(name == 'b')"
            ".TRAVERSE(contact_account_parentcustomerid).DISTINCT()")
    assert findings(text, kind=STATIC) == [
        ("V003", "1:38-1:57", f"{shape}; join the conditions of both FILTERs with &&"),
        ("V003", "1:58-1:100", f"{shape}; TRAVERSE is not allowed"),
        ("V003", "1:101-1:111", f"{shape}; DISTINCT is not allowed"),
    ]


def test_static_query_with_other_sources():
    shape = "a static segment's query is PROFILE(table) with at most one FILTER and optional paging"
    assert findings("SEGMENT(a) UNION SEGMENT(b)", kind=STATIC) == [
        ("V003", "1:1-1:28", f"{shape}, not a set operation")]
    assert findings("(PROFILE(contact)).ORDERBY(fullname ASC).SKIP(0).TAKE(1).SELECT(contactid)", kind=STATIC) == [
        ("V003", "1:1-1:75", f"{shape}, not a parenthesized query")]
    assert findings("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)", kind=STATIC) == [
        ("V003", "1:1-1:50", f"{shape}; it cannot start with INTERACTION"),
        ("V003", "1:51-1:70", f"{shape}; HAVING is not allowed"),
    ]
