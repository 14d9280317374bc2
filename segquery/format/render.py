"""Prints a settled document at a given width (Prettier's algorithm, iterative).

Each group is tried flat: it stays on one line when its contents, plus what
follows up to the next possible line break, fit in the remaining width.
Otherwise its lines break and each inner group is tried again.

Line breaks are written lazily: a break only records how many newlines are
due, and the indentation of a line is that of its first text. So no line ends
in white space, a comment before a closing parenthesis can take the deeper
indentation of the lines above it, and a blank line the author left next to a
comment is kept.
"""

from __future__ import annotations

from segquery.format.doc import CommentDoc, Doc, Group, Indent, Line, Space

_FLAT, _BREAK = False, True
_CLOSERS = frozenset({")", "]", ","})


def render(doc: Doc, *, width: int, indent_width: int) -> str:
    """The text of `doc` (a settled document), without a final newline."""
    return _Printer(width, indent_width).run(doc)


class _Printer:
    def __init__(self, width: int, indent_width: int) -> None:
        self.width = width
        self.indent_width = indent_width
        self.out: list[str] = []
        self.column = 0
        self.started = False        # some text was written
        self.line_has_text = False
        self.pending_newlines = 0   # newlines due before the next text
        self.pending_space = False  # a space due before the next text

    # ------------------------------------------------------------ writing

    def write(self, text: str, indentation: int) -> None:
        if self.pending_newlines and self.started:
            self.out.append("\n" * self.pending_newlines)
            self.line_has_text = False
        self.pending_newlines = 0
        if not self.line_has_text:
            self.out.append(" " * indentation)
            self.column = indentation
        elif self.pending_space and text not in _CLOSERS:
            self.out.append(" ")
            self.column += 1
        self.pending_space = False
        self.out.append(text)
        newline = text.rfind("\n")
        self.column = len(text) - newline - 1 if newline >= 0 else self.column + len(text)
        self.line_has_text = True
        self.started = True

    def at_line_start(self) -> bool:
        return not self.line_has_text or self.pending_newlines > 0

    def comment(self, comment: CommentDoc, indentation: int) -> None:
        if comment.starts_line:
            if self.started:
                self.pending_newlines = max(self.pending_newlines, comment.newlines_before, 1)
        elif not self.at_line_start():
            self.pending_space = True
        self.write(comment.text, indentation)
        if comment.ends_line:
            self.pending_newlines = comment.newlines_after
        else:
            self.pending_space = True

    # ------------------------------------------------------------ the loop

    def run(self, doc: Doc) -> str:
        stack: list[tuple[int, bool, Doc]] = [(0, _BREAK, doc)]
        while stack:
            indentation, mode, current = stack.pop()
            if isinstance(current, str):
                if current:
                    self.write(current, indentation)
            elif isinstance(current, list):
                stack.extend((indentation, mode, part) for part in reversed(current))
            elif isinstance(current, Indent):
                deeper = indentation + self.indent_width
                stack.extend((deeper, mode, part) for part in reversed(current.contents))
            elif isinstance(current, Group):
                flat = mode is _FLAT or (not current.broken and self.fits(indentation, current.contents, stack))
                stack.extend((indentation, _FLAT if flat else _BREAK, part) for part in reversed(current.contents))
            elif isinstance(current, Line):
                if mode is _BREAK:
                    self.pending_newlines = max(self.pending_newlines, 1)
                    self.pending_space = False
                elif not current.soft and not self.at_line_start():
                    self.pending_space = True
            elif isinstance(current, Space):
                if not self.at_line_start():
                    self.pending_space = True
            elif isinstance(current, CommentDoc):
                self.comment(current, indentation)
        return "".join(self.out)

    def fits(self, indentation: int, contents: list, rest: list[tuple[int, bool, Doc]]) -> bool:
        """Whether `contents`, printed flat, and what follows up to the next line break fit."""
        at_start = self.at_line_start()
        column = self.column
        space = self.pending_space and not at_start
        todo: list[tuple[int, bool, Doc]] = [(indentation, _FLAT, part) for part in reversed(contents)]
        rest_index = len(rest)
        while True:
            if not todo:
                if rest_index == 0:
                    return True
                rest_index -= 1
                todo.append(rest[rest_index])
                continue
            level, mode, current = todo.pop()
            if isinstance(current, str):
                if not current:
                    continue
                if at_start:
                    column, at_start = level, False
                elif space and current not in _CLOSERS:
                    column += 1
                space = False
                column += len(current)
                if column > self.width:
                    return False
            elif isinstance(current, list):
                todo.extend((level, mode, part) for part in reversed(current))
            elif isinstance(current, Indent):
                todo.extend((level + self.indent_width, mode, part) for part in reversed(current.contents))
            elif isinstance(current, Group):
                # As in Prettier: a group after the one being tried may still break at its first line.
                group_mode = _BREAK if current.broken else mode
                todo.extend((level, group_mode, part) for part in reversed(current.contents))
            elif isinstance(current, Line):
                if mode is _BREAK:
                    return True
                space = space or not current.soft
            elif isinstance(current, Space):
                space = True
            elif isinstance(current, CommentDoc):
                if current.breaks:
                    # The line ends at (or before) this comment; a comment at the
                    # end of a line does not count toward its length.
                    return True
                if not current.counts_width:
                    space = True
                    continue
                if at_start:
                    column, at_start = level, False
                elif space:
                    column += 1
                column += len(current.text)
                space = True
                if column > self.width:
                    return False
