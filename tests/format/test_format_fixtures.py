"""Exact output: each directory under fixtures/ holds `input.segq` and the
expected layout at line lengths 88 (`88.segq`) and 40 (`40.segq`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from segquery import parse
from segquery.format import format_text
from segquery.syntax import ast

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
LINE_LENGTHS = (88, 40)


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.mark.parametrize("line_length", LINE_LENGTHS)
@pytest.mark.parametrize("case", CASES)
def test_fixture_output(case: str, line_length: int) -> None:
    source = _read(FIXTURES / case / "input.segq")
    expected = _read(FIXTURES / case / f"{line_length}.segq")
    assert format_text(source, line_length=line_length) == expected


@pytest.mark.parametrize("line_length", LINE_LENGTHS)
@pytest.mark.parametrize("case", CASES)
def test_expected_output_is_already_formatted(case: str, line_length: int) -> None:
    expected = _read(FIXTURES / case / f"{line_length}.segq")
    assert format_text(expected, line_length=line_length) == expected


def test_every_case_has_an_input_and_both_outputs() -> None:
    files = {case: sorted(path.name for path in (FIXTURES / case).iterdir()) for case in CASES}
    assert {case: names for case, names in files.items() if names != ["40.segq", "88.segq", "input.segq"]} == {}


def _constructs(query: ast.Query) -> set[str]:
    found = set()
    for node in ast.walk(query):
        found.add(type(node).__name__)
        for value in vars_of(node):
            if isinstance(value, (ast.LogicOp, ast.CompareOp, ast.StringOp, ast.SetOp, ast.DatePart,
                                  ast.AggregateFunction, ast.WindowUnit, ast.Direction)):
                found.add(f"{type(value).__name__}.{value.name}")
            elif isinstance(value, tuple):
                found.update(f"{type(item).__name__}.{item.name}" for item in value if isinstance(item, ast.SetOp))
    return found


def vars_of(node: ast.Node) -> list:
    return [getattr(node, name) for name in node.__dataclass_fields__ if name != "span"]


# Real-time journeys constructs; their fixtures are parsed in that dialect (tests/format/test_realtime_format.py).
REALTIME_ONLY_NODES = (ast.Relate, ast.InList)


def test_fixtures_cover_every_construct() -> None:
    """Every node kind and every operator, function and keyword of the language appears in some input."""
    found: set[str] = set()
    for case in CASES:
        found |= _constructs(parse(_read(FIXTURES / case / "input.segq")))
    wanted = {cls.__name__ for cls in vars(ast).values()
              if isinstance(cls, type) and issubclass(cls, ast.Node) and cls.__dataclass_fields__
              and cls not in (ast.Node, ast.Expr, ast.QueryExpr, ast.Comment, ast.Call, ast.InvalidCall)
              and cls not in REALTIME_ONLY_NODES}
    for enum_type in (ast.LogicOp, ast.CompareOp, ast.StringOp, ast.SetOp, ast.DatePart, ast.AggregateFunction,
                      ast.WindowUnit, ast.Direction):
        wanted |= {f"{enum_type.__name__}.{member.name}" for member in enum_type}
    assert sorted(wanted - found) == []
