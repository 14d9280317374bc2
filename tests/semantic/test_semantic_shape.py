"""Shape of a query for its kind (reference A.2, A.3, C.10): V001-V014."""

import pytest

from segquery.semantic import NO_SCHEMA, QueryKind

from semantic_helpers import diagnostics, findings, fixed, only

FETCH = QueryKind.FETCH
STATIC = QueryKind.STATIC
DYNAMIC = QueryKind.DYNAMIC
COMPOUND = QueryKind.COMPOUND


def test_paging_in_a_dynamic_segment():
    text = "PROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(10).SELECT(contactid)"
    message = "{} is allowed only in static segments and member fetches, not in a dynamic segment"
    assert findings(text, kind=DYNAMIC) == [
        ("V001", "1:18-1:39", message.format("ORDERBY")),
        ("V001", "1:40-1:47", message.format("SKIP")),
        ("V001", "1:48-1:56", message.format("TAKE")),
        ("V001", "1:57-1:74", message.format("SELECT")),
    ]
    assert findings(text) == []  # inferred as static
    assert findings(text, kind=FETCH) == []


def test_paging_in_a_compound_segment():
    assert findings("(SEGMENT(a)).TAKE(1)", kind=COMPOUND) == [
        ("V001", "1:14-1:21", "TAKE is allowed only in static segments and member fetches, not in a compound segment"),
    ]


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


def test_interaction_without_having():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
    assert findings(text) == [
        ("V004", "1:1-1:50", "an interaction query needs HAVING: "
                             "INTERACTION(type, link)[.FILTER(condition)].HAVING(aggregate comparison number[, window])"),
    ]


def test_interaction_with_a_misspelled_having_gets_only_the_parser_finding():
    assert findings("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVNG(COUNT() > 0)") == []


def test_interaction_with_extra_steps():
    text = ("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
            ".FILTER(emailDomain != 'b').HAVING(COUNT() > 0).HAVING(COUNT() > 1).DISTINCT()")
    result = diagnostics(text)
    assert [(d.code, d.range.start.column, d.range.end.column, d.message) for d in result] == [
        ("V005", 82, 108, "an interaction query has at most one FILTER; join the conditions with &&"),
        ("V005", 129, 148, "an interaction query has one HAVING"),
        ("V005", 149, 159, "DISTINCT cannot be used in an interaction query"),
    ]
    assert result[1].related[0].message == "the first HAVING"


def test_filter_after_having_is_left_to_the_parser():
    text = ("INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).HAVING(COUNT() > 0, UTCDAYS(7))"
            ".FILTER(emailDomain == 'a.com')")
    # The late FILTER still reads the interactions: `emailDomain` is checked against RedirectLinkClicked.
    assert findings(text) == [
        ("V022", "1:106-1:117", "`emailDomain` is not an attribute of interaction `RedirectLinkClicked`"),
    ]


def test_traverse_after_interaction():
    text = ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
            ".TRAVERSE(contact_account_parentcustomerid)")
    assert findings(text) == [
        ("V006", "1:71-1:113", "INTERACTION cannot be followed by TRAVERSE; save the interaction query as a segment "
                               "and combine it with a set operator"),
        ("V013", "1:71-1:113", "a dynamic segment must end on the `contact` profile type, but this query ends on "
                               "`account`"),
    ]


def test_having_outside_interaction():
    having = "HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER"
    assert findings("PROFILE(contact).HAVING(COUNT() > 0)") == [("V007", "1:18-1:37", having)]
    assert findings("SEGMENT(a).HAVING(COUNT() > 0)") == [("V007", "1:12-1:31", having)]


