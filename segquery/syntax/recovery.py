"""lark's error recovery for segquery: what to report at each grammar error and
whether to go on parsing.

The full parse (segquery/syntax/parser.py) and the parse of one edited part of
a text (segquery/syntax/edited.py) hand the same callback to the same LALR
tables, so both report the same errors in the same words.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from typing import cast

from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from segquery.diagnostics import Diagnostic, make_diagnostic
from segquery.source import SourceText
from segquery.syntax import codes
from segquery.syntax.dialect import Dialect
from segquery.syntax.errors import unexpected_token_message
from segquery.syntax.glued import glued_keyword

MAX_SYNTAX_ERRORS = 20
# Tokens skipped while recovering, reported or not; past it the rest of the text is not read.
MAX_RECOVERY_STEPS = 200
# Glued keywords (`UNIONSEGMENT`) reported in one text; each is recovered exactly.
MAX_GLUED_KEYWORDS = 10_000


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


class ErrorRecovery:
    """lark's `on_error` callback for one text: it records each grammar error (once:
    an error right after another problem is its echo) in `errors` and says whether
    to skip the offending token and go on."""

    def __init__(self, source: SourceText, text: str, problem_ends: list[int], dialect: Dialect) -> None:
        self.source = source
        self.text = text  # what lark parses: the scanner's sanitized copy of the source
        self.dialect = dialect
        self.errors: list[Diagnostic] = []
        self._echo_after = sorted(problem_ends)
        self._events = 0
        self._glued = 0

    def _is_echo(self, start: int) -> bool:
        """True when only white space separates `start` from the last problem reported before it."""
        index = bisect_right(self._echo_after, start)
        return index > 0 and not self.text[self._echo_after[index - 1]:start].strip()

    def _remember(self, end: int) -> None:
        insort(self._echo_after, end)

    def _may_go_on(self) -> bool:
        return len(self.errors) - self._glued < MAX_SYNTAX_ERRORS and self._events < MAX_RECOVERY_STEPS

    def __call__(self, error: UnexpectedInput) -> bool:
        self._events += 1
        if isinstance(error, UnexpectedToken):
            return self._unexpected_token(error)
        if isinstance(error, UnexpectedCharacters):
            position = cast(int, error.pos_in_stream)  # lark types it as optional; this error has it
            if not self._is_echo(position):
                self.errors.append(make_diagnostic(self.source, codes.INVALID_CHARACTER,
                                                   f"unexpected character `{self.text[position]}`",
                                                   position, position + 1))
            self._remember(position + 1)
            return self._may_go_on()
        return False

    def _unexpected_token(self, error: UnexpectedToken) -> bool:
        source, text = self.source, self.text
        token = error.token
        if token.start_pos is not None and token.start_pos >= len(source.text):
            return False  # a `)` added for an unclosed `(`: S007 reports it
        glued = glued_keyword(token, _accepted(error), text, self.dialect) \
            if self._glued < MAX_GLUED_KEYWORDS else None
        if glued is not None:
            # Recovered exactly (as if the space were there), so counted apart: every one is
            # reported and fixed in one pass, however many a pasted text holds.
            self._glued += 1
            self._events -= 1
            self.errors.append(make_diagnostic(source, codes.GLUED_KEYWORD, glued.message,
                                               token.start_pos, token.end_pos, fix=glued.fix))
            self._remember(token.end_pos)
            _resume_with(error, glued.keyword, glued.rest)
            return self._may_go_on()
        at_end = token.type == "$END" or token.start_pos is None
        start = len(text.rstrip()) if at_end else token.start_pos
        end = start if at_end else token.end_pos
        if not self._is_echo(len(text) if at_end else start):
            message, chained = unexpected_token_message(error)
            code = codes.CHAINED_COMPARISON if chained else (
                codes.UNEXPECTED_END if token.type == "$END" else codes.UNEXPECTED_TOKEN)
            self.errors.append(make_diagnostic(source, code, message, start, end))
        self._remember(end)
        return token.type != "$END" and self._may_go_on()
