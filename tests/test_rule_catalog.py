"""The rule table is complete without any import by name: the catalog imports every
module that declares codes, and a finding's default severity is known as soon as the
module that reports it is loaded, before the catalog is."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from test_import_cycles import ROOT, import_graph

_DECLARING_CALLS = {"define", "register", "lint_rule"}


def _declares_codes(path: Path) -> bool:
    """Whether the module calls `define`, `register` or `lint_rule` at its top level (or as a decorator)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        calls = [call for call in ast.walk(node) if isinstance(call, ast.Call)]
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            calls = [call for decorator in node.decorator_list for call in ast.walk(decorator)
                     if isinstance(call, ast.Call)]
        if any(isinstance(call.func, ast.Name) and call.func.id in _DECLARING_CALLS for call in calls):
            return True
    return False


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, pending = set(), [start]
    while pending:
        module = pending.pop()
        if module not in seen:
            seen.add(module)
            pending.extend(graph[module])
    return seen


def test_the_catalog_imports_every_module_that_declares_codes():
    declaring = {f"segquery.{'.'.join(path.relative_to(ROOT).with_suffix('').parts)}"
                 for path in ROOT.rglob("*.py") if _declares_codes(path)}
    assert "segquery.semantic.rules.paging_not_allowed" in declaring
    assert "segquery.lint.rules.double_negation" in declaring
    assert "segquery.syntax.codes" in declaring
    assert declaring - _reachable(import_graph(), "segquery.rules.catalog") == set()


def test_the_registry_imports_no_rule_module():
    # (segquery.fast_dataclass: its RuleInfo is a dataclass made without compiling methods)
    assert import_graph()["segquery.rules.registry"] == {"segquery.severity", "segquery.fast_dataclass"}


def test_findings_have_their_default_severity_before_the_catalog_is_loaded():
    script = (
        "import sys\n"
        "from segquery.lint import lint\n"
        "from segquery.semantic import validate\n"
        "from segquery.syntax.parser import parse_tolerant\n"
        "result = parse_tolerant('PROFILE(contact).FILTER(NOT(NOT(xyz_leadscore > 50)))')\n"
        "found = validate(result.query, result.source) + lint(result.query, result.source)\n"
        "print(sorted((d.code, d.severity.label) for d in found))\n"
        "print('segquery.rules.catalog' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT.parent))
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout
    assert output.splitlines() == ["[('L007', 'warning'), ('L008', 'warning'), ('V046', 'warning')]", "False"]


def test_every_code_carries_its_rules_default_severity():
    from segquery.rules.catalog import all_rules
    from segquery.rules.registry import Code

    rules = all_rules()
    assert all(isinstance(rule.code, Code) and rule.code.default_severity is rule.severity for rule in rules)
    assert {rule.severity.label for rule in rules} >= {"error", "warning"}


def test_a_finding_takes_the_severity_its_code_carries_and_keeps_the_plain_text():
    from segquery.diagnostics import make_diagnostic
    from segquery.rules.registry import Code
    from segquery.severity import Severity
    from segquery.source import SourceText

    unregistered = Code("X999", Severity.WARNING)  # in no table: the severity can only come from the code
    diagnostic = make_diagnostic(SourceText("abc"), unregistered, "a message", 0, 1)
    assert diagnostic.severity is Severity.WARNING
    assert type(diagnostic.code) is str and diagnostic.code == "X999"


def test_the_generated_rule_table_is_that_of_the_catalog():
    from segquery.rules.catalog import all_rules, get_rule
    from segquery.rules.summary import SUMMARIES, find_rule

    spec = importlib.util.spec_from_file_location("gen_rules_doc", ROOT.parent / "tools" / "gen_rules_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "rules" / "table.py").read_text(encoding="utf-8")
    assert committed == module.render_table(), "segquery/rules/table.py is stale: run `python tools/gen_rules_doc.py`"
    rules = all_rules()
    assert [(rule.code, rule.name, rule.default_enabled) for rule in rules] == [tuple(row) for row in SUMMARIES]
    for rule in rules:
        for written in (rule.code, rule.code.lower(), rule.name, f" {rule.name.upper()} "):
            assert find_rule(written) == (rule.code, rule.name, rule.default_enabled)
            assert get_rule(written) is rule
    assert find_rule("L9999") is None and find_rule("no-such-rule") is None
