"""Text as users paste and type it: glued keywords, Unicode spaces, typographic
quotes, lone carriage returns, long numbers and unclosed parentheses."""

from __future__ import annotations

import pytest

from helpers import findings
from segquery.diagnostics import Applicability
from segquery.engine import CheckOptions, check_text
from segquery.syntax.parser import parse_tolerant


def fixes(text: str) -> list[tuple[str, Applicability, str, list[tuple[int, int, str]]]]:
    return [(d.code, d.fix.applicability, d.fix.message, [(e.start, e.end, e.new_text) for e in d.fix.edits])
            for d in parse_tolerant(text).diagnostics if d.fix is not None]


# ---------------------------------------------------------------- glued keywords

@pytest.mark.parametrize(("text", "found", "applicability", "split"), [
    ("SEGMENT(a) UNIONSEGMENT(b)",
     ("S023", "1:12-1:24", "`UNIONSEGMENT` reads as one word; the keyword `UNION` needs a space after it: "
                           "`UNION SEGMENT`"), Applicability.SAFE, 16),
    ("PROFILE(contact).FILTER(x == 'a' ORISNULL(y))",
     ("S023", "1:34-1:42", "`ORISNULL` reads as one word; the keyword `OR` needs a space after it: `OR ISNULL`"),
     Applicability.SAFE, 35),
    # A name, not a function, follows: inserting the space changes what the user may have meant.
    ("PROFILE(contact).FILTER(x == 'a' oraddress1_country -1)",
     ("S023", "1:34-1:52", "`oraddress1_country` reads as one word; the keyword `OR` needs a space after it: "
                           "`or address1_country`"), Applicability.UNSAFE, 35),
    ("PROFILE(contact).FILTER(x == 'a' ANDy == 1)",
     ("S023", "1:34-1:38", "`ANDy` reads as one word; the keyword `AND` needs a space after it: `AND y`"),
     Applicability.UNSAFE, 36),
])
def test_a_keyword_glued_to_the_next_word_is_an_error_with_a_fix_that_inserts_a_space(text, found, applicability,
                                                                                       split):
    assert findings(text) == [found]
    keyword = found[2].split("the keyword `")[1].split("`")[0]
    assert fixes(text) == [("S023", applicability, f"Insert a space after `{keyword}`", [(split, split, " ")])]


def test_the_safe_fix_of_a_glued_keyword_keeps_the_call():
    report = check_text("PROFILE(contact).FILTER(x == 'a' ORISNULL(y))", options=CheckOptions(fix=True))
    # The split keyword is then spelled as the style rules want it; the ISNULL call stays.
    assert report.source.text == "PROFILE(contact).FILTER(x == 'a' || ISNULL(y))"


# ---------------------------------------------------------------- pasted white space and quotes

def test_each_run_of_unicode_spaces_is_one_warning_with_a_safe_fix():
    text = "PROFILE(contact).FILTER(\u00a0\u00a0x == 1\u2003&&\u200by == 2)"
    assert findings(text) == [
        ("S025", "1:25-1:27", "U+00A0 NO-BREAK SPACE read as a space: use plain spaces"),
        ("S025", "1:33-1:34", "U+2003 EM SPACE read as a space: use plain spaces"),
        ("S025", "1:36-1:37", "invisible U+200B ZERO WIDTH SPACE read as white space: remove it"),
    ]
    assert [(code, applicability, edits) for code, applicability, _, edits in fixes(text)] == [
        ("S025", Applicability.SAFE, [(24, 26, "  ")]),
        ("S025", Applicability.SAFE, [(32, 33, " ")]),
        ("S025", Applicability.SAFE, [(35, 36, "")]),
    ]


@pytest.mark.parametrize("text, replacement", [
    ("PROFILE(contact).FILTER(x ==\u200b1)", ""),                  # `==1` reads as `== 1`
    ("PROFILE(contact).FILTER(x =\u200b= 1)", " "),                # `==` would join two errors into one token
    ("PROFILE(contact).FILTER(e/\ufeff//\r0 == 1)", " "),           # `///` would swallow the `/`
    ("PROFILE(contact).FILTER(ab\u200bcd == 1)", " "),              # two names would become one
])
def test_removing_an_invisible_character_never_joins_the_tokens_around_it(text, replacement):
    [(code, _, _, edits)] = [fix for fix in fixes(text) if fix[0] == "S025"]
    assert code == "S025" and edits[0][2] == replacement


def test_typographic_quotes_around_a_string_are_one_error_with_a_safe_fix():
    text = "PROFILE(contact).FILTER(x == \u201cSeattle\u201d)"
    assert findings(text) == [
        ("S026", "1:30-1:39", "typographic quotes `\u201c` `\u201d` around a string: strings use the straight quote `'`"),
    ]
    assert fixes(text) == [("S026", Applicability.SAFE, "Use straight quotes", [(29, 38, "'Seattle'")])]


