"""The lean driver's tables generated into segquery/syntax/tables/ are what lark builds now
from the grammar; they are used only while the grammar and lark's version are the ones they
were made from; and a text without an error parses without importing lark."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import lark
import pytest

from segquery.syntax import parse_tables
from segquery.syntax.dialects import DIALECTS
from segquery.syntax.grammar import grammar_text, lalr_parser
from segquery.syntax.lark_tables import tables_from_lark
from segquery.syntax.parse_tables import installed_lark_version, prebuilt_tables
from segquery.syntax.parser import parse_tolerant

ROOT = Path(__file__).resolve().parents[2]
STALE = "stale: run python tools/gen_parse_tables.py"


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_the_generated_tables_are_what_lark_builds_now(name):
    dialect = DIALECTS[name]
    generated = prebuilt_tables(dialect, grammar_text(dialect))
    module = importlib.import_module(f"segquery.syntax.tables.{name}")
    if module.LARK_VERSION != installed_lark_version():
        # Another lark release (pyproject allows any 1.x): the tables are built from lark at
        # run time, and the parse still works; regenerating them brings the fast start back.
        assert generated is None
        assert parse_tolerant("PROFILE(contact, c).FILTER(c.city == 'Seattle')", dialect=dialect).ok
        return
    assert generated is not None, STALE
    assert generated == tables_from_lark(lalr_parser(dialect)), STALE


def test_tables_of_another_grammar_or_lark_are_not_used(monkeypatch):
    dialect = DIALECTS["outbound"]
    assert prebuilt_tables(dialect, grammar_text(dialect) + "\n// edited") is None
    monkeypatch.setattr(parse_tables, "installed_lark_version", lambda: "0.1")
    assert prebuilt_tables(dialect, grammar_text(dialect)) is None


def test_a_dialect_without_generated_tables_has_none():
    toy = DIALECTS["outbound"].extended("toy")
    assert prebuilt_tables(toy, grammar_text(toy)) is None


def run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_lark_s_version_is_read_without_importing_lark():
    assert installed_lark_version() == lark.__version__
    code = ("import sys\nfrom segquery.syntax.parse_tables import installed_lark_version\n"
            "print(installed_lark_version(), 'lark' in sys.modules)")
    assert run(code) == f"{lark.__version__} False"


def test_only_a_text_with_an_error_imports_lark():
    code = ("import sys\nfrom segquery.syntax.parser import parse_tolerant\n"
            "clean = parse_tolerant(\"PROFILE(contact).FILTER(city == 'Seattle') // a comment\\n\")\n"
            "print(clean.ok, len(clean.query.comments), 'lark' in sys.modules)\n"
            "broken = parse_tolerant('PROFILE(contact).FILTER(city ==')\n"
            "print(broken.ok, 'lark' in sys.modules)")
    assert run(code).splitlines() == ["True 1 False", "False True"]
