"""L011 line-too-long: lines longer than the configured `line-length`."""

from __future__ import annotations

import re
from typing import Iterator

from segquery.diagnostics import Diagnostic, Severity
from segquery.lint.base import FixEffect, lint_rule
from segquery.lint.context import LintContext
from segquery.rules.registry import Category, RuleInfo

# Where a comment may start, and whether a directive follows. The comment is
# found first and the blanks before it cut with rstrip: a search for
# `\s*(?://|/\*)` restarts at every blank of a long run (quadratic).
_COMMENT_START = re.compile(r"/(?=[/*])")
_DIRECTIVE_AFTER = re.compile(r"\s*+segquery:")


def _without_trailing_directive(line: str) -> str:
    """The line without a trailing `// segquery: ...` or `/* segquery: ...` comment and the blanks before it."""
    for comment in _COMMENT_START.finditer(line):
        if _DIRECTIVE_AFTER.match(line, comment.end() + 1):
            return line[:comment.start()].rstrip()
    return line


@lint_rule(RuleInfo(
    code="L011", name="line-too-long", category=Category.STYLE, severity=Severity.WARNING,
    default_enabled=False,
    summary="A line is longer than `line-length` (88 characters unless configured, as for `segquery format`).",
    what_it_does="Reports lines whose length in characters exceeds the `line-length` setting. A trailing "
                 "`// segquery: ...` directive does not count towards the length.",
    why="Long lines are hard to review in diffs and side-by-side views. The segment designer writes one long "
        "line per query, so the rule is off by default; turn it on with `extend-select = [\"L011\"]` for "
        "hand-written queries and use `segquery format` to break lines.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle' && jobtitle CONTAINS 'Director' "
            "&& donotbulkemail == false)",
    use_instead="PROFILE(contact)\n    .FILTER(\n        address1_city == 'Seattle'\n"
                "        && jobtitle CONTAINS 'Director'\n        && donotbulkemail == false\n    )",
    fix_safety="No fix: `segquery format` lays out long queries."),
    fix_effect=FixEffect.NONE)
def check(ctx: LintContext) -> Iterator[Diagnostic]:
    limit = ctx.line_length
    for line in range(1, ctx.source.line_count + 1):
        text = ctx.source.line_text(line)
        if len(text) <= limit or len(_without_trailing_directive(text)) <= limit:
            continue
        start = ctx.source.offset(line, limit + 1)
        yield ctx.report("L011", f"line is {len(text)} characters long; the limit is {limit}",
                         start, start + len(text) - limit)
