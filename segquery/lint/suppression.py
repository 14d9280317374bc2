"""Suppressing findings with comment directives, and the findings about the
directives themselves.

    // segquery: ignore[L001, L020]    the next line that holds code (on its own line),
                                       or the line it ends (after code)
    // segquery: ignore-file[L009]     the whole file

Codes are exact codes (`L001`) or rule names (`keyword-case`). Syntax errors
(S...) and unreadable files (E001) cannot be suppressed: a query that does
not parse is never passed silently.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Callable, Iterable

from segquery.config import QUERY_KINDS
from segquery.diagnostics import UNSUPPRESSIBLE_PREFIXES, Diagnostic, Fix, TextEdit, make_diagnostic
from segquery.directives import SEGMENT_DIRECTIVES, Directive, find_directives
from segquery.fast_dataclass import dataclass
from segquery.lint.context import would_join
from segquery.lint.directive_codes import INVALID_DIRECTIVE, INVALID_SUPPRESSION, UNUSED_SUPPRESSION
from segquery.source import SourceText, Span, line_break_length, line_end, line_start
from segquery.suggest import did_you_mean
from segquery.syntax import ast
from segquery.syntax.dialects import dialect_settings
from segquery.syntax.tokens import NAME_PATTERN, Token, TokenKind, comment_tokens, tokenize

# Directives the workspace reads (name, id, type, status, profile) are known here too.
KNOWN_DIRECTIVES = ("ignore", "ignore-file", "kind", "dialect", *SEGMENT_DIRECTIVES)

_CODE = re.compile(r"[^,\s]+")
_DIRECTIVE_NAME = re.compile(r"segquery:\s*+")


def _code_list(comment: str, start: int = 0) -> tuple[int, int] | None:
    """Start and end of the text between the first `[` from `start` and the `]` after it.

    Found with two `find`s: a pattern search for `\\[[^\\]]*\\]` rescans the rest of
    the comment from every `[` when no `]` follows (quadratic).
    """
    opening = comment.find("[", start)
    closing = comment.find("]", opening + 1) if opening >= 0 else -1
    return None if closing < 0 else (opening + 1, closing)


@dataclass
class Suppression:
    code: str                 # the resolved code
    written: str              # as written in the comment
    span: Span                # the code's text in the comment
    directive: Directive
    line: int | None          # the suppressed line, or None for the whole file
    used: bool = False


@dataclass
class FileDirectives:
    """The directives of one file, read from its comments."""

    directives: list[Directive]
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)   # L100 and L102 findings
    kind: str | None = None
    kind_span: Span | None = None
    dialect: str | None = None
    # The profile type the file's segment selects (`// segquery: profile = lead`); the workspace reports
    # a malformed one.
    profile: str | None = None

    def suppressed(self, diagnostic: Diagnostic) -> bool:
        """True (and the directive marked used) when a directive covers the diagnostic."""
        if diagnostic.code.startswith(UNSUPPRESSIBLE_PREFIXES):
            return False
        line = diagnostic.range.start.line
        hit = False
        for suppression in self.suppressions:
            if suppression.code == diagnostic.code and suppression.line in (None, line):
                suppression.used = True
                hit = True
        return hit


_TABLE_NAME = re.compile(NAME_PATTERN)


def comments_of(source: SourceText) -> list[ast.Comment]:
    """Every comment of the text, found by the tokenizer (so also in files that do not parse)."""
    return [ast.Comment(text=token.text, span=Span(token.start, token.end)) for token in comment_tokens(source.text)]


def read_directives(source: SourceText) -> FileDirectives:
    """Parse the directives of a file and report those that are malformed."""
    directives = find_directives(comments_of(source), source)
    result = FileDirectives(directives)
    tokens: list[Token] | None = None  # the code tokens, read only when an ignore directive needs them
    for directive in directives:
        if directive.name in ("ignore", "ignore-file"):
            if tokens is None:
                tokens = [token for token in tokenize(source.text)
                          if token.kind not in (TokenKind.WHITESPACE, TokenKind.COMMENT)]
            _read_ignore(source, directive, tokens, result)
        elif directive.name == "kind":
            found = _read_choice(source, directive, QUERY_KINDS, "query kind", result)
            if found is not None:
                result.kind, result.kind_span = found
        elif directive.name == "dialect":
            found = _read_choice(source, directive, dialect_settings(), "dialect", result)
            if found is not None:
                result.dialect = found[0]
        elif directive.name == "profile" and _TABLE_NAME.fullmatch(directive.value):
            result.profile = directive.value
        elif directive.name not in KNOWN_DIRECTIVES:
            start = _name_offset(source, directive)
            suggestion = did_you_mean(directive.name, KNOWN_DIRECTIVES)
            hint = (f"; did you mean `{suggestion}`?" if suggestion
                    else f"; known directives: {', '.join(KNOWN_DIRECTIVES)}")
            result.problems.append(make_diagnostic(source, INVALID_DIRECTIVE,
                                                   f"unknown directive `{directive.name}`{hint}",
                                                   start, start + len(directive.name)))
    return result


def _name_offset(source: SourceText, directive: Directive) -> int:
    text = source.text[directive.span.start:directive.span.end]
    match = _DIRECTIVE_NAME.search(text)
    return directive.span.start + (match.end() if match else 0)


def _read_ignore(source: SourceText, directive: Directive, tokens: list, result: FileDirectives) -> None:
    comment = source.text[directive.span.start:directive.span.end]
    inside = _code_list(comment, _name_offset(source, directive) - directive.span.start)
    codes = [] if inside is None else [(m.group(), m.start()) for m in _CODE.finditer(comment, *inside)]
    if not codes:
        result.problems.append(make_diagnostic(
            source, INVALID_DIRECTIVE, f"`{directive.name}` needs the codes to ignore: "
            f"`// segquery: {directive.name}[CODE, ...]`", directive.span.start, directive.span.end))
        return
    line: int | None = None
    if directive.name == "ignore":
        if directive.own_line:
            following = next((token for token in tokens if token.start >= directive.span.end), None)
            line = source.position(following.start).line if following is not None else -1
        else:
            line = directive.line
    # Imported here: only ignore directives need the rule table
    # (`segquery parse` and the dialect choice read directives too).
    from segquery.rules.summary import SUMMARIES, find_rule

    for written, offset in codes:
        start = directive.span.start + offset
        span = Span(start, start + len(written))
        rule = find_rule(written)
        if rule is None:
            suggestion = did_you_mean(written, [r.code for r in SUMMARIES] + [r.name for r in SUMMARIES])
            hint = f"; did you mean `{suggestion}`?" if suggestion else ""
            result.problems.append(make_diagnostic(source, INVALID_SUPPRESSION,
                                                   f"unknown rule code `{written}` in an ignore directive{hint}",
                                                   span.start, span.end))
            continue
        if rule.code.startswith(UNSUPPRESSIBLE_PREFIXES):
            result.problems.append(make_diagnostic(
                source, INVALID_SUPPRESSION, f"{rule.code} ({rule.name}) cannot be suppressed: a query that does "
                "not parse is always reported", span.start, span.end))
            continue
        result.suppressions.append(Suppression(rule.code, written, span, directive, line))


def _read_choice(source: SourceText, directive: Directive, choices: tuple[str, ...], what: str,
                 result: FileDirectives) -> tuple[str, Span] | None:
    """The value of a `name = value` directive whose value is one of `choices` (any case), with its
    span; an L102 finding and None for any other value."""
    value = directive.value
    comment = source.text[directive.span.start:directive.span.end]
    index = comment.rfind(value) if value else -1
    start = directive.span.start + index if index >= 0 else directive.span.start
    span = Span(start, start + len(value)) if index >= 0 else directive.span
    if value.lower() in choices:
        return value.lower(), span
    suggestion = did_you_mean(value, choices) if value else None
    hint = f"; did you mean `{suggestion}`?" if suggestion else f"; use one of {', '.join(choices)}"
    result.problems.append(make_diagnostic(source, INVALID_DIRECTIVE, f"unknown {what} `{value}`{hint}",
                                           span.start, span.end))
    return None


def unused_suppressions(source: SourceText, directives: FileDirectives,
                        is_enabled: Callable[[str], bool]) -> list[Diagnostic]:
    """L101 findings for the codes that suppressed nothing, with fixes that remove them."""
    found: list[Diagnostic] = []
    by_directive: dict[int, list[Suppression]] = {}
    for suppression in directives.suppressions:
        by_directive.setdefault(suppression.directive.span.start, []).append(suppression)
    for group in by_directive.values():
        unused = [s for s in group if not s.used]
        if not unused:
            continue
        fix = _removal_fix(source, group, unused)
        for suppression in unused:
            reason = "" if is_enabled(suppression.code) else f" ({suppression.code} is not enabled)"
            found.append(make_diagnostic(source, UNUSED_SUPPRESSION,
                                         f"`{suppression.written}` suppresses nothing here{reason}",
                                         suppression.span.start, suppression.span.end, fix=fix))
    return found


def _removal_fix(source: SourceText, group: list[Suppression], unused: list[Suppression]) -> Fix:
    directive = group[0].directive
    comment = source.text[directive.span.start:directive.span.end]
    inside = _code_list(comment)
    assert inside is not None
    unused_starts = {s.span.start - directive.span.start for s in unused}
    kept = [m.group() for m in _CODE.finditer(comment, *inside) if m.start() not in unused_starts]
    if kept:
        start, end = (directive.span.start + offset for offset in inside)
        return Fix("Remove the unused codes", (TextEdit(start, end, ", ".join(kept)),))
    start, end = directive.span.start, directive.span.end
    text = source.text
    end_of_line = line_end(text, end)
    if directive.own_line and not text[end:end_of_line].strip():
        # Alone on its line: the line goes, with its line break.
        start, end = line_start(text, start), end_of_line + line_break_length(text, end_of_line)
    elif directive.own_line:
        # A block comment before code on its line: the comment goes, the code stays.
        while end < end_of_line and text[end] in " \t":
            end += 1
    else:
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return Fix("Remove the unused directive", (TextEdit(start, end, " " if would_join(before, after) else ""),))


def apply_suppressions(diagnostics: Iterable[Diagnostic], directives: FileDirectives) -> list[Diagnostic]:
    """The diagnostics no directive covers (marking the directives that were used)."""
    return [d for d in diagnostics if not directives.suppressed(d)]
