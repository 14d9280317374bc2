"""The lenient JSON reader: values, positions, each non-strict form, broken input."""

import json

import pytest

from segquery.diagnostics import Applicability
from segquery.requests import MAX_DEPTH, JsonObject, JsonString, read_json, to_python

from request_helpers import apply_all_fixes, apply_fix, found, found_messages


def test_strict_json_reads_without_findings_and_keeps_spans():
    text = '{"a": [1, -2.5e3, "x"], "b": {"c": null, "d": true}}'
    document = read_json(text)
    assert document.diagnostics == ()
    assert to_python(document.value) == json.loads(text)
    a = document.value.get("a")
    assert (a.key.span.start, a.key.span.end) == (1, 4)
    assert text[a.value.span.start:a.value.span.end] == '[1, -2.5e3, "x"]'
    number = a.value.items[1]
    assert (number.value, number.text) == (-2500.0, "-2.5e3")
    assert text[number.span.start:number.span.end] == "-2.5e3"


def test_unquoted_key_is_read_and_reported_with_a_quoting_fix():
    text = '{\n  msdyncrm_segmentid: "59AC8BBF-57E7-E811-A9A9-000D3A35F403"\n}'
    document = read_json(text)
    assert to_python(document.value) == {"msdyncrm_segmentid": "59AC8BBF-57E7-E811-A9A9-000D3A35F403"}
    assert found_messages(document.diagnostics) == [
        ("R002", "2:3-2:21", 'key `msdyncrm_segmentid` is not quoted: JSON needs "msdyncrm_segmentid"')]
    fix = document.diagnostics[0].fix
    assert fix.applicability is Applicability.SAFE
    assert json.loads(apply_fix(text, document.diagnostics[0])) == to_python(document.value)


def test_single_quoted_strings_get_a_fix_that_re_escapes_quotes():
    text = """{'name': 'say "hi" it\\'s'}"""
    document = read_json(text)
    assert to_python(document.value) == {"name": 'say "hi" it\'s'}
    assert found_messages(document.diagnostics) == [
        ("R003", "1:2-1:8", "key `name` is in single quotes: JSON needs double quotes"),
        ("R003", "1:10-1:26", "string 'say \"hi\" it's' is in single quotes: JSON needs double quotes"),
    ]
    repaired = apply_all_fixes(text, document.diagnostics)
    assert repaired == '{"name": "say \\"hi\\" it\'s"}'
    assert json.loads(repaired) == to_python(document.value)


def test_trailing_commas_and_comments_are_reported_and_removable():
    text = '{\n  "a": [1, 2,], // list\n  /* block */ "b": 3,\n}'
    document = read_json(text)
    assert to_python(document.value) == {"a": [1, 2], "b": 3}
    assert found_messages(document.diagnostics) == [
        ("R004", "2:13-2:14", "trailing comma before `]`: JSON does not allow it"),
        ("R005", "2:17-2:24", "a `//` comment is not JSON"),
        ("R005", "3:3-3:14", "a `/* */` comment is not JSON"),
        ("R004", "3:21-3:22", "trailing comma before `}`: JSON does not allow it"),
    ]
    assert json.loads(apply_all_fixes(text, document.diagnostics)) == {"a": [1, 2], "b": 3}


@pytest.mark.parametrize("raw, value, message, replacement", [
    ("True", True, "`True` is not JSON: write `true`", "true"),
    ("None", None, "`None` is not JSON: write `null`", "null"),
    ("+1", 1, "`+1` is not a JSON number: write `1`", "1"),
    ("007", 7, "`007` is not a JSON number: write `7`", "7"),
    (".5", 0.5, "`.5` is not a JSON number: write `0.5`", "0.5"),
    ("5.", 5.0, "`5.` is not a JSON number: write `5.0`", "5.0"),
    ("0x1F", 31, "`0x1F` is not a JSON number: write `31`", "31"),
])
def test_non_json_literals_are_read_with_a_fix(raw, value, message, replacement):
    document = read_json(f"[{raw}]")
    assert to_python(document.value) == [value]
    assert found_messages(document.diagnostics) == [("R006", f"1:2-1:{2 + len(raw)}", message)]
    assert apply_fix(f"[{raw}]", document.diagnostics[0]) == f"[{replacement}]"


@pytest.mark.parametrize("raw, message", [
    ("NaN", "`NaN` is not JSON: JSON numbers are finite"),
    ("-Infinity", "`-Infinity` is not JSON: JSON numbers are finite"),
    ("undefined", "`undefined` is not JSON: leave the key out or write `null`"),
])
def test_words_without_a_json_form_get_no_fix(raw, message):
    document = read_json(f"[{raw}]")
    assert found_messages(document.diagnostics) == [("R006", f"1:2-1:{2 + len(raw)}", message)]
    assert document.diagnostics[0].fix is None


