"""Where each comment of the source goes in the formatted text.

The formatter prints exactly the tokens of the source, in the same order (some
respelled: keywords in upper case, strings in single quotes, MINUS as EXCEPT).
So the source splits into gaps between significant tokens, and every comment
stays in its gap:

* comments on the same line as the token before them, when the last of them
  ends that line or comes before `)`, `]` or `,`, are *trailing*: printed right
  after that token (`x /* c */)`, `x // c`);
* every other comment is *leading*: printed before the token after it, on a
  line of its own when it stood on a line of its own, or just before the token
  (`/* c */ token`) when the token followed it on its line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from segquery.format.doc import CommentDoc
from segquery.source import count_line_breaks, has_line_break, line_start, normalize_line_breaks
from segquery.syntax.tokens import OUTBOUND_LEXICON, Lexicon, Token, TokenKind, tokenize

_CLOSERS = (")", "]", ",")


@dataclass(frozen=True)
class AttachedComments:
    """The significant tokens of a source and the comments around each.

    `before[k]` is printed before token k (`before[len(tokens)]` after the
    last token, at the end of the text); `after[k]` right after token k.
    """

    tokens: tuple[Token, ...]
    before: tuple[tuple[CommentDoc, ...], ...]
    after: tuple[tuple[CommentDoc, ...], ...]


def normalized_comment(text: str) -> str:
    """A comment as the formatter prints it: a `//` comment without trailing
    white space, a `/* */` comment with `\\n` line breaks."""
    if text.startswith("//"):
        return text.rstrip()
    return normalize_line_breaks(text)


def attach_comments(text: str, lexicon: Lexicon = OUTBOUND_LEXICON) -> AttachedComments:
    tokens: list[Token] = []
    gaps: list[list[Token]] = [[]]
    for token in tokenize(text, trivia=False, lexicon=lexicon):
        if token.kind is TokenKind.COMMENT:
            gaps[-1].append(token)
        else:
            tokens.append(token)
            gaps.append([])
    count = len(tokens)
    before: list[tuple[CommentDoc, ...]] = [()] * (count + 1)
    after: list[tuple[CommentDoc, ...]] = [()] * count
    for index, comments in enumerate(gaps):
        if not comments:
            continue
        start = tokens[index - 1].end if index > 0 else 0
        end = tokens[index].start if index < count else len(text)
        docs = _comment_docs(text, comments, start, end)
        trailing = 0
        if index > 0:
            same_line = []
            previous_end = start
            for doc, comment in zip(docs, comments):
                if has_line_break(text[previous_end:comment.start]):
                    break
                same_line.append(doc)
                previous_end = comment.end
            closing = index < count and tokens[index].text in _CLOSERS
            if same_line and (same_line[-1].ends_line or closing):
                trailing = len(same_line)
        if trailing:
            after[index - 1] = tuple(replace(doc, follows_token=True) for doc in docs[:trailing])
        before[index] = tuple(docs[trailing:])
    return AttachedComments(tuple(tokens), tuple(before), tuple(after))


def _comment_docs(text: str, comments: list[Token], gap_start: int, gap_end: int) -> list[CommentDoc]:
    docs = []
    for position, comment in enumerate(comments):
        previous_end = comments[position - 1].end if position else gap_start
        next_start = comments[position + 1].start if position + 1 < len(comments) else gap_end
        starts_line = not text[line_start(text, comment.start):comment.start].strip()
        following = text[comment.end:next_start]
        ends_line = has_line_break(following) or next_start == len(text)
        docs.append(CommentDoc(
            text=normalized_comment(comment.text),
            starts_line=starts_line,
            ends_line=ends_line,
            newlines_before=min(2, max(1, count_line_breaks(text[previous_end:comment.start]))) if starts_line else 1,
            newlines_after=min(2, max(1, count_line_breaks(following))) if starts_line and ends_line else 1,
        ))
    return docs
