"""Properties of the JSON reader over generated input."""

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from segquery.diagnostics import Severity
from segquery.requests import read_json, to_python

from request_helpers import apply_all_fixes

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)

TOKENS = ["{", "}", "[", "]", ",", ":", '"', "'", "\\", "//", "/*", "*/", "\n", " ", "a", "key", "1", "-",
          ".5", "0x", "e", "true", "None", "NaN", '"x"', "'y'", "\\u00", "\\ud83d", "\t"]


def _check_wellformed(text, document):
    for diagnostic in document.diagnostics:
        assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
    if document.value is None:
        assert any(d.severity is Severity.ERROR for d in document.diagnostics)


@given(st.text())
def test_any_text_gives_diagnostics_never_an_exception(text):
    _check_wellformed(text, read_json(text))


@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_json_like_token_soup_never_raises(text):
    _check_wellformed(text, read_json(text))


@given(json_values, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_strict_json_reads_as_json_loads_does_and_is_not_reported(value, indent, ensure_ascii):
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    document = read_json(text)
    assert document.diagnostics == ()
    assert to_python(document.value) == json.loads(text)


@given(st.text(), st.booleans())
def test_every_decoded_character_maps_to_the_raw_text_that_encodes_it(value, ensure_ascii):
    text = json.dumps(value, ensure_ascii=ensure_ascii)
    string = read_json(text).value
    assert string.value == value
    for index, char in enumerate(value):
        raw = text[string.raw_offset(index):string.raw_offset(index + 1)]
        assert json.loads(f'"{raw}"') == char


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def _single_quoted(text: str) -> str:
    body = json.dumps(text)[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{body}'"


def _loose(value, draw) -> str:
    """Render `value` as hand-written JSON: bare keys, single quotes, trailing commas, comments."""
    if isinstance(value, str):
        return _single_quoted(value) if draw(st.booleans()) else json.dumps(value)
    if isinstance(value, list):
        items = [_loose(item, draw) for item in value]
        trailing = "," if items and draw(st.booleans()) else ""
        return "[" + ", ".join(items) + trailing + "]"
    if isinstance(value, dict):
        members = []
        for key, item in value.items():
            if _IDENTIFIER.fullmatch(key) and key not in ("true", "false", "null") and draw(st.booleans()):
                written = key
            else:
                written = _single_quoted(key) if draw(st.booleans()) else json.dumps(key)
            comment = "/* c */ " if draw(st.booleans()) else ""
            members.append(f"{comment}{written}: {_loose(item, draw)}")
        trailing = "," if members and draw(st.booleans()) else ""
        return "{\n" + ",\n".join(members) + trailing + " // end\n}"
    return json.dumps(value)


@given(st.data())
def test_hand_written_json_reads_to_the_same_value_and_its_fixes_make_it_strict(data):
    value = data.draw(json_values)
    text = _loose(value, data.draw)
    document = read_json(text)
    assert to_python(document.value) == value
    assert all(d.code in ("R002", "R003", "R004", "R005") for d in document.diagnostics)
    repaired = apply_all_fixes(text, document.diagnostics)
    assert json.loads(repaired) == value
    assert read_json(repaired).diagnostics == ()
