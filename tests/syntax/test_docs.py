"""The language reference carries the grammar verbatim."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_language_reference_shows_the_current_grammar():
    grammar = (ROOT / "grammar" / "segquery.lark").read_text(encoding="utf-8")
    document = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    block = document.split("```lark\n", 1)[1].rsplit("```", 1)[0]
    assert block == grammar, "docs/language.md is stale: copy grammar/segquery.lark into its Grammar section"