def test_steps_after_a_segment_reference():
    assert findings("SEGMENT(a).FILTER(jobtitle == 'CEO').DISTINCT()") == [
        ("V008", "1:12-1:37",
         "FILTER cannot follow a segment reference; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
        ("V008", "1:38-1:48",
         "DISTINCT cannot follow a segment reference; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
    ]
    assert findings("(SEGMENT(a) UNION SEGMENT(b)).FILTER(statecode == 0)") == [
        ("V008", "1:31-1:53",
         "FILTER cannot follow a parenthesized query; only paging steps (ORDERBY, SKIP, TAKE, SELECT) can"),
    ]


def test_compound_without_segment():
    assert findings("PROFILE(contact) UNION PROFILE(contact).FILTER(statecode == 0)", kind=COMPOUND) == [
        ("V009", "1:1-1:63",
         "a compound segment combines other segments, but this query references none; use SEGMENT(name)"),
    ]
    assert findings("SEGMENT(a)", kind=COMPOUND) == []


def test_segment_in_a_dynamic_segment():
    message = ("a dynamic segment cannot reference other segments; a query with SEGMENT(...) is a compound "
               "segment")
    assert findings("SEGMENT(a) UNION PROFILE(contact)", kind=DYNAMIC) == [("V010", "1:1-1:11", message)]
    assert findings("SEGMENT(a) UNION PROFILE(contact)") == []  # inferred as compound


def test_interaction_as_a_set_operand():
    text = "PROFILE(contact) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_ContactLink).HAVING(COUNT() > 0)"
    assert findings(text) == [
        ("V011", "1:25-1:104",
         "an INTERACTION query cannot be an operand of EXCEPT; save it as a segment and use SEGMENT(name)"),
    ]


def test_distinct_before_any_traverse():
    text = "PROFILE(contact).DISTINCT().FILTER(statecode == 0)"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (
        "V012", "warning", "DISTINCT() has no effect before a TRAVERSE: the records of PROFILE(contact) are already "
                           "distinct")
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(statecode == 0)"


def test_distinct_repeated():
    text = "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()\n  .DISTINCT()"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == ("V012", "DISTINCT() is repeated: the records are already distinct")
    assert fixed(text, diagnostic) == "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()\n  "


def test_distinct_after_traverse_is_fine():
    assert findings("PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()") == []


def test_target_profile_type():
    assert findings("PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)") == [
        ("V013", "1:18-1:60",
         "a dynamic segment must end on the `contact` profile type, but this query ends on `account`"),
    ]
    assert findings("PROFILE(account)", kind=STATIC) == [
        ("V013", "1:1-1:17", "a static segment must end on the `contact` profile type, but this query ends on `account`"),
    ]
    assert findings("PROFILE(account).TRAVERSE(contact_account_parentcustomerid)") == []


def test_target_profile_type_is_configurable():
    assert findings("PROFILE(account)", target="account") == []
    assert findings("PROFILE(contact)", target="lead") == [
        ("V013", "1:1-1:17", "a dynamic segment must end on the `lead` profile type, but this query ends on `contact`"),
    ]


def test_target_profile_type_of_an_interaction_is_its_link_type():
    assert findings("INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() > 0)") == [
        ("V013", "1:26-1:45", "a dynamic segment must end on the `contact` profile type, but this query ends on `lead`"),
    ]


def test_target_profile_type_is_not_checked_for_fetches_or_unknown_tables():
    assert findings("(PROFILE(account)).ORDERBY(name ASC).SKIP(0).TAKE(1).SELECT(accountid)") == []
    assert [code for code, _, _ in findings("PROFILE(Event)")] == ["V046"]
    assert findings("PROFILE(Event)", schema=NO_SCHEMA) == [
        ("V013", "1:1-1:15", "a dynamic segment must end on the `contact` profile type, but this query ends on `Event`"),
    ]


def test_mixed_profile_types():
    (diagnostic,) = diagnostics("PROFILE(contact) UNION PROFILE(account)")
    assert (diagnostic.code, diagnostic.range.start.column, diagnostic.range.end.column, diagnostic.message) == (
        "V014", 24, 40, "UNION combines `contact` and `account` records: every operand must select the same profile "
                        "type")
    (related,) = diagnostic.related
    assert (related.message, related.range.start.column, related.range.end.column) == (
        "this operand selects `contact`", 1, 17)


def test_mixed_profile_types_names_the_operator_before_the_operand():
    text = "PROFILE(contact) INTERSECT PROFILE(contact) EXCEPT PROFILE(lead)"
    assert [(code, message.split(" combines")[0]) for code, _, message in findings(text)] == [("V014", "EXCEPT")]


def test_set_operations_of_one_type_are_fine():
    assert findings("PROFILE(contact) UNION PROFILE(account).TRAVERSE(contact_account_parentcustomerid)") == []
