"""Findings kept per chain step equal a check from scratch, after every edit.

`StepFindings` (segquery/step_findings.py) checks again only the steps an edit
touched and reuses the findings of the others, moved to where they now stand.
After every edit of a random sequence, its findings must equal those of
`validate` followed by `lint` on the same query (and, through the engine,
those of `check_text` without it): exact codes, severities, ranges, messages,
fixes and related locations. Edits rename and remove aliases, change PROFILE,
TRAVERSE and RELATE, directives and comments, add lines before steps and move
text from one step to another; random queries of both dialects, checked one
after the other through the same `StepFindings`, move whole steps around.
"""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st
from realtime_strategies import realtime_query_texts
from strategies import query_texts

from segquery.check_options import CheckOptions
from segquery.check_settings import SettingsResolver
from segquery.engine import check_text
from segquery.lint import LintContext, LintRule, lint, lint_rules
from segquery.rules.scope import RuleScope
from segquery.semantic import validate
from segquery.semantic.schemas import NO_SCHEMA
from segquery.step_findings import KEPT_CHECKS, SWEEP_GROWTH_MIN, StepFindings, _Generations
from segquery.step_units import SPLIT_OPERANDS, step_units
from segquery.syntax.dialects import dialect_named
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.realtime import REALTIME
from segquery.syntax.tokens import TokenKind, tokenize

OUTBOUND_DOCUMENT = (
    "// segquery: name = steps\n"
    "PROFILE(contact, c)\n"
    "    .FILTER(c.fullname == 'a' || c.address1_city == 'b' || c.fullname == 'a')\n"
    "    .FILTER(\n"
    "        c.address1_city == 'x' ||\n"
    "        (c.address1_city == 'y') ||\n"
    "        address1_city == 'z' || c.address1_city == 'z' ||\n"
    "        c.nosuch == 'w' || a.name == 'early'\n"
    "    )\n"
    "    /* between steps */ .TRAVERSE(contact_account_parentcustomerid, a, FILTER(a.name == \"n\"))\n"
    "    .FILTER(a.name == 'x' && c.fullname == 'x' && a.name == 'x' && not (a.revenue > 3))\n"
    "    .DISTINCT().distinct()\n"
    "UNION (SEGMENT(other)).ORDERBY(fullname ASC).SKIP(0).TAKE(5)"
)

REALTIME_DOCUMENT = (
    "// segquery: dialect = realtime\n"
    "PROFILE(contact)\n"
    "    .FILTER(fullname == 'a' || address1_city == 'b' || fullname == 'a')\n"
    "    .RELATE(contact_customer_accounts, a, RELATEOPTIONAL(account_primary_contact, p))\n"
    "    .FILTER(a.name == 'x' && a.name == 'x' && p.fullname IN ['q', 'q'])\n"
    "INTERSECT INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)\n"
    "    .FILTER(msdynmkt_entityid_LogicalName == 'contact' && msdynmkt_nosuch == 1)"
)

# Keystrokes and pastes: they break and mend conditions, rename aliases and tables, add lines
# and comments, write directives, and move a step's text into another.
PIECES = ("", "", "", "c", "c.", "a.", ".", "x", "@", "==", " && ", " || ", "(", ")", "'", "\n", "\n\n", "//",
          "/* c */", ", d", "account", "RELATE(", "// segquery: kind = static\n",
          "// segquery: ignore L020\n", "// segquery: profile = lead\n", ".FILTER(c.fullname == 'v')",
          ".TRAVERSE(contact_account_parentcustomerid, c)", "PROFILE(account, c)")

