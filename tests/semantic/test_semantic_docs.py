"""docs/validation.md lists every validator code as the registry has it."""

from pathlib import Path

from segquery.rules import all_rules

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


def _row(rule) -> str:
    summary = rule.summary.replace("|", "&#124;")
    return (f"| {rule.code} | {rule.name} | {rule.category.value} | {rule.severity.label} | {rule.fix.value} "
            f"| {summary} |")


def test_every_code_has_its_row():
    text = DOC.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| V")]
    assert rows == [_row(rule) for rule in all_rules() if rule.code.startswith("V")]