def test_bare_word_value_is_read_as_a_string_and_reported():
    document = read_json('{"statuscode": live}')
    assert to_python(document.value) == {"statuscode": "live"}
    assert found_messages(document.diagnostics) == [
        ("R001", "1:16-1:20", "`live` is not a JSON value: a string needs double quotes")]
    assert apply_fix('{"statuscode": live}', document.diagnostics[0]) == '{"statuscode": "live"}'


@pytest.mark.parametrize("raw, decoded, message, replacement", [
    ("\\'", "'", "`\\'` is not a JSON escape: write `'`", "'"),
    ("\\x41", "A", "`\\x41` is not a JSON escape: write `\\u0041`", "\\u0041"),
    ("\\0", "\x00", "`\\0` is not a JSON escape: write `\\u0000`", "\\u0000"),
    ("\\v", "\x0b", "`\\v` is not a JSON escape: write `\\u000b`", "\\u000b"),
])
def test_non_json_escapes_with_an_equivalent_get_a_fix(raw, decoded, message, replacement):
    text = f'["a{raw}b"]'
    document = read_json(text)
    assert to_python(document.value) == [f"a{decoded}b"]
    assert found_messages(document.diagnostics) == [("R007", f"1:4-1:{4 + len(raw)}", message)]
    assert json.loads(apply_fix(text, document.diagnostics[0])) == [f"a{decoded}b"]
    assert replacement in apply_fix(text, document.diagnostics[0])


def test_unknown_escape_is_read_as_the_character_without_a_fix():
    document = read_json('["\\q"]')
    assert to_python(document.value) == ["q"]
    assert found_messages(document.diagnostics) == [
        ("R007", "1:3-1:5", "`\\q` is not a JSON escape: write `q`, or `\\\\q` for a backslash")]
    assert document.diagnostics[0].fix is None


def test_raw_control_character_is_reported_with_its_escape():
    document = read_json('["a\tb"]')
    assert to_python(document.value) == ["a\tb"]
    assert found_messages(document.diagnostics) == [
        ("R008", "1:4-1:5", "raw control character U+0009 in a string: JSON needs `\\t`")]
    assert apply_fix('["a\tb"]', document.diagnostics[0]) == '["a\\tb"]'


def test_duplicate_key_points_at_the_first_occurrence_and_the_last_value_wins():
    document = read_json('{"statuscode": 1,\n "statuscode": 2}')
    assert to_python(document.value) == {"statuscode": 2}
    assert found_messages(document.diagnostics) == [
        ("R010", "2:2-2:14", "key `statuscode` appears twice in this object; readers disagree on which value counts")]
    related = document.diagnostics[0].related[0]
    assert (related.message, related.range.start.column, related.range.end.column) == ("first occurrence", 2, 14)


@pytest.mark.parametrize("text, expected", [
    ("", [("R001", "1:1-1:1", "the body is empty: a JSON value is expected")]),
    ("  // nothing\n", [("R005", "1:3-1:13", "a `//` comment is not JSON"),
                        ("R001", "2:1-2:1", "the body is empty: a JSON value is expected")]),
    ('{"a": 1', [("R001", "1:8-1:8", "the body ends inside the object opened at line 1, column 1: `}` is missing")]),
    ('{"a": [1, 2}', [("R001", "1:12-1:13",
                       "`}` does not close the array opened at line 1, column 7: `]` is expected")]),
    ('{"a" 1}', [("R001", "1:6-1:7", "expected `:` after key `a`, found `1`")]),
    ('{"a": 1 "b": 2}', [("R001", "1:9-1:10", "expected `,` or `}` after the value of `a`, found `\"`")]),
    ('[1 2]', [("R001", "1:4-1:5", "expected `,` or `]` after an array item, found `2`")]),
    ('[1,,2]', [("R001", "1:3-1:5", "two commas in a row: a value is missing between them")]),
    ('{"a": "abc', [("R001", "1:7-1:11", "the string is never closed")]),
    ('{"a": "abc\n"}', [("R001", "1:7-1:11", "the string is not closed before the end of the line")]),
    ('["\\u12"]', [("R001", "1:3-1:7", "`\\u` must be followed by four hexadecimal digits")]),
    ('{@: 1}', [("R001", "1:2-1:3", "expected a key in double quotes, found `@`")]),
    ('[1.2.3]', [("R001", "1:5-1:6", "unexpected `.` in the number `1.2`")]),
    ('[-]', [("R001", "1:2-1:3", "`-` must be followed by a digit")]),
    ('[/* open', [("R001", "1:2-1:9", "the `/*` comment is never closed")]),
    ('\u00a0{}', [("R001", "1:1-1:2", "unexpected U+00A0 (no-break space): expected a value (an object, an array, "
                   "a string in double quotes, a number, true, false or null)")]),
])
def test_broken_input_gives_one_positioned_syntax_error(text, expected):
    document = read_json(text)
    assert document.value is None
    assert found_messages(document.diagnostics) == expected


