"""The examples in docs/dependencies.md are what the tool prints."""

import re
import shlex

import pytest
from click.testing import CliRunner

from segquery.cli import main
from workspace_helpers import REPO_ROOT

DOC = (REPO_ROOT / "docs" / "dependencies.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", DOC, re.S)

pytestmark = pytest.mark.usefixtures("at_repo_root")


def _sessions() -> list[tuple[list[str], str]]:
    """(arguments, expected output) of every `$ segquery deps examples/workspace ...` in the document."""
    sessions = []
    for _, body in BLOCKS:
        for command, output in re.findall(r"^\$ segquery (deps examples/workspace[^\n]*)\n(.*?)(?=^\$ |\Z)", body,
                                          re.S | re.M):
            sessions.append((shlex.split(command), output))
    return sessions


@pytest.mark.parametrize(("arguments", "expected"), _sessions(),
                         ids=[" ".join(arguments[2:]) or "tree" for arguments, _ in _sessions()])
def test_command_examples(arguments, expected):
    result = CliRunner().invoke(main, arguments)
    assert result.output == expected


def test_the_mermaid_picture_is_the_tool_output():
    [picture] = [body for language, body in BLOCKS if language == "mermaid"]
    result = CliRunner().invoke(main, ["deps", "examples/workspace", "--format", "mermaid"])
    assert result.output == picture


def test_there_are_examples_to_check():
    assert len(_sessions()) == 6
