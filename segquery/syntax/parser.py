"""The parser's public entry points.

`parse_tolerant` never raises: it returns the AST (or None) and every
diagnostic. `parse` raises ParseError, the one documented error type, when the
text has errors.
"""

from __future__ import annotations

import functools
from bisect import bisect_right, insort
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from segquery.diagnostics import Diagnostic, has_errors, make_diagnostic, sorted_diagnostics
from segquery.source import SourceText
from segquery.syntax import ast, codes
from segquery.syntax.builder import CURRENT, BuildContext
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.errors import unexpected_token_message
from segquery.syntax.glued import glued_keyword
from segquery.syntax.grammar import lalr_driver, lalr_parser
from segquery.syntax.lalr_driver import Unsupported
from segquery.syntax.scanner import MAX_NESTING, scan

MAX_INPUT_CHARS = 32 * 1024 * 1024
MAX_SYNTAX_ERRORS = 20
# Tokens skipped while recovering, reported or not; past it the rest of the text is not read.
MAX_RECOVERY_STEPS = 200
# Glued keywords (`UNIONSEGMENT`) reported in one text; each is recovered exactly.
MAX_GLUED_KEYWORDS = 10_000


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
    return parse_uncached(text, path=path, dialect=dialect)


def parse_uncached(text: str, *, path: str | None = None, dialect: Dialect = OUTBOUND) -> ParseResult:
    """`parse_tolerant` without the cache of recent results (for benchmarks)."""
    source = SourceText(text, path)
    if len(text) > MAX_INPUT_CHARS:
        diagnostic = make_diagnostic(source, codes.TOO_LARGE,
                                     f"the input has {len(text):,} characters; the parser accepts at most "
                                     f"{MAX_INPUT_CHARS:,}", 0, 0)
        return ParseResult(None, (diagnostic,), source)
    clean = _parse_clean(source, dialect)
    if clean is not None:
        return clean
    scanned = scan(source, dialect.lexicon)
    diagnostics = list(scanned.diagnostics)
    if scanned.only_trivia:
        diagnostics.append(make_diagnostic(source, codes.EMPTY_QUERY,
                                           "no query here: the text is empty or holds only comments", 0, 0))
        return ParseResult(None, tuple(sorted_diagnostics(diagnostics)), source)
    if not scanned.parseable or not scanned.sanitized.strip():
        return ParseResult(None, tuple(sorted_diagnostics(diagnostics)), source)
    query, parse_diagnostics = _run_lark(source, scanned.sanitized + ")" * scanned.missing_closers,
                                         scanned.problem_ends, dialect)
    diagnostics.extend(parse_diagnostics)
    # The `Name =` shorthand is blanked without changing the query; any other
    # lexical error leaves a text whose tree would not be the author's.
    if query is not None and has_errors(d for d in scanned.diagnostics if d.code != codes.ASSIGNMENT):
        query = None
    return ParseResult(query, tuple(sorted_diagnostics(diagnostics)), source)


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


def _accepted(error: UnexpectedToken) -> set[str]:
    """The terminals the parser accepts where the error happened."""
    try:
        return set(error.interactive_parser.accepts())
    except Exception:  # noqa: BLE001 - lark's own error data is the fallback
        return set(error.expected)


def _resume_with(error: UnexpectedToken, *tokens) -> None:
    """Feed the tokens a glued word stands for, so parsing goes on as if the
    space were there; when they do not fit, the word is simply skipped."""
    # Not a deep copy: lark 1.3 deep-copies tokens without their end positions.
    parser = error.interactive_parser.copy(deepcopy_values=False)
    try:
        for token in tokens:
            parser.feed_token(token)
    except UnexpectedInput:
        return
    error.interactive_parser.parser_state = parser.parser_state


def _run_lark(source: SourceText, text: str, problem_ends: list[int],
              dialect: Dialect) -> tuple[ast.Query | None, list[Diagnostic]]:
    context = BuildContext(source=source, dialect=dialect)
    grammar_errors: list[Diagnostic] = []
    echo_after = sorted(problem_ends)
    error_events = 0
    glued_count = 0

    def is_echo(start: int) -> bool:
        """True when only white space separates `start` from the last problem reported before it."""
        index = bisect_right(echo_after, start)
        return index > 0 and not text[echo_after[index - 1]:start].strip()

    def remember(end: int) -> None:
        insort(echo_after, end)

    def on_error(error: UnexpectedInput) -> bool:
        nonlocal error_events, glued_count
        error_events += 1
        if isinstance(error, UnexpectedToken):
            token = error.token
            if token.start_pos is not None and token.start_pos >= len(source.text):
                return False  # a `)` added for an unclosed `(`: S007 reports it
            glued = glued_keyword(token, _accepted(error), text, dialect) if glued_count < MAX_GLUED_KEYWORDS else None
            if glued is not None:
                # Recovered exactly (as if the space were there), so counted apart: every one is
                # reported and fixed in one pass, however many a pasted text holds.
                glued_count += 1
                error_events -= 1
                grammar_errors.append(make_diagnostic(source, codes.GLUED_KEYWORD, glued.message,
                                                      token.start_pos, token.end_pos, fix=glued.fix))
                remember(token.end_pos)
                _resume_with(error, glued.keyword, glued.rest)
                return len(grammar_errors) - glued_count < MAX_SYNTAX_ERRORS and error_events < MAX_RECOVERY_STEPS
            at_end = token.type == "$END" or token.start_pos is None
            start = len(text.rstrip()) if at_end else token.start_pos
            end = start if at_end else token.end_pos
            if not is_echo(len(text) if at_end else start):
                message, chained = unexpected_token_message(error)
                code = codes.CHAINED_COMPARISON if chained else (
                    codes.UNEXPECTED_END if token.type == "$END" else codes.UNEXPECTED_TOKEN)
                grammar_errors.append(make_diagnostic(source, code, message, start, end))
            remember(end)
            return (token.type != "$END" and len(grammar_errors) - glued_count < MAX_SYNTAX_ERRORS
                    and error_events < MAX_RECOVERY_STEPS)
        if isinstance(error, UnexpectedCharacters):
            position = cast(int, error.pos_in_stream)  # lark types it as optional; this error has it
            if not is_echo(position):
                grammar_errors.append(make_diagnostic(source, codes.INVALID_CHARACTER,
                                                      f"unexpected character `{text[position]}`",
                                                      position, position + 1))
            remember(position + 1)
            return len(grammar_errors) - glued_count < MAX_SYNTAX_ERRORS and error_events < MAX_RECOVERY_STEPS
        return False

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