# Edits that mostly leave a valid query: a word, a string or the space between tokens replaced, a
# directive written, a step removed, repeated or moved, the text before the last valid one restored.
WORDS = ("c", "a", "d", "p", "fullname", "name", "address1_city", "account", "contact", "lead", "FILTER", "not")
STRINGS = ("'a'", "'x'", "'zz'", '"n"', "'2024-01-01'")
SPACES = (" ", "", "\n", "\n\n    ", " /* c */ ", " // note\n", "\r\n")
DIRECTIVES = ("// segquery: kind = static\n", "// segquery: ignore L020, V018\n", "// segquery: profile = lead\n",
              "// segquery: kind = compound\n", "/* segquery: ignore */\n")
KINDS = ("word", "string", "space", "directive", "remove step", "repeat step", "move step", "undo", "keystroke")

EDITS = st.lists(st.tuples(st.sampled_from(KINDS), st.floats(0, 1), st.floats(0, 1), st.integers(0, 4)),
                 min_size=1, max_size=10)
MOVES = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(1, 40)), max_size=2)
ALL_RULES = CheckOptions(select=("ALL",))


def _findings_from_scratch(text: str, dialect_name: str, schema) -> list:
    dialect = dialect_named(dialect_name)
    result = parse_tolerant(text, dialect=dialect)
    assert result.query is not None
    return (validate(result.query, result.source, schema=schema, dialect=dialect)
            + lint(result.query, result.source, enabled=lambda code: True, line_length=40, dialect=dialect))


def _findings_from_scratch_at(text: str, line_length: int) -> list:
    result = parse_tolerant(text)
    return validate(result.query, result.source) + lint(result.query, result.source, line_length=line_length)


def _incremental(steps: StepFindings, text: str, dialect_name: str, schema) -> list | None:
    dialect = dialect_named(dialect_name)
    result = parse_tolerant(text, dialect=dialect)
    if result.query is None or result.diagnostics:
        return None
    return steps.check(result.query, result.source, schema=schema, dialect=dialect, enabled=lambda code: True,
                       line_length=40)


def _pick(sequence, fraction: float):
    return sequence[min(len(sequence) - 1, int(fraction * len(sequence)))]


def _edited(text: str, edit: tuple[str, float, float, int], dialect_name: str, history: list[str]) -> str:
    """The text after one edit of kind `edit[0]`; `history` holds the earlier texts (for undo)."""
    kind, where, what, length = edit
    dialect = dialect_named(dialect_name)
    tokens = [token for token in tokenize(text, lexicon=dialect.lexicon)]
    by_kind = {"word": TokenKind.WORD, "string": TokenKind.STRING, "space": TokenKind.WHITESPACE}
    if kind in by_kind:
        candidates = [token for token in tokens if token.kind is by_kind[kind]]
        if candidates:
            token = _pick(candidates, where)
            replacement = _pick({"word": WORDS, "string": STRINGS, "space": SPACES}[kind], what)
            return text[:token.start] + replacement + text[token.end:]
    if kind == "directive":
        return _pick(DIRECTIVES, what) + text
    if kind.endswith("step"):
        result = parse_tolerant(text, dialect=dialect)
        units = step_units(result.query) if result.query is not None else []
        if units:
            unit = _pick(units, where)
            start = unit.after if text[unit.after:unit.start].strip() in ("", ".") else unit.start
            step_text = text[start:unit.node.span.end]
            if kind == "remove step":
                return text[:start] + text[unit.node.span.end:]
            if kind == "repeat step":
                return text[:unit.node.span.end] + step_text + text[unit.node.span.end:]
            other = _pick(units, what)
            rest = text[:start] + text[unit.node.span.end:]
            at = other.node.span.end if other.node.span.end <= start else other.node.span.end - len(step_text)
            return rest[:at] + step_text + rest[at:]
    if kind == "undo" and history:
        return _pick(history, where)
    start = round(where * len(text))
    return text[:start] + _pick(PIECES, what) + text[min(len(text), start + length):]


def _moved(text: str, move: tuple[float, float, int]) -> str:
    """`length` characters cut from one place and pasted at another."""
    source, target, length = move
    start = round(source * len(text))
    cut, rest = text[start:start + length], text[:start] + text[start + length:]
    at = round(target * len(rest))
    return rest[:at] + cut + rest[at:]


