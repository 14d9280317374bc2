"""A text edited in one unit of its chain, parsed from that unit alone (segquery/syntax/edited.py),
gives exactly what a full parse gives.

With a syntax error in the unit the result is the full parse's diagnostics and no tree; without
one, the previous tree with the unit's new subtree grafted in (segquery/syntax/graft.py): the
same tree, spans, parentheses, qualifiers, comments and diagnostics (codes, ranges, messages,
fixes), compared field by field, including the fields equality leaves out. After every edit of a
random sequence, `parse_tolerant` (which parses the edited unit when it can, against the last
text of the same path that parsed) must equal a full parse, and the edited-unit parse against
the previous version must either decline (None) or give the full parse's result.
"""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import exact_result, exactly

from segquery.source import SourceText
from segquery.syntax import ast, or_operands, parser
from segquery.syntax.dialect import Dialect
from segquery.syntax.edited import _edited_unit, parse_after_edit
from segquery.syntax.previous_parse import PreviousParse
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant, parse_uncached
from segquery.syntax.realtime import REALTIME
from segquery.syntax.scanner import MAX_NESTING
from segquery.syntax.unit_parse import state_after

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

# What the builder reports about single steps, to be taken out and moved by grafts: a quoted
# name with its fix, bad escapes, unknown functions and steps, a call that cannot stand in a
# condition, a number too long.
DIAGNOSED = (
    "// segquery: name = diagnosed\n"
    "PROFILE(contact, c)\n"
    "    .TRAVERSE('contact_customer_accounts', a, FILTER(a.name CONTAINS 'n\\q'))\n"
    "    .FILTER(c.x == FOO(1) || c.y == PROFILE(contact) || c.z == 123456789012345678901234567890123456789012)\n"
    "    .FILTER(\n"
    "        c.a == 'x\\q' ||\n"
    "        c.b == DATEDIF(DAY, c.d, c.e) || /* between */\n"
    "        c.c == 'three'\n"
    "    )\n"
    "    .FILTRE(c.k == 1)"
)

# Real-time journeys: RELATE, IN lists, and what that dialect's builder reports (double quotes,
# with a fix; STARTSWITH).
REALTIME_DOCUMENT = (
    "PROFILE(contact)\n"
    "    .RELATE(contact_customer_accounts, a)\n"
    "    .FILTER(a.name IN ['x', 'y'] || a.city CONTAINS \"q\" || ISNULL(a.phone))\n"
    "    .FILTER(\n"
    "        fullname == 'a' ||\n"
    "        address1_city == \"b\" /* b */ ||\n"
    "        (age > 1 && age < 3) || fullname STARTSWITH 'x'\n"
    "    )\n"
    "    .FILTER(fullname STARTSWITH 'x' || a.y == 2)"
)

# Interaction queries: the builder checks their steps together (HAVING must follow every FILTER).
INTERACTION = ("INTERACTION(msdynmkt_emailopened, msdynmkt_contactid, i)\n"
               "    .FILTER(i.a == 'x' || i.b == 'y' || i.c == 'z')\n"
               "    .HAVING(COUNT() > 2)")
HAVING_FIRST = INTERACTION.replace(".FILTER(", ".HAVING(COUNT() > 1)\n    .FILTER(", 1)

DOCUMENTS = ((DOCUMENT, OUTBOUND), (DOCUMENT, REALTIME), (DIAGNOSED, OUTBOUND), (REALTIME_DOCUMENT, REALTIME),
             (DIAGNOSED.replace("\n", "\r\n"), OUTBOUND), (INTERACTION, OUTBOUND), (HAVING_FIRST, REALTIME))

# Pieces that break, mend and move conditions, calls, strings, comments and parentheses.
PIECES = ("", "c.", ".", "(", ")", "'", "'x'", "\n", " ", "||", " && ", "==", "1", "x", ",", "FILTER(", "/*", "*/",
          "//", ".FILTER(c.a == 2)", "UNIONSEGMENT(a)", " UNION ", "c.fullname", "[", "]", "@", "\"", "ORDERBY")

