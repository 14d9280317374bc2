"""Every example published with a defect in the language documentation gets
its own precise diagnostic (reference part A.4)."""

import pytest

from segquery import parse, parse_tolerant, unparse

from helpers import findings, fixed

PUBLISHED_VALID = [
    "PROFILE(Contact).FILTER(Sex == 'M' && Country == 'USA' && Age >= 15 && Age <= 25 && Income > 50000 )",
    "PROFILE(Contact).FILTER(Position == 'CEO').TRAVERSE(HavingAccount).TRAVERSE(Ordered)"
    ".FILTER(Name == 'Product Xgenerator')",
    "INTERACTION(EmailSoftBounced, EmailSoftBounced_ContactLink).HAVING(COUNT()>10, UTCMONTHS(1))",
    "PROFILE(Event).FILTER(Name CONTAINS 'run')",
    "PROFILE(Customer).FILTER(ISNULL(Address))",
    "PROFILE(Membership).TRAVERSE(InSubscription, FILTER(Status == 'Active'))",
    "PROFILE(Contact).FILTER(NumberOfActivePurchasedItems > 0 && Product == 'CreditCard' && "
    "DATEDIFF(month, ExpirationDate,DATETIMEUTCNOW()) < 1)",
    "SEGMENT(segment1) UNION SEGMENT(segment2)",
]


@pytest.mark.parametrize("text", PUBLISHED_VALID)
def test_published_examples_parse_cleanly(text):
    result = parse_tolerant(text)
    assert result.diagnostics == ()
    assert parse(unparse(result.query)) == result.query


def test_datetimenowutc_is_not_a_function():
    text = ("PROFILE(CreditCard).FILTER(DATEDIFF(day, ExpirationDate, DateTimeNowUtc()) < 30)"
            ".TRAVERSE(HavingCreditCard)")
    assert findings(text) == [
        ("S014", "1:58-1:72", "unknown function `DateTimeNowUtc`; did you mean `DATETIMEUTCNOW`?"),
    ]
    diagnostic = parse_tolerant(text).diagnostics[0]
    assert diagnostic.fix.applicability.value == "unsafe"
    assert "DATETIMEUTCNOW()" in fixed(text, diagnostic)
    assert parse_tolerant(fixed(text, diagnostic)).diagnostics == ()


def test_missing_comparison_operator():
    text = ("PROFILE(Subscription).TRAVERSE(InSubscription, FILTER(DATEDIFF(month, SubscriptionEndDate, "
            "DATETIMEUTCNOW()) 1))")
    assert findings(text) == [
        ("S004", "1:110-1:111",
         "expected a comparison operator (==, !=, >, >=, <, <=) before number `1`"),
    ]
    assert parse_tolerant(text).query is None


def test_one_closing_parenthesis_too_many():
    text = "INTERACTION(EmailOpened, EmailOpenedLeadLink).FILTER(Name == 'Campaign 1')).HAVING(COUNT()>0)"
    result = parse_tolerant(text)
    assert findings(text) == [("S006", "1:75-1:76", "unmatched `)`: there is no `(` left to close")]
    (diagnostic,) = result.diagnostics
    (related,) = diagnostic.related
    assert related.message == "this `(` was already closed by the `)` at column 74"
    assert (related.range.start.line, related.range.start.column) == (1, 53)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert parse_tolerant(fixed(text, diagnostic)).diagnostics == ()


def test_having_before_filter():
    text = ("INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).HAVING(COUNT()>0, UTCDAYS(7))"
            ".FILTER(EmailId=='12345')")
    assert findings(text) == [
        ("S015", "1:97-1:121", "FILTER must come before HAVING: an interaction query is INTERACTION.FILTER.HAVING"),
    ]
    diagnostic = parse_tolerant(text).diagnostics[0]
    assert fixed(text, diagnostic) == (
        "INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).FILTER(EmailId=='12345')"
        ".HAVING(COUNT()>0, UTCDAYS(7))")


def test_having_moves_after_every_filter_that_follows_it_in_one_fix():
    text = ("INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink)\n"
            "    .HAVING(COUNT() > 0)  // clicked\n"
            "    .FILTER(EmailId == '1')\n"
            "    .FILTER(EmailId == '2')")
    assert findings(text) == [
        ("S015", "3:6-3:28", "FILTER must come before HAVING: an interaction query is INTERACTION.FILTER.HAVING"),
    ]
    diagnostic = parse_tolerant(text).diagnostics[0]
    assert diagnostic.fix.message == "Move HAVING after the FILTER steps"
    assert fixed(text, diagnostic) == (
        "INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink)\n"
        "    .FILTER(EmailId == '1')\n"
        "    .FILTER(EmailId == '2')  // clicked\n"
        "    .HAVING(COUNT() > 0)")


def test_having_is_not_moved_into_a_filter_left_open():
    # The last FILTER's `)` is missing: the parser assumes it past the end of the text, and a
    # move to there would put HAVING inside that FILTER. The finding stays, without a fix.
    text = "INTERACTION(d, k).HAVING(T() > 7).FILTER(n).FILTER(0"
    diagnostic = next(found for found in parse_tolerant(text).diagnostics if found.code == "S015")
    assert (diagnostic.range.start.offset, diagnostic.range.end.offset, diagnostic.fix) == (34, 43, None)


def test_relationship_name_as_string_literal():
    text = ("PROFILE(Activity).FILTER(ActivityType == 'Football').TRAVERSE('SubscribedToActivity')"
            ".FILTER(Age > 20 && Age < 35)")
    assert findings(text) == [
        ("S013", "1:63-1:85",
         "relationship name given as a string literal; names are written without quotes: SubscribedToActivity"),
    ]
    diagnostic = parse_tolerant(text).diagnostics[0]
    assert diagnostic.fix.applicability.value == "safe"
    assert ".TRAVERSE(SubscribedToActivity)." in fixed(text, diagnostic)


def test_assignment_shorthand():
    text = "SegmentOnProfile = PROFILE(Contact)"
    assert findings(text) == [
        ("S011", "1:1-1:20", "`SegmentOnProfile = query` is documentation shorthand: a file or request holds "
                             "only the query; remove `SegmentOnProfile =`"),
    ]
    result = parse_tolerant(text)
    assert unparse(result.query) == "PROFILE(Contact)"
    assert fixed(text, result.diagnostics[0]) == "PROFILE(Contact)"


def test_method_style_set_operators():
    text = "SEGMENT(SegmentOnProfile).UNION(SegmentOnReceivedEmail).EXCEPT(SegmentRegisteredInEvent)"
    assert [(code, rng) for code, rng, _ in findings(text)] == [("S012", "1:27-1:56"), ("S012", "1:57-1:89")]
    first = parse_tolerant(text).diagnostics[0]
    assert fixed(text, first) == (
        "SEGMENT(SegmentOnProfile) UNION SEGMENT(SegmentOnReceivedEmail) EXCEPT SEGMENT(SegmentRegisteredInEvent)")
    assert parse_tolerant(fixed(text, first)).diagnostics == ()
