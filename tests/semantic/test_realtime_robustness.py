"""The real-time validator on mutated real-time texts: findings, never a traceback."""

import importlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from segquery.semantic import NO_SCHEMA, validate
from segquery.syntax.parser import parse_tolerant

from realtime_helpers import REALTIME
from test_realtime_rules import CASES
from test_realtime_validation import PUBLIC_EXAMPLES



def _rule_cases() -> dict:
    """The pinned real-time cases of every rule's test module (test_v0NN_<rule>.py, REALTIME_CASES)."""
    cases = dict(CASES)
    for path in sorted(Path(__file__).parent.glob("test_v0*.py")):
        cases.update(getattr(importlib.import_module(path.stem), "REALTIME_CASES", {}))
    return cases


RULE_CASES = _rule_cases()
TEXTS = [text for text, _, _ in RULE_CASES.values()] + PUBLIC_EXAMPLES


def test_the_texts_are_every_pinned_case():
    assert len(RULE_CASES) == 65


@st.composite
def mutated_texts(draw) -> str:
    """A real-time text with a few characters deleted or inserted."""
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + text[at + 1:]
        else:
            text = text[:at] + draw(st.sampled_from(list("().,'[]_ ") + ["&&", "IN", "RELATE("])) + text[at:]
    return text


@settings(max_examples=60, deadline=None)
@given(mutated_texts())
def test_mutated_realtime_texts_validate_without_errors_in_the_validator(text):
    result = parse_tolerant(text, dialect=REALTIME)
    if result.query is None:
        return
    for schema in (None, NO_SCHEMA):
        for diagnostic in validate(result.query, result.source, dialect=REALTIME, schema=schema):
            assert 0 <= diagnostic.start <= diagnostic.end <= len(text)
            assert diagnostic.code.startswith("V") and diagnostic.message
            if diagnostic.fix is not None:
                assert all(0 <= edit.start <= edit.end <= len(text) for edit in diagnostic.fix.edits)