# ("anywhere", where, characters replaced, piece, whether the edit moves to the next end of a
# token, where units meet: edits there may join a unit's text to the token before it).
BREAKING = st.tuples(st.just("anywhere"), st.floats(0, 1), st.integers(0, 8), st.sampled_from(PIECES), st.booleans())

_CONDITION = r"\b[a-z]\.\w+ == '[^'\\\n]*'"
# Edits that most often leave a query that parses, as typing inside a condition does: (what a
# match finds, what it becomes, given a word). Some still change the units (a new `||` operand,
# a new step) or the tokens around them; those must fall back to the full parse.
VALID_EDITS = (
    (r"'[^'\\\n]*'", lambda found, word: f"'{word}'"),
    (r"\b[a-z]\.\w+", lambda found, word: found + word.replace(" ", "_")),
    (r"\b\d+\b", lambda found, word: found + str(len(word))),
    (r"==|!=", lambda found, word: "!=" if found == "==" else "=="),
    (r"\|\||&&", lambda found, word: f"\n        {found}" if word else f"{found} "),
    (r"\|\||\.FILTER", lambda found, word: f"/* {word} */ {found}"),
    (r"\)\n", lambda found, word: f") // {word}\n"),
    (_CONDITION, lambda found, word: f"({found})"),
    (_CONDITION, lambda found, word: f"{found} && c.k{len(word)} == 1"),
    (_CONDITION, lambda found, word: f"{found} || c.k == '{word}'"),
    (r"\)\n", lambda found, word: f").FILTER(c.k == '{word}')\n"),
    (r"FILTER\(", lambda found, word: f"FILTER{word.upper().replace(' ', '')}("),
)
# ("valid", which of VALID_EDITS, at which of its matches, the word).
VALID = st.tuples(st.just("valid"), st.sampled_from(range(len(VALID_EDITS))), st.integers(0, 40),
                  st.sampled_from(("", "x", "ab", "q r")))

EDITS = st.lists(st.one_of(BREAKING, VALID), min_size=1, max_size=8)


def _edited(text: str, edit: tuple) -> str:
    if edit[0] == "valid":
        _, kind, occurrence, word = edit
        pattern, replace = VALID_EDITS[kind]
        found = list(re.finditer(pattern, text))
        if not found:
            return text
        match = found[occurrence % len(found)]
        return text[:match.start()] + replace(match.group(), word) + text[match.end():]
    _, where, length, piece, at_token_end = edit
    start = round(where * len(text))
    if at_token_end:
        start = next((at for at in range(max(start, 1), len(text))
                      if not text[at - 1].isspace() and text[at] in " |.)"), start)
    return text[:start] + piece + text[min(len(text), start + length):]


def _previous(text: str, dialect: Dialect) -> PreviousParse | None:
    result, clean = parser._parse_whole(SourceText(text), dialect)
    return None if result.query is None else PreviousParse(result.source, result.query, result.diagnostics, clean)


def _after(before: str, after: str, dialect: Dialect) -> tuple[ast.Query | None, tuple] | None:
    """The edited-unit parse of `after` against `before` (which must parse into a tree)."""
    previous = _previous(before, dialect)
    assert previous is not None
    return parse_after_edit(previous, SourceText(after), dialect)


def _errors_after(before: str, after: str, dialect: Dialect) -> tuple | None:
    """The diagnostics of the edited-unit parse of a text with a syntax error (None when it declines)."""
    found = _after(before, after, dialect)
    assert found is None or found[0] is None, (before, after)
    return None if found is None else found[1]


def _assert_full_parse(found: tuple[ast.Query | None, tuple] | None, text: str, dialect: Dialect) -> None:
    full = parse_uncached(text, dialect=dialect)
    if found is not None:
        assert exactly(found[0]) == exactly(full.query), text
        assert found[1] == full.diagnostics, text


