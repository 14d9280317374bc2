"""The targets the campaign drives and what each must hold on any input.

Each target takes a text and a random source (for positions and options) and
returns an outcome word ("ok", or "refused..." when the target declined the
input cleanly). A broken promise raises `OracleFailure`; any other exception
escaping a target is a defect in itself.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from segquery.dialect_choice import choose_dialect_of_text
from segquery.diagnostics import Diagnostic, TextEdit
from segquery.engine import CheckOptions, check_text
from segquery.format import TokenMismatch, format_edits, format_range, format_text
from segquery.lint import lint
from segquery.lint.fixes import apply_edits, fix_until_stable
from segquery.lint.normal_form import normal_form
from segquery.rules.catalog import get_rule
from segquery.schema import default_schema
from segquery.source import SourceText
from segquery.syntax.dialect import Dialect
from segquery.syntax.parser import ParseError, parse, parse_tolerant
from segquery.syntax.tokens import TokenKind, tokenize

Target = Callable[[str, random.Random], str]


class OracleFailure(AssertionError):
    """A target answered, but broke one of its promises. `check` names the promise."""

    def __init__(self, check: str, detail: str) -> None:
        super().__init__(f"{check}: {detail}")
        self.check = check
        self.detail = detail


def expect(condition: bool, check: str, detail: str = "") -> None:
    if not condition:
        raise OracleFailure(check, detail)


# ---------------------------------------------------------------- shared checks


def check_diagnostics(text: str, diagnostics: Iterable[Diagnostic]) -> None:
    """Every diagnostic has a registered code, and its range and fix edits lie in the text."""
    source = SourceText(text)
    for diagnostic in diagnostics:
        code = diagnostic.code
        expect(get_rule(code) is not None, f"unregistered code {code}", diagnostic.message)
        start, end = diagnostic.range.start, diagnostic.range.end
        expect(0 <= start.offset <= end.offset <= len(text), f"{code} range outside the text",
               f"{start.offset}..{end.offset} of {len(text)}")
        for position in (start, end):
            expect(source.position(position.offset) == position, f"{code} line/column disagree with the offset",
                   f"{position} vs {source.position(position.offset)}")
        for edit in diagnostic.fix.edits if diagnostic.fix else ():
            expect(0 <= edit.start <= edit.end <= len(text), f"{code} fix edit outside the text",
                   f"{edit.start}..{edit.end} of {len(text)}")


def comment_texts(text: str) -> Counter:
    """The comments of a text as the formatter may print them (trailing space of `//` aside, and
    the line endings inside block comments, which follow the file's first line)."""
    return Counter(token.text.rstrip() if token.text.startswith("//")
                   else token.text.replace("\r\n", "\n").replace("\r", "\n")
                   for token in tokenize(text) if token.kind is TokenKind.COMMENT)


def _apply(text: str, edits: Iterable[TextEdit]) -> str:
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    for before, after in zip(ordered, ordered[1:]):
        expect(before.end <= after.start, "overlapping edits", f"{before} {after}")
    return apply_edits(text, ordered)


def dialect_of(text: str) -> Dialect:
    """The dialect `check` reads the text in with no configuration: its directive's, else the default.
    Real-time seeds carry `// segquery: dialect = realtime`, so their mutants are read as real-time."""
    return choose_dialect_of_text(text, None).dialect


# ---------------------------------------------------------------- parse


def target_parse(text: str, rng: random.Random) -> str:
    """`parse_tolerant` never raises and agrees with `parse`, which raises only ParseError."""
    dialect = dialect_of(text)
    result = parse_tolerant(text, dialect=dialect)
    check_diagnostics(text, result.diagnostics)
    try:
        query = parse(text, dialect=dialect)
    except ParseError:
        expect(not result.ok, "parse raised ParseError on a text parse_tolerant accepts")
        return "rejected"
    expect(result.ok, "parse accepted a text parse_tolerant rejects")
    expect(query == result.query, "parse and parse_tolerant built different trees")
    return "ok"


# ---------------------------------------------------------------- check


ALL_RULES = CheckOptions(select=("ALL",))


def target_check(text: str, rng: random.Random) -> str:
    """The whole `check` pipeline (every rule enabled half of the time) never raises."""
    options = ALL_RULES if rng.random() < 0.5 else CheckOptions()
    check_diagnostics(text, check_text(text, options=options).diagnostics)
    return "ok"


def target_request(text: str, rng: random.Random, suffix: str = ".json") -> str:
    """A request body (`.json` or `.http`) is checked without raising."""
    check_diagnostics(text, check_text(text, path="request" + suffix).diagnostics)
    return "ok"


# ---------------------------------------------------------------- fix


def _lint_findings(text: str) -> list[Diagnostic]:
    dialect = dialect_of(text)
    result = parse_tolerant(text, dialect=dialect)
    if result.query is None:
        return list(result.diagnostics)
    return list(result.diagnostics) + lint(result.query, result.source, dialect=dialect)


def target_fix(text: str, rng: random.Random) -> str:
    """Safe fixes converge, never break a query that parsed, and keep its meaning and comments."""
    dialect = dialect_of(text)
    before = parse_tolerant(text, dialect=dialect)
    report = check_text(text, options=CheckOptions(fix=True, select=("ALL",)))
    check_diagnostics(report.source.text, report.diagnostics)
    if report.fix_problem is not None:
        broke = "does not parse" in report.fix_problem
        raise OracleFailure("check --fix: a safe fix broke the query" if broke else "check --fix did not converge",
                            report.fix_problem)
    if not before.ok:
        return "ok"
    expect(parse_tolerant(report.source.text, dialect=dialect_of(report.source.text)).ok,
           "the fixed text does not parse", report.source.text)
    linted = fix_until_stable(text, _lint_findings)
    expect(not linted.reverted and linted.converged, "lint fixes did not converge or broke the query")
    after = parse_tolerant(linted.text, dialect=dialect_of(linted.text))
    expect(after.ok, "the lint-fixed text does not parse", linted.text)
    expect(normal_form(after.query) == normal_form(before.query), "a safe fix changed the meaning",
           f"fixed text: {linted.text!r}")
    expect(comment_texts(linted.text) == comment_texts(text), "a safe fix lost or changed a comment",
           f"fixed text: {linted.text!r}")
    return "ok" if linted.changed else "unchanged"


# ---------------------------------------------------------------- format


def target_format(text: str, rng: random.Random) -> str:
    """Formatting is idempotent, keeps the tree and every comment, or refuses cleanly."""
    line_length = rng.choice((20, 40, 88, 120))
    dialect = dialect_of(text)
    parsed = parse_tolerant(text, dialect=dialect)
    try:
        formatted = format_text(text, line_length=line_length, dialect=dialect)
    except ParseError:
        expect(not parsed.ok, "format refused a text that parses")
        return "refused"
    except TokenMismatch:
        return "refused-token-mismatch"  # clean, but a sign the tokens and the tree disagree
    expect(parsed.ok, "format accepted a text with syntax errors")
    again = parse_tolerant(formatted, dialect=dialect)
    expect(again.ok, "the formatted text does not parse", formatted)
    expect(again.query == parsed.query, "format changed the tree", formatted)
    expect(format_text(formatted, line_length=line_length, dialect=dialect) == formatted,
           "format is not idempotent", formatted)
    expect(comment_texts(formatted) == comment_texts(text), "format lost, added or changed a comment", formatted)
    expect(_apply(text, format_edits(text, line_length=line_length, dialect=dialect)) == formatted,
           "format_edits do not produce the formatted text")
    start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
    ranged = _apply(text, format_range(text, start, end, line_length=line_length, dialect=dialect))
    expect(parse_tolerant(ranged, dialect=dialect).query == parsed.query, "format_range changed the tree",
           f"range {start}..{end}")
    return "ok"


# ---------------------------------------------------------------- editor features


@lru_cache(maxsize=1)
def _segments() -> tuple:
    from segquery.workspace import Workspace

    workspace = Path(__file__).resolve().parents[1] / "examples" / "workspace"
    return tuple(Workspace.from_paths([workspace]).segments) if workspace.is_dir() else ()


def _in_text(text: str, start: int, end: int, what: str) -> None:
    expect(0 <= start <= end <= len(text), f"{what} outside the text", f"{start}..{end} of {len(text)}")


def target_ide(text: str, rng: random.Random) -> str:
    """Every request handler's library function answers at random positions without raising."""
    from segquery import ide
    from segquery.source import Span

    schema, segments, dialect = default_schema(), _segments(), dialect_of(text)
    offset = lambda: rng.randint(0, len(text))  # noqa: E731
    ide.complete(text, offset(), schema=schema, segments=segments, dialect=dialect)
    ide.hover(text, offset(), schema=schema, segments=segments, dialect=dialect)
    ide.signature_help(text, offset(), dialect=dialect)
    for location in ide.definition(text, offset(), segments=segments, dialect=dialect):
        expect(location.path is not None or 0 <= location.span.start <= location.span.end <= len(text),
               "definition outside the text")
    ide.references(text, offset(), segments=segments, include_declaration=rng.random() < 0.5, dialect=dialect)
    at = offset()
    prepared = ide.prepare_rename(text, at, segments=segments, dialect=dialect)
    if prepared.ok:
        _in_text(text, prepared.span.start, prepared.span.end, "prepare_rename span")
        new_name = rng.choice(("renamed", "a", "x1", "b c", "", "UNION", "PROFILE", "_"))
        if ide.rename_problem(text, at, new_name, segments=segments, dialect=dialect) is None:
            ide.rename(text, at, new_name, segments=segments, dialect=dialect)
    ide.document_symbols(text, dialect=dialect)
    for folding in ide.folding_ranges(text, dialect=dialect):
        expect(folding.start_line <= folding.end_line, "folding range ends before it starts")
    previous_end = 0
    for token in ide.semantic_tokens(text, dialect=dialect):
        expect(token.length > 0 and token.start >= previous_end, "semantic tokens overlap or are empty",
               f"{token}")
        _in_text(text, token.start, token.start + token.length, "semantic token")
        previous_end = token.start + token.length
    diagnostics = check_text(text).diagnostics
    start, end = sorted((offset(), offset()))
    fix_all_check = (lambda t: check_text(t).diagnostics) if rng.random() < 0.25 else None
    for action in ide.code_actions(text, diagnostics, Span(start, end), check=fix_all_check):
        for edit in action.edits:
            _in_text(text, edit.start, edit.end, "code action edit")
    return "ok"


QUERY_TARGETS: dict[str, Target] = {
    "parse": target_parse,
    "check": target_check,
    "fix": target_fix,
    "format": target_format,
    "ide": target_ide,
}
REQUEST_TARGET = "request"
