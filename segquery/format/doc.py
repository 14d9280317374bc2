"""A small document model for layout (after Wadler's "prettier printer" and
Prettier's doc builders).

The layout code describes *where* a line may break; `render` decides *whether*
it breaks: a group is printed on one line when it fits in the remaining width,
otherwise its lines become line breaks and its inner groups decide again.

A document is a token string, a list (concatenation), or one of the classes
below. Comments are documents too (`CommentDoc`), because a comment that ends
its line or stands on its own line forces the groups around it to break.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Group:
    """Contents printed flat when they fit, broken otherwise (`broken` forces it)."""

    contents: list
    broken: bool = False


@dataclass(slots=True)
class Indent:
    """Contents whose line breaks indent one level deeper."""

    contents: list


@dataclass(frozen=True, slots=True)
class Line:
    """A line break when the enclosing group breaks; a space (or, if `soft`, nothing) when it is flat."""

    soft: bool = False


@dataclass(frozen=True, slots=True)
class Space:
    """A single space between tokens; dropped at the start of a line."""


@dataclass(frozen=True, slots=True)
class CommentDoc:
    """A source comment and where it stood.

    `starts_line`: only white space was before it on its line, so it is printed
    at the start of a line. `ends_line`: only white space followed it on its
    line, so what follows it goes to the next line. `newlines_before` and
    `newlines_after` (1 or 2) keep one blank line where the author had one.
    `follows_token`: it is printed right after the token before it (on that
    token's line) rather than before the token after it.
    """

    text: str
    starts_line: bool
    ends_line: bool
    newlines_before: int = 1
    newlines_after: int = 1
    follows_token: bool = False  # printed right after the token before it

    @property
    def counts_width(self) -> bool:
        """Only a comment glued to the token after it counts toward the line length:
        one that follows its token can end up at the end of a line, where it never counts."""
        return not self.follows_token and not self.breaks

    @property
    def breaks(self) -> bool:
        """True when the comment cannot sit inside a one-line group."""
        return self.starts_line or self.ends_line or "\n" in self.text


Doc = str | list | Group | Indent | Line | Space | CommentDoc

LINE = Line()
SOFTLINE = Line(soft=True)
SPACE = Space()


def group(*parts: Doc) -> Group:
    return Group(list(parts))


def indent(*parts: Doc) -> Indent:
    return Indent(list(parts))


def bracket(opening: Doc, contents: Doc, closing: Doc) -> Group:
    """`(contents)` on one line, or the contents on their own indented lines."""
    return group(opening, indent(SOFTLINE, contents), SOFTLINE, closing)


# ---------------------------------------------------------------- settling


@dataclass
class _Settled:
    """A document after `settle`, plus whether it holds a comment that breaks lines."""

    doc: Doc
    breaks: bool = False
    leading: list = field(default_factory=list)
    trailing: list = field(default_factory=list)


def settle(doc: Doc) -> Doc:
    """Move comments out of the groups they begin or end, then mark every group
    that still holds a line-breaking comment as broken.

    A comment on its own line before the first token of a group belongs before
    the group, and a comment at the end of the last line of a group belongs
    after it: otherwise one comment would break every group around its token
    (a header comment would spread the whole query over several lines).
    """
    settled = _settle(doc)
    return [*settled.leading, settled.doc, *settled.trailing]


def _flatten(parts: list) -> list:
    flat: list = []
    stack = [iter(parts)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            flat.append(item)
        else:
            stack.pop()
    return flat


def _settle(doc: Doc) -> _Settled:
    if isinstance(doc, CommentDoc):
        return _Settled(doc, doc.breaks)
    if isinstance(doc, (str, Line, Space)):
        return _Settled(doc)
    if isinstance(doc, list):
        return _settle_parts(doc)
    inner = _settle_parts(doc.contents)
    if isinstance(doc, Indent):
        # Leading comments stay inside: their line takes the deeper indentation.
        return _Settled(Indent([*inner.leading, inner.doc]), inner.breaks or _any_breaks(inner.leading),
                        [], inner.trailing)
    broken = doc.broken or inner.breaks
    return _Settled(Group([inner.doc], broken), broken, inner.leading, inner.trailing)


def _any_breaks(items: list) -> bool:
    return any(isinstance(item, CommentDoc) and item.breaks for item in items)


def _settle_parts(parts: list) -> _Settled:
    items: list[tuple[Doc, bool]] = []
    for part in _flatten(parts):
        if part == "":
            continue
        child = _settle(part)
        items.extend((comment, comment.breaks) for comment in child.leading)
        items.append((child.doc, child.breaks))
        items.extend((comment, comment.breaks) for comment in child.trailing)
    start = 0
    while start < len(items) and _is_leading_comment(items[start][0]):
        start += 1
    end = len(items)
    while end > start and _is_trailing_comment(items[end - 1][0]):
        end -= 1
    middle = items[start:end]
    return _Settled([doc for doc, _ in middle], any(breaks for _, breaks in middle),
                    [doc for doc, _ in items[:start]], [doc for doc, _ in items[end:]])


def _is_leading_comment(doc: Doc) -> bool:
    """A comment printed before the token after it."""
    return isinstance(doc, CommentDoc) and not doc.follows_token


def _is_trailing_comment(doc: Doc) -> bool:
    """A comment printed after the token before it."""
    return isinstance(doc, CommentDoc) and doc.follows_token
