"""The parser's public entry points.

`parse_tolerant` never raises: it returns the AST (or None) and every
diagnostic. `parse` raises ParseError, the one documented error type, when the
text has errors.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import cast

from segquery.diagnostics import Diagnostic, has_errors, make_diagnostic, sorted_diagnostics
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText
from segquery.syntax import ast, codes
from segquery.syntax.builder import CURRENT, BuildContext
from segquery.syntax.dialect import Dialect
from segquery.syntax.previous_parse import PreviousParse
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.grammar import lalr_driver, lalr_parser
from segquery.syntax.lalr_driver import Unsupported
from segquery.syntax.scanner import MAX_NESTING, scan

MAX_INPUT_CHARS = 32 * 1024 * 1024


@dataclass(frozen=True)
class ParseResult:
    """What the tolerant parser returns.

    `query` is None when the text could not be parsed at all (lexical or
    grammar errors); when only the builder complained (an unknown function,
    a quoted name...), `query` holds the tree and the diagnostics say what is
    wrong with it.
    """

    query: ast.Query | None
    diagnostics: tuple[Diagnostic, ...]
    source: SourceText

    @property
    def ok(self) -> bool:
        return self.query is not None and not has_errors(self.diagnostics)


class ParseError(Exception):
    """Raised by `parse` and `parse_file`; carries every diagnostic."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...], source: SourceText) -> None:
        self.diagnostics = diagnostics
        self.source = source
        first = diagnostics[0] if diagnostics else None
        where = f"{source.path or '<query>'}:{first.range.start.line}:{first.range.start.column}: " if first else ""
        super().__init__(f"{where}{first.code} {first.message}" if first else "invalid query")


def parse_tolerant(text: str, *, path: str | None = None, dialect: Dialect = OUTBOUND) -> ParseResult:
    """Parse without raising. Results are immutable, so the last few are kept:
    an editor asks for the same text many times (diagnostics, workspace,
    completion, hover) and parses it once."""
    return _recent_parse(text, path, dialect)


@functools.lru_cache(maxsize=16)
def _recent_parse(text: str, path: str | None, dialect: Dialect) -> ParseResult:
    with _TREES_LOCK:
        previous = _LAST_TREES.get((path, dialect))
    source = SourceText(text, path) if previous is None else previous.source.edited(text)
    edited = None if previous is None else _parse_edited(previous, source, dialect)
    result, clean = (edited, edited.query is not None) if edited is not None else _parse_whole(source, dialect)
    if result.query is not None:
        with _TREES_LOCK:
            _LAST_TREES.pop((path, dialect), None)
            _LAST_TREES[(path, dialect)] = PreviousParse(result.source, result.query, result.diagnostics, clean)
            while len(_LAST_TREES) > _LAST_TREES_KEPT:
                _LAST_TREES.pop(next(iter(_LAST_TREES)))
    return result


# The last text of each path (and dialect) that parsed into a tree: an editor's next version
# of it is most likely that text with one unit edited (see segquery/syntax/edited.py).
_LAST_TREES: dict[tuple[str | None, Dialect], PreviousParse] = {}
_LAST_TREES_KEPT = 16
_TREES_LOCK = threading.Lock()


def _parse_edited(previous: PreviousParse, source: SourceText, dialect: Dialect) -> ParseResult | None:
    """The result of a text from a parse of the part edited since `previous`, the last text of
    the same path that parsed (None when that does not apply)."""
    if len(source.text) > MAX_INPUT_CHARS:
        return None
    from segquery.syntax.edited import parse_after_edit  # lark's parser, for the unit's parse

    parsed = parse_after_edit(previous, source, dialect)
    return None if parsed is None else ParseResult(parsed[0], parsed[1], source)


def parse_uncached(text: str, *, path: str | None = None, dialect: Dialect = OUTBOUND) -> ParseResult:
    """`parse_tolerant` without the cache of recent results (for benchmarks)."""
    return _parse_whole(SourceText(text, path), dialect)[0]