@given(edits=EDITS, document=st.sampled_from(DOCUMENTS))
def test_every_edit_parses_as_a_full_parse_does(edits, document: tuple[str, Dialect]) -> None:
    text, dialect = document
    parse_tolerant(text, path="edited.segq", dialect=dialect)  # the base of the first edit
    for edit in edits:
        before, text = text, _edited(text, edit)
        full = parse_uncached(text, path="edited.segq", dialect=dialect)
        assert exact_result(parse_tolerant(text, path="edited.segq", dialect=dialect)) == exact_result(full)
        _assert_kept_operands_are_found_afresh()
        if _previous(before, dialect) is not None:
            _assert_full_parse(_after(before, text, dialect), text, dialect)


def _assert_kept_operands_are_found_afresh() -> None:
    kept = or_operands.kept()
    if kept is not None:
        assert kept.operands == or_operands.found_afresh(kept.text, kept.call), kept.text


LONG_CONDITION = ("PROFILE(contact, c)\n    .FILTER(\n"
                  + " ||\n".join(f"        c.city == 'c{index}'" for index in range(12))
                  + "\n    )\n    .FILTER(c.a == 1 or (c.b == 2) or ( c.c == 3 ) || c.d == 4)")


@pytest.mark.parametrize(("old", "new"), [
    ("'c0'", "'c0x'"), ("'c5'", "'c'"), ("'c11'", "'c11xyz'"), ("c.city == 'c3'", "(c.city == 'c3')"),
    ("c.b == 2", "c.b == 22"), ("( c.c == 3 )", "(c.c == 3)"), ("c.d == 4", "c.d == 44 "), ("c.a == 1", "c.aa == 1"),
    ("|| c.d", "or c.d"), ("'c7' ||", "'c7' /* seven */ ||"),
])
def test_the_operands_of_a_grafted_condition_are_kept_as_a_fresh_read_finds_them(old: str, new: str) -> None:
    path = f"long-condition {old}.segq"
    parse_tolerant(LONG_CONDITION, path=path)
    text = LONG_CONDITION
    for _ in range(3):  # keystroke after keystroke in the same operand
        assert old in text
        text = text.replace(old, new, 1)
        assert exact_result(parse_tolerant(text, path=path)) == exact_result(parse_uncached(text, path=path))
        _assert_kept_operands_are_found_afresh()
        kept = or_operands.kept()
        # (Operands with a comment between them are not units: that text is parsed whole.)
        assert (kept is not None and kept.text is text) == ("/*" not in new)
        old, new = new, new.replace("c", "cc", 1)


@pytest.mark.parametrize(("edited", "shared"), [("'c7'", 2), ("c.d == 4", 2), ("c.b == 2", 1), ("'c1'", 1),
                                               ("c.i == 9", 3), ("c.e == 5", 1)])
def test_a_stand_in_read_on_from_its_shared_start_leaves_the_state_the_whole_stand_in_does(edited: str,
                                                                                          shared: int) -> None:
    # (The call's stand-in, for a call after the second its first two calls, and for an operand after
    # the second the call's stand-in with the first two operands, start the stand-ins of other units.)
    text = LONG_CONDITION + "\n    .FILTER(c.e == 5)\n    .FILTER(c.f == 6 || c.g == 7 || c.h == 8 || c.i == 9)"
    tree = parse_uncached(text).query
    assert tree is not None
    at = text.index(edited) + 1
    unit = _edited_unit(text, tree, at, at)
    assert unit is not None and (unit.operand is None) == (edited == "c.e == 5")
    whole = state_after.__wrapped__(unit.stand_in, OUTBOUND)
    read_on = state_after(unit.stand_in, OUTBOUND, unit.shared)
    assert read_on[0] == whole[0]
    assert [type(value) for value in read_on[1]] == [type(value) for value in whole[1]]
    assert len(unit.shared) == shared


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
        "a step that now ends the chain early": DOCUMENT.replace("'b')", "'b')) UNION (", 1),
    }
    for name, text in cases.items():
        assert _errors_after(DOCUMENT, text, OUTBOUND) is None, name


