"""The language server's documentation says what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from segquery.lsp.debounce import DEFAULT_DELAY
from segquery.lsp.diagnostics import DEFAULT_RULES_URL, rule_url
from segquery.lsp.notifications import WATCHED_GLOBS
from segquery.lsp.requests import (
    CODE_ACTION_KINDS,
    COMPLETION_TRIGGERS,
    SIGNATURE_TRIGGERS,
)

from segquery.ide.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES

REPO = Path(__file__).resolve().parents[2]
SERVER_DOC = (REPO / "docs" / "language-server.md").read_text(encoding="utf-8")
EDITORS_DOC = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
RULES_DOC = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def test_rule_links_point_at_headings_of_the_rules_reference():
    assert f"`{DEFAULT_RULES_URL}`" in SERVER_DOC
    anchors = {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
               for heading in re.findall(r"^#+ (.+)$", RULES_DOC, flags=re.MULTILINE)}
    for code in ("S007", "S014", "L001", "W002"):
        assert rule_url(code).split("#")[1] in anchors, code
    assert rule_url("S007") == f"{DEFAULT_RULES_URL}#s007-unclosed-parenthesis"


def test_the_documented_numbers_and_lists():
    assert f"within {round(DEFAULT_DELAY * 1000)} ms" in SERVER_DOC
    legend = re.search(r"The legend's token types are (.+?); the one modifier is\n?`(\w+)`", SERVER_DOC, re.DOTALL)
    assert re.findall(r"`(\w+)`", legend.group(1)) == list(TOKEN_TYPES)
    assert (legend.group(2),) == TOKEN_MODIFIERS
    globs = [f"`{glob}`" for glob in WATCHED_GLOBS]
    assert ", ".join(globs[:-1]) + " and " + globs[-1] in SERVER_DOC.replace("\n", " ")
    for kind in CODE_ACTION_KINDS:
        assert f"`{kind}`" in SERVER_DOC
    assert "completion (" + " ".join(f"`{char}`" for char in COMPLETION_TRIGGERS[:3]) + " space)" in SERVER_DOC
    assert "signature help (" + " ".join(f"`{char}`" for char in SIGNATURE_TRIGGERS) + ")" in SERVER_DOC


def test_the_editor_snippets_are_the_files():
    helix = (REPO / "editors" / "helix" / "languages.toml").read_text(encoding="utf-8")
    helix_block = re.search(r"```toml\n(.+?)```", EDITORS_DOC, re.DOTALL).group(1)
    assert helix_block in helix
    neovim = (REPO / "editors" / "neovim" / "segquery.lua").read_text(encoding="utf-8")
    assert neovim.startswith("-- Segment queries in neovim (0.7 or later)")
    section = EDITORS_DOC[EDITORS_DOC.index("## Neovim"):EDITORS_DOC.index("## Helix")]
    assert "a complete set-up for neovim 0.7 or later" in section
    for value in ("{ segq = 'segquery' }", "{ 'segquery', 'lsp' }", "{ 'segquery.toml', 'pyproject.toml', '.git' }"):
        assert value in neovim and value in section, value


def test_no_install_command_names_an_extra_that_no_index_serves():
    files = [REPO / "README.md", *REPO.glob("docs/*.md"), *REPO.glob("editors/*/*.*"), *REPO.glob("segquery/cli/*.py")]
    assert len(files) > 10
    for path in files:
        assert "segquery[lsp]" not in path.read_text(encoding="utf-8"), path


def test_the_documented_pull_and_lens_names():
    from segquery.lsp.inline import SHOW_REFERENCES
    from segquery.lsp.pull import OPTIONS

    assert f"`{SHOW_REFERENCES}`" in SERVER_DOC
    assert f"the identifier `{OPTIONS.identifier}`" in SERVER_DOC
