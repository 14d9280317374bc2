"""What a check loads and does: a run answered from the cache loads no parser, rule or workspace;
no check loads the modules of other commands; the workspace does not parse a checked file again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import segquery.workspace.model as workspace_model
from segquery.check_options import CheckOptions
from segquery.checking import check_paths
from segquery.dialect_names import AUTO, DEFAULT_DIALECT_NAME, DEFAULT_TARGET, DIALECT_NAMES, DIALECT_SETTINGS
from segquery.syntax import dialects

ROOT = Path(__file__).resolve().parents[2]
# Print the modules a `segquery check` run loaded, among those named on the command line.
LOADED = """
import sys
from segquery.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
wanted = tuple(sys.argv[1].split(","))
print(sorted({name for name in sys.modules if name.startswith(wanted)}))
"""
HEAVY = ("lark", "segquery.syntax.parser", "segquery.syntax.ast", "segquery.lint", "segquery.semantic",
         "segquery.workspace", "segquery.engine", "segquery.schema", "segquery.requests")
# Rule selection and ignore directives read the generated rule table; outbound query files need no request
# check and no real-time rule.
NOT_FOR_QUERIES = ("segquery.rules.catalog", "segquery.requests.files", "segquery.requests.request",
                   "segquery.query_plan", "segquery.migrate", "segquery.semantic.realtime_rules")
OTHER_COMMANDS = ("sqlglot", "duckdb", "httpx", "azure", "pygls", "rich", "segquery.sql", "segquery.preview",
                  "segquery.org.client", "segquery.lsp", "segquery.cli.deps_cmd", "segquery.cli.format_cmd")


def loaded(directory: Path, prefixes: tuple[str, ...], *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SEGQUERY_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", LOADED, ",".join(prefixes), *args], cwd=directory, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.splitlines()[-1]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.segq").write_text("SEGMENT(b)\n", encoding="utf-8")
    (tmp_path / "b.segq").write_text("PROFILE(contact).FILTER(address1_city == 'Seattle')\n", encoding="utf-8")
    return tmp_path


def test_a_run_answered_from_the_cache_loads_no_parser_rule_or_workspace(project):
    assert loaded(project, HEAVY, "check", ".") != "[]"      # the first run checks
    assert loaded(project, HEAVY, "check", ".") == "[]"


def test_a_check_loads_no_module_of_another_command(project):
    assert loaded(project, OTHER_COMMANDS, "check", "--no-cache", "a.segq") == "[]"


def test_a_check_of_files_without_a_syntax_error_loads_no_lark(project):
    """The lean driver's tables are generated ahead of time: lark parses only texts with an error."""
    assert loaded(project, ("lark",), "check", "--no-cache", ".") == "[]"
    (project / "c.segq").write_text("PROFILE(contact).FILTER(\n", encoding="utf-8")
    assert loaded(project, ("lark",), "check", "--no-cache", ".") != "[]"


def test_a_check_compiles_no_dataclass_method(project):
    """Every dataclass a check imports takes its methods from segquery/dataclass_code.py and
    segquery/fast_dataclass.py: the standard decorator compiles none at start-up."""
    code = ("import dataclasses, sys\n"
            "compiled = []\n"
            "create = dataclasses._create_fn\n"
            "dataclasses._create_fn = lambda name, *args, **options: compiled.append(name) or create(name, *args, **options)\n"
            "from segquery.cli import main\n"
            "try:\n    main(['check', '--no-cache', '.'])\nexcept SystemExit:\n    pass\n"
            "print(compiled)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_check_of_query_files_loads_neither_the_rule_catalog_nor_the_request_checks(project):
    (project / "c.segq").write_text("// segquery: ignore[L001, keyword-case]\nprofile(contact)\n", encoding="utf-8")
    assert loaded(project, NOT_FOR_QUERIES, "check", "--no-cache", "--select", "L,V", "--ignore", "L02", ".") == "[]"


def test_the_workspace_parses_no_checked_query_again(project, monkeypatch):
    parsed: list[str] = []
    parse = workspace_model.parse_tolerant

    def spy(text, **options):
        parsed.append(options["path"])
        return parse(text, **options)

    monkeypatch.setattr(workspace_model, "parse_tolerant", spy)
    reports = check_paths([str(project)], options=CheckOptions(jobs=1))
    assert [len(report.diagnostics) for report in reports] == [0, 0]
    assert parsed == []      # SEGMENT(b) needs b's profile type: a's shape, sent by the check, has it


def test_the_dialect_names_are_those_of_the_dialects():
    assert DIALECT_NAMES == dialects.dialect_names()
    assert DIALECT_SETTINGS == dialects.dialect_settings() and AUTO == dialects.AUTO
    assert (DEFAULT_DIALECT_NAME, DEFAULT_TARGET) == (dialects.DEFAULT_DIALECT.name,
                                                      dialects.DEFAULT_DIALECT.default_target)
