"""Bad input of every kind gets a clean, positioned diagnostic, never an exception."""

import pytest

from segquery import ParseError, parse, parse_tolerant

from helpers import findings


def test_empty_input():
    assert findings("") == [("S008", "1:1-1:1", "no query here: the text is empty or holds only comments")]


def test_only_comments_and_space():
    text = "// a note\n/* and a\n block */\n   \n"
    assert findings(text) == [("S008", "1:1-1:1", "no query here: the text is empty or holds only comments")]


def test_unterminated_string():
    assert findings("PROFILE(contact).FILTER(fullname == 'Ann)\n") == [
        ("S007", "1:24-1:25", "`(` is never closed: add `)`"),
        ("S002", "1:37-1:42", "unterminated string: add the closing ' before the end of the line"),
    ]


def test_unterminated_string_alone():
    assert findings("PROFILE(contact).FILTER(fullname == 'Ann\n)") == [
        ("S002", "1:37-1:41", "unterminated string: add the closing ' before the end of the line"),
    ]


def test_unterminated_block_comment():
    assert findings("PROFILE(contact) /* draft\n.FILTER(x == 1)") == [
        ("S003", "1:18-2:16", "unterminated comment: `/*` has no closing `*/`"),
    ]


def test_stray_characters_are_all_reported_and_their_echoes_are_not():
    assert findings("PROFILE(contact).FILTER(a == 1 # b == 2 ; c)") == [
        ("S001", "1:32-1:33", "unexpected character `#` (U+0023 NUMBER SIGN)"),
        ("S001", "1:41-1:42", "unexpected character `;` (U+003B SEMICOLON)"),
    ]


def test_typographic_quotes_make_one_string_and_its_content_is_not_a_name():
    assert findings("PROFILE(contact).FILTER(stadt == ‘Köln’)") == [
        ("S026", "1:34-1:40", "typographic quotes `‘` `’` around a string: strings use the straight quote `'`"),
    ]


def test_non_ascii_identifier():
    assert findings("PROFILE(contact).FILTER(stadt == Köln)") == [
        ("S001", "1:35-1:36", "unexpected character `ö` (U+00F6 LATIN SMALL LETTER O WITH DIAERESIS): names are "
                              "ASCII; other text belongs in a string"),
    ]


def test_non_ascii_inside_strings_is_fine():
    query = parse("PROFILE(contact).FILTER(address1_city == 'Köln 🏙️')")
    assert query.body.steps[0].condition.right.value == "Köln 🏙️"


def test_nul_byte():
    assert findings("PROFILE(contact)\0") == [("S001", "1:17-1:18", "NUL byte (U+0000) in the query")]


def test_five_thousand_nested_parentheses():
    text = "PROFILE(contact).FILTER(" + "(" * 5000 + "a == 1" + ")" * 5000 + ")"
    assert findings(text) == [("S009", "1:88-1:89", "parentheses nest deeper than 64 levels here")]


def test_nesting_at_the_limit_parses():
    depth = 62  # PROFILE( and FILTER( add two levels
    text = "PROFILE(contact).FILTER(" + "(" * depth + "a == 1" + ")" * depth + ")"
    query = parse(text)
    assert query.body.steps[0].condition.parens == depth


def test_ten_megabyte_query_parses_without_recursion():
    body = " || ".join(f"emailaddress1 == 'user{i}@contoso.com'" for i in range(240_000))
    text = f"PROFILE(contact).FILTER({body})"
    assert len(text) > 10_000_000
    query = parse(text)
    assert len(query.body.steps[0].condition.operands) == 240_000


def test_input_above_the_size_limit(monkeypatch):
    from segquery.syntax import parser

    monkeypatch.setattr(parser, "MAX_INPUT_CHARS", 10)
    parser._recent_parse.cache_clear()
    assert findings("PROFILE(contact)") == [
        ("S010", "1:1-1:1", "the input has 16 characters; the parser accepts at most 10"),
    ]


def test_unexpected_end():
    assert findings("PROFILE(contact).") == [("S005", "1:18-1:18", "the query ends too early: expected a name")]


def test_single_equals_and_single_ampersand_are_explained_with_fixes():
    result = parse_tolerant("PROFILE(contact).FILTER(a = 1 & b == 2)")
    assert [(d.code, d.message, d.fix.edits[0].new_text) for d in result.diagnostics] == [
        ("S021", "`=` is not an operator; compare with `==`", "=="),
        ("S001", "`&` is not an operator; use `&&` to join conditions", "&&"),
    ]
    assert result.query is None


def test_chained_comparison():
    assert findings("PROFILE(contact).FILTER(15 <= age <= 25)") == [
        ("S022", "1:35-1:37", "comparisons do not chain: `a < b < c` is two comparisons, write `a < b && b < c`"),
    ]


def test_several_errors_in_one_file_after_recovery():
    text = "PROFILE(contact).FILTER(a == 1 'x').FILTER(b == c d)"
    assert [(code, rng) for code, rng, _ in findings(text)] == [("S004", "1:32-1:35"), ("S004", "1:51-1:52")]


def test_invalid_escape():
    assert findings("PROFILE(contact).FILTER(fullname == 'a\\nb')") == [
        ("S020", "1:39-1:41",
         "`\\n` is not an escape; strings know `\\'`, `\\\"` and `\\\\` (write `\\\\n` for a backslash)"),
    ]


def test_parse_raises_only_parse_error_with_diagnostics():
    with pytest.raises(ParseError) as raised:
        parse("PROFILE(contact).FILTER(", path="q.segq")
    assert raised.value.diagnostics[0].code == "S007"
    assert str(raised.value) == "q.segq:1:24: S007 `(` is never closed: add `)`"


def test_a_glued_keyword_after_other_errors_keeps_every_position():
    # Resuming after a glued keyword must not lose the end positions of the tokens before it.
    assert findings("PROFILE(account). UNION SEGMENT(k) EXCEPTFILTER(x)") == [
        ("S004", "1:25-1:32", "unexpected name `SEGMENT`: expected `(`"),
        ("S023", "1:36-1:48", "`EXCEPTFILTER` reads as one word; the keyword `EXCEPT` needs a space after it: "
                              "`EXCEPT FILTER`"),
    ]


def test_method_set_operators_get_no_fix_when_the_last_one_is_never_closed():
    result = parse_tolerant("T().UNION(s).EXCEPT(s")
    assert [(d.code, d.fix) for d in result.diagnostics] == [("S014", None), ("S012", None), ("S007", None)]
    assert findings("T().UNION(s).EXCEPT(s")[1] == (
        "S012", "1:5-1:13", "set operators are infix words: `A UNION B`, not `.UNION(B)`")