# Long FILTER conditions are checked operand by operand; splitting every `&&` and `||` of two operands
# or more puts the test documents' conditions through that path too.
SPLITS = st.sampled_from([2, SPLIT_OPERANDS])


@settings(max_examples=150, deadline=None)
@given(document=st.sampled_from([OUTBOUND_DOCUMENT, REALTIME_DOCUMENT]), edits=EDITS, moves=MOVES, split=SPLITS)
def test_every_edit_is_checked_as_from_scratch_through_the_engine(document: str, edits, moves, split: int) -> None:
    """Settings, directives (kind, profile, dialect, ignore) and suppression as `check_text` applies them."""
    with patch("segquery.step_units.SPLIT_OPERANDS", split):
        _check_edits_through_the_engine(document, edits, moves)


def _check_edits_through_the_engine(document: str, edits, moves) -> None:
    dialect_name = REALTIME.name if document is REALTIME_DOCUMENT else "outbound"
    file_settings = SettingsResolver(ALL_RULES).for_file("steps.segq")
    steps = StepFindings()
    text, history = document, [document]
    assert check_text(text, path="steps.segq", settings=file_settings, steps=steps).diagnostics == \
        check_text(text, path="steps.segq", settings=file_settings).diagnostics
    for change in [("edit", edit) for edit in edits] + [("move", move) for move in moves]:
        text = _edited(text, change[1], dialect_name, history) if change[0] == "edit" else _moved(text, change[1])
        history.append(text)
        incremental = check_text(text, path="steps.segq", settings=file_settings, steps=steps)
        assert incremental.diagnostics == check_text(text, path="steps.segq", settings=file_settings).diagnostics
    assert steps.fallbacks == 0


@settings(max_examples=150, deadline=None)
@given(document=st.sampled_from([OUTBOUND_DOCUMENT, REALTIME_DOCUMENT]), edits=EDITS,
       schema=st.sampled_from([None, NO_SCHEMA]), split=SPLITS)
def test_every_edit_is_checked_as_from_scratch(document: str, edits, schema, split: int) -> None:
    """Every rule enabled (L011 at 40 columns too), with and without a schema."""
    with patch("segquery.step_units.SPLIT_OPERANDS", split):
        _check_edits(document, edits, schema)


def _check_edits(document: str, edits, schema) -> None:
    dialect_name = REALTIME.name if document is REALTIME_DOCUMENT else "outbound"
    steps = StepFindings()
    text, history = document, [document]
    assert _incremental(steps, text, dialect_name, schema) == _findings_from_scratch(text, dialect_name, schema)
    for edit in edits:
        text = _edited(text, edit, dialect_name, history)
        history.append(text)
        incremental = _incremental(steps, text, dialect_name, schema)
        if incremental is not None:
            assert incremental == _findings_from_scratch(text, dialect_name, schema), text
    assert steps.fallbacks == 0


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(query_texts(), min_size=2, max_size=4), split=SPLITS)
def test_random_outbound_queries_one_after_another(texts: list[str], split: int) -> None:
    with patch("segquery.step_units.SPLIT_OPERANDS", split):
        _check_one_after_another(texts, "outbound")


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(realtime_query_texts(), min_size=2, max_size=4), split=SPLITS)
@example(texts=["PROFILE(contact).RELATE(contact,contact,RELATE(contact,contact)).FILTER(0&&''&&'')union PROFILE(contact)",
                "PROFILE(contact)"], split=2)
def test_random_realtime_queries_one_after_another(texts: list[str], split: int) -> None:
    with patch("segquery.step_units.SPLIT_OPERANDS", split):
        _check_one_after_another(texts, REALTIME.name)


