"""Choosing a dialect: the `dialect` configuration key, the `// segquery:
dialect = ...` directive and `check --dialect`; unknown names are reported
with their position."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from toy_dialect import TOY

from segquery.cli import main
from segquery.config import ConfigError, load_config
from segquery.engine import CheckOptions, check_text
from segquery.syntax import dialects

SAMPLED = "PROFILE(contact).SAMPLE(3)\n"


@pytest.fixture
def toy_registered(monkeypatch):
    monkeypatch.setitem(dialects.DIALECTS, "toy", TOY)


def found(report) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.message, d.range.start.offset, d.range.end.offset) for d in report.diagnostics]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_configuration_names_a_dialect_in_any_case(tmp_path):
    assert load_config(write(tmp_path / "segquery.toml", 'dialect = "Outbound"\n')).dialect == "outbound"
    assert load_config(write(tmp_path / "segquery.toml", "line-length = 80\n")).dialect == "outbound"


@pytest.mark.parametrize("value, shown", [('"inbound"', "'inbound'"), ("3", "3")])
def test_an_unknown_dialect_in_the_configuration_is_an_error_at_its_key(tmp_path, value, shown):
    path = write(tmp_path / "segquery.toml", f"line-length = 80\ndialect = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f"{path}:2:1: `dialect`: expected a dialect name (outbound, realtime) "
                                 f"or \"auto\", got {shown}")


def test_an_unknown_dialect_in_a_directive_is_reported_where_it_is_written():
    report = check_text("// segquery: dialect = outbnd\nPROFILE(contact)\n")
    assert found(report) == [("L102", "unknown dialect `outbnd`; did you mean `outbound`?", 23, 29)]


def test_the_directive_chooses_the_dialect_the_file_is_parsed_in(toy_registered):
    assert found(check_text(SAMPLED)) == [("S014", "unknown step `SAMPLE`", 17, 23)]
    assert found(check_text("// segquery: dialect = toy\n" + SAMPLED)) == []


def test_the_command_line_option_and_the_configuration_choose_it_too(toy_registered, tmp_path):
    assert found(check_text(SAMPLED, options=CheckOptions(dialect="toy"))) == []
    write(tmp_path / "segquery.toml", 'dialect = "toy"\n')
    assert found(check_text(SAMPLED, path=str(tmp_path / "a.segq"))) == []


def test_check_takes_a_dialect_option(tmp_path):
    path = write(tmp_path / "a.segq", "PROFILE(contact)\n")
    result = CliRunner().invoke(main, ["check", "--dialect", "OUTBOUND", "--quiet", str(path)])
    assert (result.exit_code, result.output) == (0, "")
    result = CliRunner().invoke(main, ["check", "--dialect", "inbound", str(path)])
    assert result.exit_code == 2
    assert "Invalid value for '--dialect': 'inbound' is not one of 'outbound', 'realtime', 'auto'." in result.output