def test_unclosed_container_points_back_at_its_opener():
    document = read_json('{\n  "a": [1,\n')
    (diagnostic,) = document.diagnostics
    assert found([diagnostic]) == [("R001", "3:1-3:1")]
    assert diagnostic.message == "the body ends inside the array opened at line 2, column 8: `]` is missing"
    related = diagnostic.related[0]
    assert (related.message, related.range.start.line, related.range.start.column) == ("the array starts here", 2, 8)


def test_text_after_the_value_is_reported_but_the_value_is_kept():
    document = read_json('{"a": 1} {"b": 2}\n')
    assert to_python(document.value) == {"a": 1}
    assert found_messages(document.diagnostics) == [
        ("R001", "1:10-1:18", "unexpected `{` after the end of the JSON value: a body holds one value")]


def test_hundred_thousand_open_brackets_give_a_depth_diagnostic():
    document = read_json("[" * 100_000)
    assert document.value is None
    assert found_messages(document.diagnostics) == [
        ("R009", f"1:{MAX_DEPTH + 1}-1:{MAX_DEPTH + 2}", f"nesting deeper than {MAX_DEPTH} levels: reading stops here")]


def test_nesting_up_to_the_limit_is_read():
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    document = read_json(text)
    assert document.diagnostics == ()
    assert to_python(document.value) == json.loads(text)


def test_huge_integer_is_a_diagnostic_not_an_exception():
    document = read_json("[" + "9" * 5000 + "]")
    assert found_messages(document.diagnostics) == [
        ("R001", "1:2-1:5002", "the number `999999999999999999999999999999999999999…` has too many digits to read")]


def test_reading_a_window_reports_offsets_of_the_whole_text():
    text = "POST x\n{ a: 1 }\ntrailing"
    document = read_json(text, start=7, end=15)
    assert to_python(document.value) == {"a": 1}
    assert found(document.diagnostics) == [("R002", "2:3-2:4")]


def test_decoded_offsets_map_back_through_escapes():
    text = r'["a\"b\u0041\\c\ud83d\ude00d"]'
    string = read_json(text).value.items[0]
    assert isinstance(string, JsonString)
    assert string.value == 'a"bA\\c\U0001F600d'
    raw = [text[string.raw_offset(i):string.raw_offset(i + 1)] for i in range(len(string.value))]
    assert raw == ["a", '\\"', "b", "\\u0041", "\\\\", "c", "\\ud83d\\ude00", "d"]
    assert string.raw_offset(len(string.value)) == len(text) - 2


def test_line_continuation_escape_maps_to_the_following_character():
    text = '["ab\\\ncd"]'
    document = read_json(text)
    string = document.value.items[0]
    assert string.value == "abcd"
    assert text[string.raw_offset(2)] == "c"
    assert found(document.diagnostics) == [("R007", "1:5-2:1")]


def test_object_get_returns_the_last_member():
    document = read_json('{"a": 1, "a": 2}')
    assert isinstance(document.value, JsonObject)
    assert document.value.get("a").value.value == 2
    assert document.value.get("b") is None


@pytest.mark.parametrize("text, span, written", [
    ('{"\\ud800x": 1}', "1:3-1:9", "\\ud800"),                # a high half, no low half after it
    ('["a\\udc00"]', "1:4-1:10", "\\udc00"),                   # a low half alone
    ('["\\ud800\\u0041"]', "1:3-1:9", "\\ud800"),              # a high half before a non-surrogate
])
def test_half_a_surrogate_pair_is_reported_and_read_as_the_replacement_character(text, span, written):
    document = read_json(text)
    assert "\ufffd" in json.dumps(to_python(document.value), ensure_ascii=False)
    assert found_messages(document.diagnostics) == [
        ("R007", span, f"`{written}` is half of a surrogate pair with no other half: it is not a character; "
                       "write the character, or both halves of its pair")]
    assert document.diagnostics[0].fix is None


def test_a_surrogate_pair_is_one_character():
    document = read_json('["\\ud83d\\ude00"]')
    assert (to_python(document.value), list(document.diagnostics)) == (["\U0001F600"], [])
