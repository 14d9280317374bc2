"""Colour in the text output: which parts get which escape codes, the same text
underneath, and the order in which --color, NO_COLOR, FORCE_COLOR and the
terminal decide."""

import io
import re

import pytest

from output_helpers import reports
from segquery.engine import CheckOptions, check_text
from segquery.output.diff import render_diff
from segquery.output.style import PLAIN, Style, color_enabled
from segquery.output.text import fix_summary, render_text

COLOR = Style(True)
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_finding_in_colour():
    found = [check_text("profile(contact)\n", path="q.segq", options=CheckOptions(select=("L001",)))]
    assert render_text(found, style=COLOR).splitlines() == [
        "\x1b[1mq.segq\x1b[0m\x1b[36m:\x1b[0m1\x1b[36m:\x1b[0m1\x1b[36m:\x1b[0m \x1b[1;33mL001\x1b[0m "
        "[\x1b[1;33mwarning\x1b[0m] `profile` is a keyword: write it in upper case, `PROFILE`",
        "\x1b[1;34m   1 | \x1b[0mprofile(contact)",
        "       \x1b[1;33m^^^^^^^\x1b[0m",
        "\x1b[2m     = fix (safe): Write `PROFILE`\x1b[0m",
    ]
    assert fix_summary(found, fixing=False, unsafe_fixes=False, style=COLOR) == (
        "\x1b[2m[*] 1 fixable with --fix.\x1b[0m")


def test_errors_are_red_and_notes_keep_their_text():
    found = [check_text("PROFILE(contact", path="e.segq")]
    assert render_text(found, style=COLOR).splitlines() == [
        "\x1b[1me.segq\x1b[0m\x1b[36m:\x1b[0m1\x1b[36m:\x1b[0m8\x1b[36m:\x1b[0m \x1b[1;31mS007\x1b[0m "
        "[\x1b[1;31merror\x1b[0m] `(` is never closed: add `)`",
        "\x1b[1;34m   1 | \x1b[0mPROFILE(contact",
        "              \x1b[1;31m^\x1b[0m",
        "     \x1b[1;34m=\x1b[0m note: e.segq:1:16: the query ends here",
    ]


def test_without_colour_the_text_is_unchanged():
    found = reports()
    assert render_text(found, style=PLAIN) == render_text(found)
    assert ESCAPE.search(render_text(found)) is None
    assert ESCAPE.sub("", render_text(found, style=COLOR)) == render_text(found)


def test_a_diff_in_colour():
    fixed = [check_text("profile(contact)", path="n.segq", options=CheckOptions(select=("L",), fix=True))]
    assert render_diff(fixed, style=COLOR) == (
        "\x1b[1m--- a/n.segq\x1b[0m\n\x1b[1m+++ b/n.segq\x1b[0m\n\x1b[36m@@ -1 +1 @@\x1b[0m\n"
        "\x1b[31m-profile(contact)\x1b[0m\n\\ No newline at end of file\n"
        "\x1b[32m+PROFILE(contact)\x1b[0m\n\\ No newline at end of file\n")
    assert ESCAPE.sub("", render_diff(fixed, style=COLOR)) == render_diff(fixed)


@pytest.mark.parametrize(("choice", "environ", "terminal", "expected"), [
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"NO_COLOR": ""}, True, True),          # an empty NO_COLOR is not set
    ("auto", {"FORCE_COLOR": ""}, False, False),
    ("auto", {}, True, True),
    ("auto", {}, False, False),
])
def test_the_flag_wins_then_no_color_then_force_color_then_the_terminal(choice, environ, terminal, expected):
    stream = _Terminal() if terminal else io.StringIO()
    assert color_enabled(choice, stream, environ) is expected


def test_a_stream_without_isatty_is_not_a_terminal():
    assert color_enabled("auto", None, {}) is False
    assert color_enabled("auto", object(), {}) is False  # type: ignore[arg-type]
