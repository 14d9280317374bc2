"""No editor feature raises, on any text at any offset; and the compressed
parser prefix that completion uses accepts what the full prefix accepts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ide_helpers import full_prefix_accepts, small_schema, workspace_segments

import segquery.ide as ide
from segquery.diagnostics import Diagnostic
from segquery.ide.expected import expected_terminals
from segquery.ide.outline import build_outline
from segquery.source import Span
from segquery.syntax.parser import parse_tolerant

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").rglob("*.segq"))
SCHEMA = small_schema()
SEGMENTS = workspace_segments()

PIECES = st.sampled_from([
    "PROFILE(", "SEGMENT(", "INTERACTION(", ".FILTER(", ".TRAVERSE(", ".HAVING(", "DATEDIFF(", "NOT(", "COUNT()",
    "UTCDAYS(7)", ".ORDERBY(", ")", "(", ",", ".", " ", "\n", "contact", "c", "c.", "account", "seattle", "Opened",
    "contact_account_parentcustomerid", "EmailOpened", "EmailOpened_ContactLink", "==", "&&", "||", " UNION ",
    " CONTAINS ", "'x'", "'open", '"dq"', "1", "-2.5", "// note\n", "/* a\nb */", "/*", "=", "!", "é", "\t",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=25).map("".join), st.text(max_size=40))


def every_feature(text: str, offset: int) -> None:
    ide.complete(text, offset, schema=SCHEMA, segments=SEGMENTS)
    ide.hover(text, offset, schema=SCHEMA, segments=SEGMENTS)
    ide.signature_help(text, offset)
    ide.definition(text, offset, segments=SEGMENTS, path="ws/edited.segq")
    ide.references(text, offset, segments=SEGMENTS, path="ws/both.segq")
    ide.prepare_rename(text, offset, segments=SEGMENTS)
    ide.rename(text, offset, "renamed", segments=SEGMENTS, path="ws/both.segq")
    ide.semantic_tokens(text)
    ide.folding_ranges(text)
    ide.document_symbols(text)
    diagnostics: tuple[Diagnostic, ...] = parse_tolerant(text).diagnostics
    ide.code_actions(text, diagnostics, Span(offset, offset))


@settings(max_examples=120, deadline=None)
@given(TEXTS, st.integers(min_value=-3, max_value=80))
def test_no_feature_raises_on_any_text_and_offset(text, offset):
    every_feature(text, offset)


def test_no_feature_raises_on_any_prefix_of_the_examples():
    """Each prefix of each example, with the cursor after its last character:
    the state of the text while it is being typed."""
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        for end in range(len(text) + 1):
            prefix = text[:end]
            ide.complete(prefix, end, schema=SCHEMA, segments=SEGMENTS)
            ide.signature_help(prefix, end)
            ide.hover(prefix, max(end - 1, 0), schema=SCHEMA, segments=SEGMENTS)
            ide.semantic_tokens(prefix)
            if end % 5 == 0:
                every_feature(prefix, end)


def test_the_compressed_prefix_accepts_what_the_full_prefix_accepts():
    compared = 0
    for path in EXAMPLES:
        tokens = build_outline(path.read_text(encoding="utf-8")).tokens
        for end in range(len(tokens) + 1):
            full = full_prefix_accepts(tokens, end)
            if full is None:
                continue
            assert expected_terminals(tokens, end) == full, (path.name, end)
            compared += 1
    assert compared > 400