def test_an_edit_that_joins_a_unit_to_the_token_before_it_is_parsed_whole() -> None:
    before = "PROFILE(contact, c).FILTER(c.x == y || c.z == 'a' || c.w == 2 || c.v == 3)"
    for after in (before.replace("y ||", "yz||"), before.replace("'a' ||", "'a''||"),
                  before.replace("2 ||", "22||"), before.replace("2 ||", "2.||")):
        _assert_full_parse(_after(before, after, OUTBOUND), after, OUTBOUND)
        assert exact_result(parse_tolerant(after)) == exact_result(parse_uncached(after))


def test_a_text_that_is_not_one_chain_is_parsed_whole() -> None:
    before = "PROFILE(contact).FILTER(a == 1) UNION PROFILE(contact).FILTER(b == 2)"
    after = before.replace("b ==", ". ==")
    tree = parse_uncached(before).query
    assert isinstance(tree, ast.Query) and isinstance(tree.body, ast.SetOperation)
    assert _after(before, after, OUTBOUND) is None
    assert exact_result(parse_tolerant(after)) == exact_result(parse_uncached(after))


# Edits of every kind of unit that leave a query that parses: (document, dialect, text replaced
# at its first occurrence, replacement). Each is parsed by grafting the unit's new subtree.
GRAFTED = {
    "a string in the second operand of an `||`": (DOCUMENT, OUTBOUND, "== 'b')", "== 'c')"),
    "a longer string in the first operand": (DOCUMENT, OUTBOUND, "== 'a'", "== 'a longer name'"),
    "a number in a middle operand": (DOCUMENT, OUTBOUND, "c.b == 2", "c.b == 22"),
    "a condition added in parentheses": (DOCUMENT, OUTBOUND, "c.d == 4)", "c.d == 4 && c.e == 1)"),
    "a condition added to an operand": (DOCUMENT, OUTBOUND, "c.e == 5 or", "c.e == 5 && c.k == 'v' or"),
    "the last operand": (DOCUMENT, OUTBOUND, "c.j == 2.5", "c.j == 2.75"),
    "a step's inner FILTER": (DOCUMENT, OUTBOUND, "CONTAINS 'n'", "CONTAINS 'nm'"),
    "a comment added in a step": (DOCUMENT, OUTBOUND, "'x' &&", "'x' /* note */ &&"),
    "the white space before a step": (DOCUMENT, OUTBOUND, "\n    .FILTER(c.x", "\n\n      .FILTER(c.x"),
    "a shorter name": (DOCUMENT, OUTBOUND, "c.address1_city == 'x'", "c.city == 'x'"),
    "a name in a middle step": (DOCUMENT, OUTBOUND, "c.y == 'b'", "c.yy == 'b'"),
    "the last step, to the end of the text": (DOCUMENT, OUTBOUND, "/* last */", "/* the last */"),
    "a step renamed to an unknown one": (DOCUMENT, OUTBOUND, ".DISTINCT()", ".DISTINC()"),
    "a step of the other dialect's document": (DOCUMENT, REALTIME, "== 'b')", "== 'bb')"),
    "a call that cannot stand in a condition": (DIAGNOSED, OUTBOUND, "PROFILE(contact) ||", "PROFILE(account) ||"),
    "a step with a quoted name and a bad escape": (DIAGNOSED, OUTBOUND, "'n\\q'", "'nn\\q'"),
    "an unknown function removed": (DIAGNOSED, OUTBOUND, "FOO(1)", "1"),
    "a bad escape mended": (DIAGNOSED, OUTBOUND, "'x\\q'", "'x\\\\q'"),
    "an unknown step mended": (DIAGNOSED, OUTBOUND, ".FILTRE(", ".FILTER("),
    "double quotes mended": (REALTIME_DOCUMENT, REALTIME, 'CONTAINS "q"', "CONTAINS 'q'"),
    "double quotes written": (REALTIME_DOCUMENT, REALTIME, "fullname == 'a'", 'fullname == "a"'),
    "an IN list": (REALTIME_DOCUMENT, REALTIME, "IN ['x', 'y']", "IN ['x', 'y', 'z']"),
    "an interaction query's FILTER before its HAVING": (INTERACTION, OUTBOUND, "'y'", "'yy'"),
}


