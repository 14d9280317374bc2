"""What cannot run over the data is a diagnostic with a code, a range and a message."""

from datetime import datetime

import pytest

import segquery
from segquery.query_plan import Catalog, PlanError, resolve
from segquery.source import SourceText

NOW = datetime(2026, 1, 1)


def problems(text, segments=None):
    with pytest.raises(PlanError) as caught:
        resolve(segquery.parse(text), Catalog.from_schema(), now=NOW, segments=segments)
    source = SourceText(text)
    return [(d.code, d.range.start.line, d.range.start.column, d.range.end.column, d.message)
            for d in caught.value.diagnostics(source)]


@pytest.mark.parametrize(("text", "expected"), [
    ("PROFILE(contacts)",
     [("Q001", 1, 9, 17, "the data has no table `contacts`; did you mean `contact`?")]),
    ("PROFILE(contact).FILTER(adress1_city == 'x')",
     [("Q002", 1, 25, 37, "the data has no column `adress1_city` there; did you mean `address1_city`?")]),
    ("PROFILE(contact).TRAVERSE(account_contacts)",
     [("Q003", 1, 27, 43, "`account_contacts` is no relationship of table `contact`; "
                           "did you mean `contact_contact_masterid`?")]),
    ("PROFILE(lead).TRAVERSE(contact_account_parentcustomerid)",
     [("Q003", 1, 24, 56, "`contact_account_parentcustomerid` is no relationship of table `lead`; "
                           "did you mean `lead_account_customerid`?")]),
    ("INTERACTION(EmailOpen, EmailOpen_ContactLink).HAVING(COUNT() > 0)",
     [("Q004", 1, 13, 22, "the data has no interaction table `EmailOpen`; did you mean `EmailOpened`?")]),
    ("INTERACTION(EmailOpened, EmailOpened_SystemuserLink).HAVING(COUNT() > 0)",
     [("Q004", 1, 26, 52, "interaction table `EmailOpened` has no profile id column for "
                          "`EmailOpened_SystemuserLink`")]),
    ("PROFILE(contact, c).FILTER(d.address1_city == 'x')",
     [("Q005", 1, 28, 29, "`d` is no alias or table of this chain (known here: `contact`, `c`)")]),
    ("SEGMENT(missing) UNION PROFILE(contact)",
     [("Q006", 1, 9, 16, "no segment named `missing` to inline")]),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(SUM(duration) > 10)",
     [("Q007", 1, 58, 76, "HAVING runs as `COUNT() <comparison> <whole number>`; this condition has no "
                          "meaning as a count")]),
    ("PROFILE(contact).FILTER(birthdate < DATE(2024, 2, 30))",
     [("Q007", 1, 37, 54, "DATE(...) takes whole numbers that name a moment (year, month, day, then hour, "
                          "minute, second, millisecond)")]),
    ("PROFILE(contact).TAKE(2.5)",
     [("Q007", 1, 23, 26, "TAKE takes a whole number of members, 0 or more, written as a number")]),
    ("PROFILE(contact).HAVING(COUNT() > 1)",
     [("Q007", 1, 18, 37, "HAVING counts interactions; after PROFILE, TRAVERSE or RELATE there are none to count")]),
    ("PROFILE(contact, c).TRAVERSE(contact_account_parentcustomerid, a).ORDERBY(c.fullname)",
     [("Q005", 1, 75, 76, "`c` is no alias or table of the members, whose own row ORDERBY and SELECT read "
                          "(known here: `account`, `a`)")]),
    ("PROFILE(contact, c).ORDERBY(c.fulname).SELECT(contactid, jobtitl)",
     [("Q002", 1, 31, 38, "the data has no column `fulname` there; did you mean `fullname`?"),
      ("Q002", 1, 58, 65, "the data has no column `jobtitl` there; did you mean `jobtitle`?")]),
    ("PROFILE(contact).FILTER(COUNT() > 2 && firstnam == 'x')",
     [("Q007", 1, 25, 32, "`COUNT()` has no meaning in a condition over rows"),
      ("Q002", 1, 40, 48, "the data has no column `firstnam` there; did you mean `firstname`?")]),
])
def test_problem_is_reported_where_it_is(text, expected):
    assert problems(text) == expected


def test_a_segment_that_references_itself_is_reported_at_the_reference():
    segments = {"a": segquery.parse("SEGMENT(b)"), "b": segquery.parse("SEGMENT(a) UNION PROFILE(contact)")}
    assert problems("SEGMENT(a)", segments.get) == [
        ("Q006", 1, 9, 10, "segment `a` cannot run over the data: Q006 segment `b` cannot run over the data: "
                           "Q006 `a` references itself: a -> b -> a")]


def test_a_problem_inside_a_referenced_segment_is_reported_at_the_reference():
    segments = {"bad": segquery.parse("PROFILE(contact).FILTER(nope == 1)")}
    assert problems("PROFILE(contact) EXCEPT SEGMENT(bad)", segments.get) == [
        ("Q006", 1, 33, 36, "segment `bad` cannot run over the data: Q002 the data has no column `nope` there")]


def test_a_lookup_that_fails_says_why():
    def ambiguous(name):
        raise LookupError(f"`{name}` matches several segments")

    assert problems("SEGMENT(s) UNION PROFILE(contact)", ambiguous) == [
        ("Q006", 1, 9, 10, "cannot inline `s`: `s` matches several segments")]
