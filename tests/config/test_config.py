"""Reading, checking and discovering configuration files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from segquery.config import (
    Config,
    ConfigError,
    ConfigFinder,
    glob_matches,
    load_config,
    locate_key,
    resolve_selection,
)
from segquery.diagnostics import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


def test_segquery_toml_holds_top_level_keys(tmp_path):
    write(tmp_path / "schema.json", '{"version": 1, "tables": {}}')
    config = load_config(write(tmp_path / "segquery.toml", """
select = ["L", "V001"]
ignore = ["l001"]
extend-select = ["L011"]
line-length = 120
schema = "schema.json"
target = "lead"
exclude = ["legacy/"]
[per-file-ignores]
"generated/*.segq" = ["L0"]
[kinds]
"fetch/**" = "fetch"
"static/*.segq" = "Static"
[severity]
L02 = "error"
"""))
    assert config.select == ("L", "V001")
    assert config.ignore == ("L001",)
    assert config.extend_select == ("L011",)
    assert config.line_length == 120
    assert config.schema == (tmp_path / "schema.json").resolve()
    assert config.target == "lead"
    assert config.exclude == ("legacy/",)
    assert config.per_file_ignores == (("generated/*.segq", ("L0",)),)
    assert config.kinds == (("fetch/**", "fetch"), ("static/*.segq", "static"))
    assert config.severity == (("L02", Severity.ERROR),)
    assert config.kind_for(tmp_path / "fetch" / "a" / "page.segq") == "fetch"
    assert config.kind_for(tmp_path / "other.segq") is None
    assert config.ignored_for(tmp_path / "generated" / "x.segq") == ("L0",)
    assert config.excludes(tmp_path / "legacy" / "old.segq")


def test_pyproject_uses_the_tool_segquery_table(tmp_path):
    config = load_config(write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n[tool.segquery]\nline-length = 80\n"))
    assert config.line_length == 80
    assert load_config(write(tmp_path / "other" / "pyproject.toml", "[project]\nname = 'x'\n")) == \
        Config(path=tmp_path / "other" / "pyproject.toml", root=(tmp_path / "other").resolve())


@pytest.mark.parametrize("text, message", [
    ("selct = ['L']\n", "segquery.toml:1:1: `selct`: unknown key; did you mean `select`?"),
    ("extend_select = ['L']\n", "segquery.toml:1:1: `extend_select`: unknown key; did you mean `extend-select`?"),
    ("line-length = 'wide'\n", "segquery.toml:1:1: `line-length`: expected a whole number from 1 to 1000, got 'wide'"),
    ("select = 'L'\n", "segquery.toml:1:1: `select`: expected a list of rule codes or prefixes such as "
                       "[\"L\", \"V001\"], got 'L'"),
    ("\n\nignore = ['L0001']\n", "segquery.toml:3:1: `ignore`: `L0001` is not a rule code or a prefix of one; "
                                 "did you mean `L001`?"),
    ("select = ['keyword-case']\n", "segquery.toml:1:1: `select`: `keyword-case` is a rule name; select rules by "
                                    "code: `L001`"),
    ("target = 'contact list'\n", "segquery.toml:1:1: `target`: expected a profile type name such as \"contact\", "
                                  "got 'contact list'"),
    ("[kinds]\n'a/*.segq' = 'statik'\n", "segquery.toml:2:1: `kinds.\"a/*.segq\"`: unknown query kind 'statik'; "
                                         "did you mean 'static'?"),
    ("[severity]\nL001 = 'fatal'\n", "segquery.toml:2:1: `severity.L001`: unknown severity 'fatal'; use one of "
                                     "error, warning, info, hint"),
    ("per-file-ignores = { 'x/*.segq' = ['Q1'] }\n",
     "segquery.toml:1:22: `per-file-ignores.\"x/*.segq\"`: `Q1` is not a rule code or a prefix of one"),
    ("schema = 'missing.json'\n", "segquery.toml:1:1: `schema`: no schema file at 'missing.json'"),
    ("exclude = ['ok/', '[z-a].segq']\n", "segquery.toml:1:1: `exclude`: invalid glob pattern '[z-a].segq': "
                                          "bad character range z-a"),
    ("[kinds]\n'[z-a]/*.segq' = 'static'\n", "segquery.toml:2:1: `kinds.\"[z-a]/*.segq\"`: invalid glob pattern "
                                             "'[z-a]/*.segq': bad character range z-a"),
    ("[per-file-ignores]\n'[9-0]' = ['L001']\n", "segquery.toml:2:1: `per-file-ignores.\"[9-0]\"`: invalid glob "
                                                 "pattern '[9-0]': bad character range 9-0"),
    ("select = [\n", "segquery.toml:2:1: invalid TOML: Invalid value (at the end of the file)"),
    ("select = [\"L\"\nx = = 1\n", "segquery.toml:2:1: invalid TOML: Unclosed array"),
])
def test_mistakes_name_the_key_its_position_and_a_suggestion(tmp_path, text, message):
    path = write(tmp_path / "segquery.toml", text)
    assert error_of(path).replace(str(tmp_path) + "/", "").startswith(message)


def test_pyproject_errors_name_the_full_key_path(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.segquery]\nline-lenght = 80\n")
    assert error_of(path) == f"{path}:5:1: `tool.segquery.line-lenght`: unknown key; did you mean `line-length`?"


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "segquery.toml"
    path.write_bytes(b"\xef\xbb\xbfline-length = 80\n")
    assert load_config(path).line_length == 80
    pyproject = tmp_path / "team" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_bytes(b"\xef\xbb\xbf[tool.segquery]\nline-length = 70\n")
    assert ConfigFinder().for_path(pyproject.parent / "a.segq").line_length == 70


@pytest.mark.parametrize("name", ["segquery.toml", "pyproject.toml"])
def test_a_file_that_is_not_utf8_is_a_configuration_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"line-length = 80\nname = '\xe9'\n")
    with pytest.raises(ConfigError) as caught:
        ConfigFinder().for_path(tmp_path / "a.segq")
    assert str(caught.value) == (f"{path}:2:9: cannot read the configuration file: the file is not valid UTF-8 "
                                 "text: byte 0xe9 cannot be decoded")


def test_a_configuration_file_named_that_is_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "segquery.toml")
    assert ConfigFinder().for_path(tmp_path / "a.segq").path is None   # not discovered: not a file
    with pytest.raises(ConfigError) as caught:
        ConfigFinder(tmp_path / "segquery.toml").for_path(tmp_path / "a.segq")
    assert str(caught.value) == (f"{tmp_path / 'segquery.toml'}: cannot read the configuration file: "
                                 "a FIFO (named pipe), not a regular file: it is not read")


def test_a_pyproject_whose_tool_is_not_a_table_is_a_configuration_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", "tool = 1\n\n[project]\nname = 'x'\n")
    assert error_of(path) == f"{path}:1:1: `tool`: must be a table"


def test_locate_key_finds_tables_dotted_and_inline_keys():
    text = ("[tool.segquery]\nselect = []\nkinds.'a/*.segq' = 'fetch'\n"
            "per-file-ignores = { \"b/*.segq\" = [] }\n[tool.segquery.severity]\nL001 = 'x'\n")
    assert locate_key(text, ("tool", "segquery", "select")) == (2, 1)
    assert locate_key(text, ("tool", "segquery", "kinds", "a/*.segq")) == (3, 1)
    assert locate_key(text, ("tool", "segquery", "per-file-ignores", "b/*.segq")) == (4, 22)
    assert locate_key(text, ("tool", "segquery", "severity", "L001")) == (6, 1)
    assert locate_key(text, ("tool", "segquery", "nothere")) == (1, 1)
    assert locate_key("", ("x",)) == (None, None)


def test_closest_configuration_wins_and_is_cached_per_directory(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.segquery]\nline-length = 90\n")
    write(tmp_path / "team" / "segquery.toml", "line-length = 70\n")
    write(tmp_path / "team" / "pyproject.toml", "[tool.segquery]\nline-length = 60\n")
    write(tmp_path / "plain" / "pyproject.toml", "[project]\nname = 'x'\n")
    finder = ConfigFinder()
    assert finder.for_path(tmp_path / "a.segq").line_length == 90
    assert finder.for_path(tmp_path / "team" / "deep" / "b.segq").line_length == 70
    assert finder.for_path(tmp_path / "plain" / "c.segq").line_length == 90
    first = finder.for_path(tmp_path / "team" / "x.segq")
    assert finder.for_path(tmp_path / "team" / "y.segq") is first


def test_an_explicit_configuration_replaces_discovery(tmp_path):
    override = write(tmp_path / "ci.toml", "line-length = 50\n")
    write(tmp_path / "segquery.toml", "line-length = 70\n")
    assert ConfigFinder(override).for_path(tmp_path / "a.segq").line_length == 50


CODES = [("L001", True), ("L002", True), ("L011", False), ("V001", True), ("V002", True)]


@pytest.mark.parametrize("layers, expected", [
    ([], {"L001", "L002", "V001", "V002"}),
    ([(("L",), (), ())], {"L001", "L002", "L011"}),
    ([(None, ("L011",), ())], {"L001", "L002", "L011", "V001", "V002"}),
    ([(("L0",), (), ("L001",))], {"L002", "L011"}),
    ([(("L001",), (), ("L",))], {"L001"}),                 # the more specific selector wins
    ([(("L001",), (), ("L001",))], set()),                 # at equal specificity, ignore wins
    ([(("ALL",), (), ("V",))], {"L001", "L002", "L011"}),
    ([(None, (), ("V001",)), (("V",), (), ())], {"V001", "V002"}),   # a later select starts over
])
def test_rule_selection(layers, expected):
    assert resolve_selection(layers, CODES) == frozenset(expected)


@pytest.mark.parametrize("pattern, relative, matches", [
    ("*.segq", "a/b/c.segq", True),
    ("fetch/*.segq", "fetch/page.segq", True),
    ("fetch/*.segq", "x/fetch/page.segq", False),
    ("**/fetch/*.segq", "x/fetch/page.segq", True),
    ("legacy/", "legacy/deep/old.segq", True),
    ("legacy/", "legacy.segq", False),
    ("legacy", "x/legacy/old.segq", True),
    ("legacy/**", "legacy/a/b.segq", True),
    ("./static/*.segq", "static/s.segq", True),
    ("[ab].segq", "b.segq", True),
])
def test_globs(tmp_path, pattern, relative, matches):
    assert glob_matches(pattern, tmp_path / relative, tmp_path) is matches