def test_an_unpaired_typographic_quote_is_an_invalid_character():
    assert findings("PROFILE(contact).FILTER(x == \u2018Seattle)") == [
        ("S001", "1:30-1:31", "typographic quote `\u2018` (U+2018); strings use the straight quote `'`"),
    ]


def test_a_query_pasted_from_the_designer_is_clean_after_its_safe_fixes():
    pasted = ("PROFILE(contact, contact_1)\n.FILTER((\n"
              "\u00a0\u00a0\u00a0\u00a0contact_1.address1_city == \u201cSeattle\u201d &&\n"
              "\u00a0\u00a0\u00a0\u00a0contact_1.donotbulkemail == false\u200b))\n")
    report = check_text(pasted, options=CheckOptions(fix=True))
    assert report.source.text == ("PROFILE(contact, contact_1)\n.FILTER((\n"
                                  "    contact_1.address1_city == 'Seattle' &&\n"
                                  "    contact_1.donotbulkemail == FALSE))\n")
    assert report.diagnostics == []
    assert dict(report.fixed) == {"S025": 3, "S026": 1, "L001": 1}


# ---------------------------------------------------------------- line ends, numbers, parentheses

def test_a_lone_carriage_return_ends_a_comment():
    result = parse_tolerant("PROFILE(contact) // all\r.FILTER(x)\r")
    assert list(result.diagnostics) == []
    assert [comment.text for comment in result.query.comments] == ["// all"]
    assert [type(step).__name__ for step in result.query.body.steps] == ["Filter"]


def test_positions_count_a_lone_carriage_return_as_a_line_end():
    assert findings("PROFILE(contact)\r.FILTER(x == 'a\r.FILTER(y)\r") == [
        ("S007", "2:8-2:9", "`(` is never closed: add `)`"),
        ("S002", "2:14-2:16", "unterminated string: add the closing ' before the end of the line"),
    ]


def test_a_number_of_more_than_38_digits_is_an_error_not_a_crash():
    assert findings("PROFILE(contact).FILTER(x == 123456789012345678901234567890123456789012)") == [
        ("S024", "1:30-1:72", "a number of 42 digits: numbers have at most 38 digits before and after the point"),
    ]


def test_an_unclosed_parenthesis_does_not_hide_the_findings_after_it():
    assert findings("PROFILE(contact).FILTER((x == 1 && y == 2)\nPROFILE(contact).FILTER(z == #)") == [
        ("S007", "1:24-1:25", "`(` is never closed: add `)`"),
        ("S004", "2:1-2:8", "expected a comparison operator (==, !=, >, >=, <, <=) before name `PROFILE`"),
        ("S001", "2:30-2:31", "unexpected character `#` (U+0023 NUMBER SIGN)"),
    ]


@pytest.mark.parametrize(("text", "found"), [
    # A Unicode space inside a word splits it, as the parser reads it: `cd` is not silently dropped.
    ("PROFILE(a).FILTER(ab\u200bcd == 1)", [
        ("S025", "1:21-1:22", "invisible U+200B ZERO WIDTH SPACE read as white space: remove it"),
        ("S004", "1:22-1:24", "expected a comparison operator (==, !=, >, >=, <, <=) before name `cd`")]),
    ("PROFILE(a).FILTER(ab\u00a0cd == 1)", [
        ("S025", "1:21-1:22", "U+00A0 NO-BREAK SPACE read as a space: use plain spaces"),
        ("S004", "1:22-1:24", "expected a comparison operator (==, !=, >, >=, <, <=) before name `cd`")]),
    # The same after the `Name =` shorthand: what follows it is read, not skipped.
    ("seg = UNION SEGMENT(a)", [
        ("S011", "1:1-1:7", "`seg = query` is documentation shorthand: a file or request holds only the query; "
                            "remove `seg =`"),
        ("S004", "1:13-1:20", "unexpected name `SEGMENT`: expected `(`")]),
])
def test_an_error_right_after_text_read_as_white_space_is_reported(text, found):
    assert findings(text) == found
    assert parse_tolerant(text).query is None


def test_every_glued_keyword_of_a_long_text_is_reported_and_fixed():
    text = "SEGMENT(a)" + "".join(f" UNIONSEGMENT(s{index})" for index in range(300))
    assert [code for code, *_ in findings(text)] == ["S023"] * 300
    report = check_text(text, options=CheckOptions(fix=True))
    assert report.fix_problem is None
    assert report.source.text == "SEGMENT(a)" + "".join(f" UNION SEGMENT(s{index})" for index in range(300))
