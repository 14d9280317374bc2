"""A text with a syntax error parsed from its edited call alone (segquery/syntax/edited.py)
gives exactly what a full parse gives.

After every edit of a random sequence, `parse_tolerant` (which parses the edited unit when
it can, against the last text of the same path that parsed) must equal a full parse, and
the edited-unit parse against the previous version must either decline (None) or return
the full parse's diagnostics: exact codes, ranges, messages and fixes.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from segquery.source import SourceText
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.edited import syntax_errors_after_edit
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant, parse_uncached
from segquery.syntax.realtime import REALTIME

DOCUMENT = (
    "// segquery: name = edited\n"
    "PROFILE(contact, c)\n"
    "    .FILTER(c.fullname == 'a' || c.address1_city == 'b')\n"
    "    .TRAVERSE(contact_customer_accounts, a, FILTER(a.name CONTAINS 'n'))\n"
    "    .FILTER(\n"
    "        c.address1_city == 'x' && (c.age > 1 || c.age < 3)\n"
    "    ) // the third step\n"
    "    .FILTER(c.x == 1 OR c.y == 'b')\n"
    "    .FILTER(\n        c.a == 1 ||\n        c.b == 2 ||\n        (c.c == 3 && c.d == 4) ||\n        c.e == 5 or\n"
    "        c.f == 6\n    )\n"
    "    .FILTER(c.g == y||c.h == 'q'||(c.i == 1) || c.j == 2.5)\n"
    "    .DISTINCT() /* last */"
)

# Pieces that break, mend and move conditions, calls, strings, comments and parentheses.
PIECES = ("", "c.", ".", "(", ")", "'", "'x'", "\n", " ", "||", " && ", "==", "1", "x", ",", "FILTER(", "/*", "*/",
          "//", ".FILTER(c.a == 2)", "UNIONSEGMENT(a)", " UNION ", "c.fullname", "[", "]", "@", "\"", "ORDERBY")

# (where, characters replaced, piece, whether the edit moves to the next end of a token, where
# units meet: edits there may join a unit's text to the token before it).
EDITS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 8), st.sampled_from(PIECES), st.booleans()),
                 min_size=1, max_size=8)


def _edited(text: str, where: float, length: int, piece: str, at_token_end: bool) -> str:
    start = round(where * len(text))
    if at_token_end:
        start = next((at for at in range(max(start, 1), len(text))
                      if not text[at - 1].isspace() and text[at] in " |.)"), start)
    return text[:start] + piece + text[min(len(text), start + length):]


def _errors_after(before: str, after: str, dialect: Dialect):
    tree = parse_uncached(before, dialect=dialect).query
    assert tree is not None
    return syntax_errors_after_edit(SourceText(before), tree, SourceText(after), dialect)


@given(edits=EDITS, dialect=st.sampled_from((OUTBOUND, REALTIME)))
def test_every_edit_parses_as_a_full_parse_does(edits, dialect: Dialect) -> None:
    text = DOCUMENT
    parse_tolerant(text, path="edited.segq", dialect=dialect)  # the base of the first edit
    for where, length, piece, at_token_end in edits:
        before, text = text, _edited(text, where, length, piece, at_token_end)
        full = parse_uncached(text, path="edited.segq", dialect=dialect)
        assert parse_tolerant(text, path="edited.segq", dialect=dialect) == full
        if parse_uncached(before, dialect=dialect).query is not None:
            found = _errors_after(before, text, dialect)
            assert found is None or (full.query is None and found == full.diagnostics), (before, text)


def _break_condition(text: str, occurrence: int) -> str:
    """`c.name` -> `.name` at the given occurrence of `c.`."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index("c.", at + 1)
    return text[:at] + text[at + 1:]


def test_a_broken_condition_in_any_step_is_found_from_that_step_alone() -> None:
    for occurrence in range(13):  # in every FILTER step, and in each operand of an `||`
        broken = _break_condition(DOCUMENT, occurrence)
        found = _errors_after(DOCUMENT, broken, OUTBOUND)
        full = parse_uncached(broken)
        assert full.query is None and found == full.diagnostics
        assert found is not None and [d.code for d in found] == ["S004"]


def test_edits_the_unit_cannot_answer_for_are_left_to_the_full_parse() -> None:
    first_filter = DOCUMENT.index(".FILTER(") + len(".FILTER(")
    cases = {
        "a parenthesis left open": DOCUMENT[:first_filter] + "(" + DOCUMENT[first_filter:],
        "a string left open": DOCUMENT[:first_filter] + "'" + DOCUMENT[first_filter:],
        "an edit across two steps": DOCUMENT.replace("'b')\n    .TRAVERSE(", "'b' .TRAVERSE(", 1),
        "an edit that leaves no error": DOCUMENT.replace("'a'", "'z'", 1),
        "a step that now ends the chain early": DOCUMENT.replace("'b')", "'b')) UNION (", 1),
    }
    for name, text in cases.items():
        assert _errors_after(DOCUMENT, text, OUTBOUND) is None, name


def test_an_edit_that_joins_a_unit_to_the_token_before_it_is_parsed_whole() -> None:
    before = "PROFILE(contact, c).FILTER(c.x == y || c.z == 'a' || c.w == 2 || c.v == 3)"
    for after in (before.replace("y ||", "yz||"), before.replace("'a' ||", "'a''||"),
                  before.replace("2 ||", "22||"), before.replace("2 ||", "2.||")):
        full = parse_uncached(after)
        found = _errors_after(before, after, OUTBOUND)
        assert found is None or (full.query is None and found == full.diagnostics), after
        assert parse_tolerant(after) == full


def test_a_text_that_is_not_one_chain_is_parsed_whole() -> None:
    before = "PROFILE(contact).FILTER(a == 1) UNION PROFILE(contact).FILTER(b == 2)"
    after = before.replace("b ==", ". ==")
    tree = parse_uncached(before).query
    assert isinstance(tree, ast.Query) and isinstance(tree.body, ast.SetOperation)
    assert syntax_errors_after_edit(SourceText(before), tree, SourceText(after), OUTBOUND) is None
    assert parse_tolerant(after) == parse_uncached(after)