def _parse_whole(source: SourceText, dialect: Dialect) -> tuple[ParseResult, bool]:
    """The parse of the whole text, and whether the text has no lexical or grammar error (its
    tree was read from the text as it is, not from the scanner's mended copy)."""
    text = source.text
    if len(text) > MAX_INPUT_CHARS:
        diagnostic = make_diagnostic(source, codes.TOO_LARGE,
                                     f"the input has {len(text):,} characters; the parser accepts at most "
                                     f"{MAX_INPUT_CHARS:,}", 0, 0)
        return ParseResult(None, (diagnostic,), source), False
    clean = _parse_clean(source, dialect)
    if clean is not None:
        return clean, True
    scanned = scan(source, dialect.lexicon)
    diagnostics = list(scanned.diagnostics)
    if scanned.only_trivia:
        diagnostics.append(make_diagnostic(source, codes.EMPTY_QUERY,
                                           "no query here: the text is empty or holds only comments", 0, 0))
        return ParseResult(None, tuple(sorted_diagnostics(diagnostics)), source), False
    if not scanned.parseable or not scanned.sanitized.strip():
        return ParseResult(None, tuple(sorted_diagnostics(diagnostics)), source), False
    query, parse_diagnostics = _run_lark(source, scanned.sanitized + ")" * scanned.missing_closers,
                                         scanned.problem_ends, dialect)
    diagnostics.extend(parse_diagnostics)
    # The `Name =` shorthand is blanked without changing the query; any other
    # lexical error leaves a text whose tree would not be the author's.
    if query is not None and has_errors(d for d in scanned.diagnostics if d.code != codes.ASSIGNMENT):
        query = None
    result = ParseResult(query, tuple(sorted_diagnostics(diagnostics)), source)
    return result, query is not None and not scanned.diagnostics


def _parse_clean(source: SourceText, dialect: Dialect) -> ParseResult | None:
    """The result for a text without a lexical or grammar error, from the lean driver
    (segquery/syntax/lalr_driver.py); None for any other text, which the scanner and
    lark's error recovery then parse. Such a text gives the scanner nothing to report:
    every character it flags is one no terminal matches, and unbalanced parentheses are
    grammar errors. Two things still need it: nesting deeper than the limit, and a
    `/*` left open, which lexes as `/` then `*`."""
    text = source.text
    driver = lalr_driver(dialect)
    if driver is None or text.count("(") != text.count(")"):
        return None  # (unbalanced parentheses: most likely a query being typed, which has an error)
    context = BuildContext(source=source, dialect=dialect)
    token = CURRENT.set(context)
    try:
        query = driver.parse(text)
    except Unsupported:  # a parser state whose lexer the driver cannot run: lark parses the text
        query = None
    finally:
        CURRENT.reset(token)
    if query is None:
        return None
    if text.count("(") > MAX_NESTING or "/*" in text:
        scanned = scan(source, dialect.lexicon)
        if scanned.diagnostics or not scanned.parseable:
            return None
    return ParseResult(query, tuple(sorted_diagnostics(context.diagnostics)), source)


def parse(text: str, *, path: str | None = None, dialect: Dialect = OUTBOUND) -> ast.Query:
    result = parse_tolerant(text, path=path, dialect=dialect)
    if result.query is None or has_errors(result.diagnostics):
        raise ParseError(result.diagnostics, result.source)
    return result.query


def parse_file(path: str | Path, *, dialect: Dialect = OUTBOUND) -> ast.Query:
    """`parse` on a file, read as every command reads files (see `segquery.files`); a file that
    cannot be read raises ParseError with its E001-E004 diagnostic."""
    from segquery.files import UnreadableFile, read_text  # the reader imports this package's codes

    try:
        file = read_text(path)
    except UnreadableFile as error:
        raise ParseError((error.diagnostic,), error.source) from None
    return parse(file.text, path=str(path), dialect=dialect)


def _run_lark(source: SourceText, text: str, problem_ends: list[int],
              dialect: Dialect) -> tuple[ast.Query | None, list[Diagnostic]]:
    # lark is imported only for a text with an error: the lean driver parses the others.
    from lark.exceptions import LarkError, UnexpectedInput

    from segquery.syntax.recovery import ErrorRecovery

    context = BuildContext(source=source, dialect=dialect)
    on_error = ErrorRecovery(source, text, problem_ends, dialect)
    grammar_errors = on_error.errors
    token = CURRENT.set(context)
    try:
        # The parser's transformer builds the syntax tree, which lark's types cannot see.
        query = cast(ast.Query, lalr_parser(dialect).parse(text, on_error=on_error))
    except (UnexpectedInput, LarkError):
        query = None
    except RecursionError:  # defensive: the scanner's nesting limit should make this unreachable
        query = None
        grammar_errors.append(make_diagnostic(source, codes.TOO_DEEP, "the query nests too deeply", 0, 0))
    finally:
        CURRENT.reset(token)
    if grammar_errors:
        return None, grammar_errors
    return query, context.diagnostics
