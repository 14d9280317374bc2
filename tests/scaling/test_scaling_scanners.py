"""The scanners, the tokenizer, the directive reader and the workspace scan do
linear work on long runs of the characters that open strings, comments and
escapes. (Python's `re` counts no steps: `benchmarks/scaling.py --scanners`
times the same inputs, regular expressions included, at n and 4n.)"""

from __future__ import annotations

from collections import deque

import pytest
from work import assert_linear

from segquery.lint.suppression import read_directives
from segquery.source import SourceText
from segquery.syntax.scanner import scan
from segquery.syntax.tokens import tokenize
from segquery.workspace.scan import scan_query

ENTRY_POINTS = {
    "scan": lambda text: scan(SourceText(text)),
    "tokenize": lambda text: deque(tokenize(text), maxlen=0),
    "scan_query": scan_query,
    "read_directives": lambda text: read_directives(SourceText(text)),
}
HOSTILE = (" ", "'", '"', "/* ", "/*", "// ", "\\", "'\\", '"\\', "SEGMENT /* ", "SEGMENT(", "// segquery: a ",
           "/* segquery: ", "segment ")


@pytest.mark.parametrize("unit", HOSTILE)
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_long_run_is_read_in_linear_work(entry: str, unit: str):
    read = ENTRY_POINTS[entry]
    assert_linear(lambda size: lambda: read(unit * size), 100)
