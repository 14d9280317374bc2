"""Edits inside the steps of a long chain publish what a check from scratch finds.

The server's check of an edited document parses, when it can, only the edited
step or `||` operand against the last version that parsed (segquery/syntax/edited.py;
a valid step is grafted into the last tree, segquery/syntax/graft.py), and reuses recent
parses. After every edit of a random sequence, its diagnostics
must equal those of a project loaded afresh whose every parse is a full one
(no recent results, no edited-unit parse): exact codes, ranges, messages, fixes
and related locations.
"""

from __future__ import annotations

import re
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from segquery.lsp.documents import DocumentStore
from segquery.lsp.project import Project
from segquery.syntax.parser import ParseResult, parse_uncached

DOCUMENT = (
    "// segquery: name = steps\n"
    "PROFILE(contact, c)\n"
    "    .FILTER(c.fullname == 'a' || c.address1_city == 'b')\n"
    "    .FILTER(\n"
    "        c.address1_city == 'x' ||\n"
    "        c.address1_city == 'y' ||\n"
    "        c.address1_city == 'z' ||\n"
    "        c.fullname == 'w'\n"
    "    )\n"
    "    .FILTER(c.address1_city == 'x' && c.fullname == 'x' && c.fullname == 'x')\n"
    "    .FILTER(c.fullname CONTAINS 'q')"
)

# Pieces that break and mend conditions, steps, strings and parentheses; most edits delete a
# character or two or type one token, as keystrokes do.
PIECES = ("", "", "", "c.", ".", "x", "@", "==", " && ", " || ", "(", ")", "'", "\n", "//", ".FILTER(c.fullname == 'v')")

RANDOM = st.tuples(st.just("anywhere"), st.floats(0, 1), st.integers(0, 3), st.sampled_from(PIECES))
# Edits that leave a valid query (the parser grafts the edited step or operand into the last
# tree): which string, what it becomes, whether a condition is added after it instead.
WORDS = ("", "v", "vw", "v w")
VALID = st.tuples(st.just("string"), st.integers(0, 20), st.sampled_from(WORDS), st.booleans())
EDITS = st.lists(st.one_of(RANDOM, VALID), min_size=1, max_size=6)


def _change(text: str, edit: tuple) -> tuple[int, int, str]:
    """(start, end, new text) of an edit of `text`."""
    if edit[0] == "string":
        _, occurrence, word, add_condition = edit
        strings = list(re.finditer(r"'[^'\n]*'", text))
        if not strings:
            return 0, 0, ""
        found = strings[occurrence % len(strings)]
        if add_condition:
            return found.end(), found.end(), f" && c.fullname == '{word}'"
        return found.start() + 1, found.end() - 1, word
    _, where, length, piece = edit
    start = round(where * len(text))
    return start, min(len(text), start + length), piece


def _full_parse(text: str, path: str | None, dialect) -> ParseResult:
    return parse_uncached(text, path=path, dialect=dialect)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("steps")
    (directory / "steps.segq").write_text(DOCUMENT, encoding="utf-8")
    return directory


@given(edits=EDITS)
def test_every_edit_inside_a_step_publishes_what_a_check_from_scratch_finds(root: Path, edits) -> None:
    path, uri = str(root / "steps.segq"), (root / "steps.segq").as_uri()
    text = DOCUMENT
    documents = DocumentStore()
    documents.open(types.TextDocumentItem(uri=uri, language_id="segquery", version=1, text=text))
    project = Project()
    project.load([root], {path: text})
    project.check(text, path)
    for version, edit in enumerate(edits, start=2):
        start, end, piece = _change(text, edit)
        text = text[:start] + piece + text[end:]
        document = documents.change(uri, version, [types.TextDocumentContentChangePartial(
            range=documents.get(uri).index.range(start, end), text=piece)])
        assert document is not None and document.text == text
        project.update(path, text)
        published = project.check(text, path)
        with patch("segquery.syntax.parser._recent_parse", _full_parse):
            fresh = Project()
            fresh.load([root], {path: text})
            assert published == fresh.check(text, path), text
