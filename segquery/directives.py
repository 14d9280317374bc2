"""`// segquery: ...` comment directives.

One syntax for every directive a file can carry; the features that own a
directive interpret its arguments:

    // segquery: ignore[L001, S014]      findings on the next line (or this line, after code)
    // segquery: ignore-file[L001]       findings anywhere in the file
    // segquery: name = Contacts_in_Seattle   the segment's name, instead of the file stem
    // segquery: kind = static            the query kind of this file
    // segquery: dialect = outbound       the dialect of the language this file is written in
"""

from __future__ import annotations

import re
from typing import Iterable

from segquery.fast_dataclass import dataclass
from segquery.source import SourceText, Span
from segquery.syntax.ast import Comment

# The directives that describe the segment a `.segq` file defines (read by the workspace).
SEGMENT_DIRECTIVES = ("name", "id", "type", "status", "profile")

# A directive is one line: in a block comment, what follows the first line break
# (`\n`, `\r\n` or `\r`) is prose. The arguments are the rest of that line; its
# trailing blanks and `*/` are cut in `_arguments`, not by the pattern (a lazy
# group followed by optional blanks backtracks cubically over a long run of spaces).
_DIRECTIVE = re.compile(r"segquery:[ \t]*+(?P<name>[a-z][a-z-]*+)(?P<args>[^\r\n]*+)")


@dataclass(frozen=True)
class Directive:
    name: str           # e.g. "ignore", "ignore-file", "name", "kind"
    argument: str       # the raw text after the name: "[L001, S014]" or "= value"
    span: Span          # the comment's span
    line: int           # the comment's 1-based line
    own_line: bool      # True when nothing but white space precedes the comment on its line

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of `ignore[...]`-style directives."""
        match = re.fullmatch(r"\[([^\]]*)\]", self.argument)
        if not match:
            return ()
        return tuple(code.strip().upper() for code in match.group(1).split(",") if code.strip())

    @property
    def value(self) -> str:
        """The value of `name = value`-style directives."""
        return self.argument[1:].strip() if self.argument.startswith("=") else self.argument.strip()


def comment_body(comment: Comment) -> str:
    return comment.text[2:-2] if comment.is_block else comment.text[2:]


def find_directives(comments: Iterable[Comment], source: SourceText) -> list[Directive]:
    found = []
    for comment in comments:
        match = _DIRECTIVE.match(comment_body(comment).strip())
        if not match:
            continue
        position = source.position(comment.span.start)
        line_prefix = source.text[comment.span.start - position.column + 1:comment.span.start]
        found.append(Directive(match.group("name"), _arguments(match.group("args")), comment.span, position.line,
                               not line_prefix.strip()))
    return found


def _arguments(rest_of_line: str) -> str:
    """The directive's arguments: the rest of its line without blanks around them and a closing `*/`."""
    return rest_of_line.rstrip(" \t").removesuffix("*/").strip()