def _check_one_after_another(texts: list[str], dialect_name: str) -> None:
    steps = StepFindings()
    for text in texts + texts[:1]:
        incremental = _incremental(steps, text, dialect_name, None)
        if incremental is not None:
            assert incremental == _findings_from_scratch(text, dialect_name, None), text
    assert steps.fallbacks == 0


def test_a_long_condition_is_checked_again_operand_by_operand() -> None:
    operands = " ||\n    ".join(f"c.address1_city == 'City {number}'" for number in range(SPLIT_OPERANDS + 8))
    text = f"PROFILE(contact, c).FILTER(\n    {operands})"
    edited = text.replace("'City 7'", "'City 7' || c.address1_city == 'City 7'")
    steps, found = _checked_then_edited(text, edited)
    assert found == _findings_from_scratch_at(edited, 88)
    assert any(finding.code == "L020" for finding in found)
    # The operand typed, and the one before it, whose text up to the next operand changed.
    assert [edited[node.span.start:node.span.end] for node in steps.rechecked] == ["c.address1_city == 'City 7'"] * 2
    # Back to the text before: the step's findings are kept whole, and nothing is checked again.
    result = parse_tolerant(text)
    assert steps.check(result.query, result.source, line_length=88) == _findings_from_scratch_at(text, 88)
    assert steps.rechecked == []


def test_a_step_that_did_not_change_is_not_checked_again() -> None:
    """The reuse the tests above prove equal actually happens: an edit in one step checks that step only."""
    edited = OUTBOUND_DOCUMENT.replace("'b'", "'bb'")
    steps, _ = _checked_then_edited(OUTBOUND_DOCUMENT, edited)
    assert steps.rechecked and all("'bb'" in edited[node.span.start:node.span.end] for node in steps.rechecked)


def _checked_then_edited(text: str, edited: str) -> tuple[StepFindings, list]:
    """A `StepFindings` that checked `text` and then `edited` (outbound, 88 columns), and the findings in `edited`."""
    steps = StepFindings()
    dialect = dialect_named("outbound")
    found: list = []
    for current in (text, edited):
        result = parse_tolerant(current, dialect=dialect)
        found = steps.check(result.query, result.source, dialect=dialect, line_length=88)
    return steps, found


def test_a_rule_reporting_outside_its_unit_makes_a_check_from_scratch() -> None:
    """A rule declared STEP that reports outside the units it checks (a wrong declaration): the check is
    done again from scratch, with the same findings as `validate` and `lint`, and counted."""
    def outside(ctx: LintContext) -> list:
        return [ctx.report("L001", "outside", 0, 1)] if ctx.roots is not None else []

    rules = lint_rules() + [LintRule(lint_rules()[0].info, outside, scope=RuleScope.STEP)]
    result = parse_tolerant(OUTBOUND_DOCUMENT)
    steps = StepFindings()
    with patch("segquery.step_findings.lint_rules", lambda: rules), patch("segquery.lint.lint_rules", lambda: rules):
        found = steps.check(result.query, result.source, line_length=88)
        assert found == _findings_from_scratch_at(OUTBOUND_DOCUMENT, 88)
    assert steps.fallbacks == 1



def test_kept_entries_stay_until_enough_new_ones_come() -> None:
    kept = _Generations()
    kept.put("old", 1)
    for _ in range(3 * KEPT_CHECKS):
        kept.next_check()
    assert kept.get("old") == 1


def test_a_sweep_drops_the_entries_that_none_of_the_last_eight_checks_used() -> None:
    kept = _Generations()
    kept.put("old", 1)                      # used by check 0 only
    kept.next_check()
    kept.put("recent", 2)                   # used by check 1, the oldest of the last eight at the sweep
    for _ in range(KEPT_CHECKS - 1):
        kept.next_check()
    for number in range(SWEEP_GROWTH_MIN - 1):
        kept.put(number, number)
    kept.next_check()                       # the entries grew past SWEEP_GROWTH_MIN: swept
    assert kept.get_many(["old", "recent", 0]) == [None, 2, 0]
