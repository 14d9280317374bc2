"""`dialect = "auto"`: a text's dialect read from constructs only one dialect
has, per glob in the configuration, on every command and in the server, and
said when asked (`segquery parse`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from segquery.cli import main
from segquery.config import ConfigError, load_config
from segquery.dialect_choice import choose_dialect, choose_dialect_of_text
from segquery.lsp.notifications import _dialect_setting
from segquery.syntax.inference import infer_dialect

IN_LIST = "PROFILE(contact).FILTER(industrycode IN [16, 24])\n"


@pytest.mark.parametrize("text, dialect, reason", [
    ("PROFILE(contact).RELATE(r, a).FILTER(a.x == 1)", "realtime", "inferred from RELATE"),
    ("PROFILE(contact).relateoptional(r, a).FILTER(a.x == 1)", "realtime", "inferred from RELATEOPTIONAL"),
    (IN_LIST, "realtime", "inferred from IN [..]"),
    ("SEGMENT(SEGMENT_CJO_ID_0a1b2c3d4e5f60718293a4b5c6d7e8f9)", "realtime", "inferred from SEGMENT_CJO_ID_"),
    ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)", "realtime",
     "inferred from an msdynmkt_ interaction table"),
    ("PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)", "outbound", "inferred from TRAVERSE"),
    ("PROFILE(contact, c).FILTER(c.x == 1)", "outbound", "inferred from an alias in PROFILE"),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink, i).HAVING(COUNT() > 0)", "outbound",
     "inferred from an alias in INTERACTION"),
    ("SEGMENT(SEGMENT_CRM_ID_1)", "outbound", "inferred from SEGMENT_CRM_ID_"),
])
def test_one_dialects_constructs_decide(text, dialect, reason):
    inference = infer_dialect(text)
    assert inference.dialect is not None and inference.dialect.name == dialect
    assert inference.reason() == reason


@pytest.mark.parametrize("text, reason", [
    ("PROFILE(contact).FILTER(x == 1)", "no construct of one dialect only"),
    ("// RELATE( in a comment\nPROFILE(contact).FILTER(x == 'IN [')", "no construct of one dialect only"),
    ("PROFILE(contact).TRAVERSE(r).FILTER(x IN [1])", "constructs of both dialects (IN [..], TRAVERSE)"),
])
def test_neither_or_both_do_not_decide(text, reason):
    inference = infer_dialect(text)
    assert inference.dialect is None and inference.reason() == reason
    assert choose_dialect(text, "auto").describe() == f"outbound (auto: {reason}; the default)"


def test_a_directive_wins_over_the_setting_and_may_say_auto():
    assert choose_dialect_of_text("// segquery: dialect = realtime\nPROFILE(contact)", "outbound").describe() == (
        "realtime (the file's dialect directive)")
    assert choose_dialect_of_text("// segquery: dialect = auto\n" + IN_LIST, "outbound").describe() == (
        "realtime (auto: inferred from IN [..])")
    assert choose_dialect(IN_LIST, "outbound").describe() == "outbound (configured)"
    assert choose_dialect(IN_LIST, None).describe() == "outbound (the default)"


def test_inference_reads_a_bounded_stretch_of_each_call():
    # A PROFILE with a huge argument list is not scanned to its end for each PROFILE.
    text = "PROFILE(" * 2000 + "x" + ")" * 2000
    assert infer_dialect(text).dialect is None


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_configuration_sets_a_dialect_per_glob(tmp_path):
    config = load_config(write(tmp_path / "segquery.toml",
                               'dialect = "auto"\n[dialects]\n"rt/**" = "Realtime"\n"ob/*.segq" = "outbound"\n'))
    assert config.dialect == "auto"
    assert config.dialects == (("rt/**", "realtime"), ("ob/*.segq", "outbound"))
    assert config.dialect_for(tmp_path / "rt" / "deep" / "a.segq") == "realtime"
    assert config.dialect_for(tmp_path / "ob" / "a.segq") == "outbound"
    assert config.dialect_for(tmp_path / "other.segq") == "auto"


def test_an_unknown_dialect_under_a_glob_is_an_error_at_its_key(tmp_path):
    path = write(tmp_path / "segquery.toml", '[dialects]\n"rt/**" = "realtme"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == (f'{path}:2:1: `dialects."rt/**"`: expected a dialect name (outbound, realtime) '
                                 f'or "auto", got \'realtme\'')


def test_check_reads_each_file_in_its_globs_dialect(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml", '[tool.segquery]\ndialects = { "rt/**" = "realtime" }\n')
    write(tmp_path / "rt" / "a.segq", "PROFILE(contact).FILTER(ISNOTNULL(fullname) && x IN ['a'])\n")
    write(tmp_path / "b.segq", "PROFILE(contact).FILTER(ISNOTNULL(fullname) && x IN ['a'])\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--select", "S", "--output-format", "json", "rt", "b.segq"])
    found = [(item["path"], item["code"]) for item in json.loads(result.output)["findings"]]
    assert found == [("b.segq", "S031")]


def test_format_takes_the_dialect_option_and_auto(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["format", "--dialect", "realtime", "-"],
                           input="PROFILE(contact).RELATE(r, a).FILTER(a.x == 1)\n")
    assert (result.exit_code, result.output) == (0, "PROFILE(contact).RELATE(r, a).FILTER(a.x == 1)\n")
    result = runner.invoke(main, ["format", "--dialect", "auto", "-"],
                           input="PROFILE(contact).RELATE(r, a).FILTER(a.x == 1)\n")
    assert result.exit_code == 0
    result = runner.invoke(main, ["format", "--dialect", "outbound", "-"],
                           input="PROFILE(contact).RELATE(r, a).FILTER(a.x == 1)\n")
    assert result.exit_code == 2 and "S031" in result.output


def test_parse_says_which_dialect_it_chose_and_why(tmp_path):
    path = write(tmp_path / "a.segq", IN_LIST)
    payload = json.loads(CliRunner().invoke(main, ["parse", "--dialect", "auto", str(path)]).output)
    assert (payload["dialect"], payload["dialect_reason"]) == ("realtime", "auto: inferred from IN [..]")
    assert payload["diagnostics"] == []
    payload = json.loads(CliRunner().invoke(main, ["parse", str(path)]).output)
    assert (payload["dialect"], payload["dialect_reason"]) == ("outbound", "configured")
    assert [item["code"] for item in payload["diagnostics"]] == ["S031"]


@pytest.mark.parametrize("options, expected", [
    ({"dialect": "RealTime"}, "realtime"), ({"dialect": "auto"}, "auto"), ({"dialect": "inbound"}, None),
    ({"dialect": 3}, None), ({}, None),
])
def test_the_editor_setting_names_a_dialect_or_auto(options, expected):
    assert _dialect_setting(options) == expected
