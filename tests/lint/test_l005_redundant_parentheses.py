import pytest

from lint_helpers import applicabilities, findings, fixed


def test_double_and_whole_operand_parentheses():
    text = "PROFILE(contact).FILTER(((statecode == 0)) && (address1_city == 'Seattle'))"
    assert findings(text, "L005") == [  # the pairs around the comparisons, inside the chain
        ("L005", "1:25-1:43", "redundant parentheses around `((statecode == 0))`"),
        ("L005", "1:47-1:75", "redundant parentheses around `(address1_city == 'Seattle')`"),
    ]
    assert fixed(text, "L005") == "PROFILE(contact).FILTER(statecode == 0 && address1_city == 'Seattle')"


def test_double_parentheses_where_one_pair_is_needed():
    text = "PROFILE(contact).FILTER(((a == 1 || b == 2)) && c == 3)"
    assert findings(text, "L005") == [("L005", "1:25-1:45", "double parentheses around `((a == 1 || b == 2))`")]
    assert fixed(text, "L005") == "PROFILE(contact).FILTER((a == 1 || b == 2) && c == 3)"


@pytest.mark.parametrize("text", [
    "PROFILE(contact).FILTER((a == 1 && b == 2) || c == 3)",     # && group inside || helps the reader
    "PROFILE(contact).FILTER((a == 1 || b == 2) && c == 3)",     # needed
    "PROFILE(contact).FILTER((a + b) * 2 > 1 && (a * b) + 1 > 0)",
    "(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)",            # asked for by L004
    "SEGMENT(a) EXCEPT (SEGMENT(b) EXCEPT SEGMENT(c))",           # needed
    "(SEGMENT(x)).ORDERBY(fullname ASC).TAKE(5)",                 # the member-fetch form
])
def test_needed_or_clarifying_parentheses_pass(text):
    assert findings(text, "L005") == []


@pytest.mark.parametrize("text", [
    "PROFILE(contact).FILTER((a == 1 || b == 2))",
    "PROFILE(contact, c).FILTER((c.x == 'contact' && ISNOTNULL(c.y)))",
    "PROFILE(contact).FILTER((statecode == 0))",
    "PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c, FILTER((c.a == 1 || c.b == 2)))",
    "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING((COUNT() > 0), UTCDAYS(7))",
])
def test_the_designers_pair_around_a_whole_condition_passes(text):
    assert findings(text, "L005") == []


def test_a_second_pair_around_a_whole_condition_is_reported():
    text = "PROFILE(contact).FILTER(((a == 1 || b == 2)))"
    assert findings(text, "L005") == [("L005", "1:25-1:45", "double parentheses around `((a == 1 || b == 2))`")]
    assert fixed(text, "L005") == "PROFILE(contact).FILTER((a == 1 || b == 2))"


def test_pairs_inside_a_designer_condition_are_still_reported():
    text = "PROFILE(contact).FILTER(((a == 1) && b == 2))"
    assert findings(text, "L005") == [("L005", "1:26-1:34", "redundant parentheses around `(a == 1)`")]
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, (UTCDAYS(7)))"
    assert findings(text, "L005") == [("L005", "1:71-1:83", "redundant parentheses around `(UTCDAYS(7))`")]


def test_set_operation_operands():
    assert fixed("(SEGMENT(a)) UNION SEGMENT(b)", "L005") == "SEGMENT(a) UNION SEGMENT(b)"
    assert fixed("(SEGMENT(a) UNION SEGMENT(b)) UNION SEGMENT(c)", "L005") == \
        "SEGMENT(a) UNION SEGMENT(b) UNION SEGMENT(c)"


def test_removal_never_joins_tokens():
    assert fixed("PROFILE(contact).FILTER(x CONTAINS('a'))", "L005") == "PROFILE(contact).FILTER(x CONTAINS 'a')"
    assert fixed("PROFILE(contact).FILTER(a /(//c\n2) > 1)", "L005") == "PROFILE(contact).FILTER(a / //c\n2 > 1)"
    assert fixed("PROFILE(contact).FILTER((x)CONTAINS 'a')", "L005") == "PROFILE(contact).FILTER(x CONTAINS 'a')"


def test_comments_inside_are_kept_and_the_fix_stays_safe():
    text = "PROFILE(contact).FILTER(a / (/* c */ b) > 1)"
    assert applicabilities(text, "L005") == ["safe"]
    assert fixed(text, "L005") == "PROFILE(contact).FILTER(a / /* c */ b > 1)"
