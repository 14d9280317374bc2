"""What the server publishes after any sequence of edits is what a fresh check finds.

The server applies each didChange to its copy of the text (incremental
document sync), updates the workspace with that one file (which keeps the
other files' resolutions and findings, and recomputes only what the change
touches) and checks the document with the parser's cache of recent results.
After every edit of a random sequence, each file's diagnostics must equal
those of a project loaded from scratch with the same texts: exact codes,
ranges, messages, fixes and related locations.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from segquery.lsp.documents import DocumentStore
from segquery.lsp.project import Project

FILES = {
    "a.segq": "PROFILE(contact).FILTER(statecode == 0)",
    "b.segq": "SEGMENT(a) UNION SEGMENT(c)",
    "c.segq": "// segquery: name = c\nPROFILE(contact, c).FILTER(c.fullname == 'x' && c.fullname == 'x')",
}
OPEN = ("b.segq", "c.segq")  # edited in the editor; a.segq stays as it is on disk

# Pieces that make, break and rename references, names, conditions and strings.
PIECES = ("", "SEGMENT(a)", "SEGMENT(b)", "SEGMENT(z)", " UNION ", " EXCEPT ", "c.", ".", "(", ")", "'", "\n",
          "// segquery: name = a\n", "// segquery: ignore[L020]\n", "== 1", " && ", "PROFILE(contact)", "x")

EDITS = st.lists(st.tuples(st.sampled_from(OPEN), st.floats(0, 1), st.integers(0, 12), st.sampled_from(PIECES)),
                 min_size=1, max_size=6)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("edits")
    for name, text in FILES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@given(edits=EDITS)
def test_every_edit_publishes_what_a_fresh_check_finds(root: Path, edits) -> None:
    paths = {name: str(root / name) for name in FILES}
    texts = {name: FILES[name] for name in OPEN}
    documents = DocumentStore()
    for name in OPEN:
        documents.open(types.TextDocumentItem(uri=(root / name).as_uri(), language_id="segquery", version=1,
                                              text=texts[name]))
    project = Project()
    project.load([root], {paths[name]: texts[name] for name in OPEN})
    for version, (name, where, length, piece) in enumerate(edits, start=2):
        uri = (root / name).as_uri()
        before = texts[name]
        start = round(where * len(before))
        end = min(len(before), start + length)
        texts[name] = before[:start] + piece + before[end:]
        document = documents.change(uri, version, [types.TextDocumentContentChangePartial(
            range=documents.get(uri).index.range(start, end), text=piece)])
        assert document is not None and document.text == texts[name]
        project.update(paths[name], document.text)

        fresh = Project()
        fresh.load([root], {paths[open_name]: texts[open_name] for open_name in OPEN})
        for checked in FILES:
            text = texts.get(checked, FILES[checked])
            assert project.check(text, paths[checked]) == fresh.check(text, paths[checked]), (checked, texts)