def test_edits_that_leave_a_valid_query_graft_the_unit_into_the_previous_tree() -> None:
    for name, (document, dialect, old, new) in GRAFTED.items():
        assert old in document, name
        text = document.replace(old, new, 1)
        found = _after(document, text, dialect)
        assert found is not None and found[0] is not None, name
        _assert_full_parse(found, text, dialect)


def test_grafted_diagnostics_move_with_the_text_after_the_unit() -> None:
    text = DIAGNOSED.replace("'n\\q'", "'nnn\\q'", 1)
    found = _after(DIAGNOSED, text, OUTBOUND)
    assert found is not None and found[0] is not None
    before = parse_uncached(DIAGNOSED).diagnostics
    assert [d.code for d in found[1]] == [d.code for d in before]
    # The TRAVERSE's own findings did not move; every later one moved by the two characters typed.
    assert [d.start - b.start for d, b in zip(found[1], before)] == [0, 2, 2, 2, 2, 2, 2, 2]
    assert found[1][0].fix is not None and found[1][0].fix.edits[0].start == before[0].fix.edits[0].start


def test_the_server_s_parse_of_each_version_grafts_onto_the_last() -> None:
    text = DOCUMENT
    parse_tolerant(text, path="grafted.segq")
    for old, new in (("== 'b')", "== 'bc')"), ("c.b == 2", "c.b == 23"), ("'bc'", "'bcd'"), ("/* last */", "")):
        text = text.replace(old, new, 1)
        with patch.object(parser, "_parse_whole", side_effect=AssertionError("the whole text was parsed")):
            grafted = parse_tolerant(text, path="grafted.segq")
        assert exact_result(grafted) == exact_result(parse_uncached(text, path="grafted.segq"))


def test_valid_edits_the_graft_cannot_answer_for_are_left_to_the_full_parse() -> None:
    method_union = "PROFILE(contact).FILTER(a == 1 || b == 2).UNION(x)"
    deep = "(" * MAX_NESTING + "2" + ")" * MAX_NESTING
    cases = {
        "a new step inside a unit": (DOCUMENT, "c.y == 'b')", "c.y == 'b').FILTER(c.z == 2)"),
        "a new operand inside an operand": (DOCUMENT, "c.b == 2 ||", "c.b == 2 || c.bb == 3 ||"),
        "the chain's source": (DOCUMENT, "PROFILE(contact, c)", "PROFILE(contact, c )"),
        "a FILTER after HAVING in an interaction query": (HAVING_FIRST, "'y'", "'yy'"),
        "a step after HAVING that becomes a FILTER": (INTERACTION + ".FILTRE(i.d == 1)", "FILTRE", "FILTER"),
        "a set operator written as a step": (method_union, "b == 2", "b == 3"),
        "parentheses nested deeper than the limit": (DOCUMENT, "c.b == 2", f"c.b == {deep}"),
    }
    for name, (document, old, new) in cases.items():
        assert old in document, name
        text = document.replace(old, new, 1)
        assert _after(document, text, OUTBOUND) is None, name
        assert exact_result(parse_tolerant(text)) == exact_result(parse_uncached(text)), name
