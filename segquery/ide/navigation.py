"""Go to definition, find references, and rename, for aliases (within the
query) and segments (across the workspace).

`path` is the path of the text being edited as the workspace shows it; the
segments of that file are read from `text`, not from the workspace's copy,
so positions match what the editor shows. Locations in the edited text carry
`path` (None when not given).

Renaming a segment: when its name comes from a `// segquery: name = X`
directive, the directive's value is edited. When the name is the file stem,
a `// segquery: name = <new>` directive is inserted as the file's first
line: a rename is then a text edit that every editor can apply and undo, and
the file keeps its name (its stem stays a handle of the segment). References
written with the backend name `SEGMENT_CRM_ID_<id>` (or, in real-time
journeys, `SEGMENT_CJO_ID_<id>`) keep it: that name follows the segment's id,
not its name.
"""

from __future__ import annotations

import re
from typing import Iterable, cast

from segquery.diagnostics import TextEdit
from segquery.ide.model import Location, PrepareRename
from segquery.ide.outline import Outline, build_outline
from segquery.ide.realtime import dialect_keywords
from segquery.ide.segments import SegmentIndex
from segquery.ide.symbols_at import (AliasTarget, SegmentTarget, alias_occurrences, declared_aliases_near,
                                     resolve_alias, segment_name_at)
from segquery.source import Span
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import SEGMENT_ID_PREFIX
from segquery.syntax.tokens import TokenKind
from segquery.workspace.loading import QUERY_SUFFIX, load_file
from segquery.workspace.model import QUERY_NAME_PREFIX, Segment
from segquery.workspace.scan import scan_query

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _index(text: str, segments: Iterable[Segment], path: str | None) -> SegmentIndex:
    """The workspace's segments, with the edited `.segq` file read from `text`."""
    segments = list(segments)
    if path is not None and path.endswith(QUERY_SUFFIX):
        segments = [segment for segment in segments if segment.path != path] + load_file(path, text).segments
    return SegmentIndex(segments)


def _target_at(outline: Outline, offset: int, index: SegmentIndex, path: str | None
               ) -> AliasTarget | SegmentTarget | None:
    offset = max(0, min(offset, len(outline.text)))
    token_index = outline.token_index_at(offset)
    if token_index is not None:
        alias = resolve_alias(outline, token_index)
        if alias is not None:
            return alias
        segment = segment_name_at(outline, token_index)
        if segment is not None:
            return segment
    own = _own_segment(index, path)
    if own is not None and own.definition.start < own.definition.end and own.path.endswith(QUERY_SUFFIX):
        if own.definition.start <= offset <= own.definition.end:
            return SegmentTarget(own.name or "", own.definition, True)
    return None


def _own_segment(index: SegmentIndex, path: str | None) -> Segment | None:
    if path is None:
        return None
    return next((segment for segment in index.segments if segment.path == path), None)


def _target_segment(target: SegmentTarget, index: SegmentIndex, path: str | None) -> Segment | None:
    if target.from_directive:
        return _own_segment(index, path)
    return index.find(target.name)


def definition(text: str, offset: int, *, segments: Iterable[Segment] = (), path: str | None = None,
               dialect: Dialect = OUTBOUND) -> list[Location]:
    """Where the alias or segment at `offset` is declared; empty when unknown."""
    index = _index(text, segments, path)
    outline = build_outline(text, dialect.lexicon)
    target = _target_at(outline, offset, index, path)
    if isinstance(target, AliasTarget):
        return [Location(path, target.declaration)]
    if isinstance(target, SegmentTarget):
        segment = _target_segment(target, index, path)
        if segment is not None:
            return [Location(segment.path, segment.definition)]
    return []


def references(text: str, offset: int, *, segments: Iterable[Segment] = (), path: str | None = None,
               include_declaration: bool = True, dialect: Dialect = OUTBOUND) -> list[Location]:
    """Every occurrence of the alias or segment at `offset`, in path then text order."""
    index = _index(text, segments, path)
    outline = build_outline(text, dialect.lexicon)
    target = _target_at(outline, offset, index, path)
    if isinstance(target, AliasTarget):
        return [Location(path, span) for span in alias_occurrences(outline, target.declaration)
                if include_declaration or span != target.declaration]
    if isinstance(target, SegmentTarget):
        segment = _target_segment(target, index, path)
        found = [Location(where, span) for where, span, _ in _segment_references(text, index, path, segment, target)]
        if include_declaration and segment is not None and segment.definition.end > segment.definition.start:
            found.append(Location(segment.path, segment.definition))
        return sorted(set(found), key=lambda location: (location.path or "", location.span.start))
    return []


def _segment_references(text: str, index: SegmentIndex, path: str | None, segment: Segment | None,
                        target: SegmentTarget) -> list[tuple[str | None, Span, str]]:
    """(path, name span, name as written) of each SEGMENT(...) meaning the target.

    Unknown segments are matched by name, case-insensitively, so that the
    references of a segment that is not defined yet can still be listed."""
    def means(name: str) -> bool:
        if segment is None:
            return name.casefold() == target.name.casefold()
        return index.find(name) is segment

    found: list[tuple[str | None, Span, str]] = []
    for other in index.segments:
        found += [(other.path, reference.span, reference.name) for reference in other.references
                  if means(reference.name)]
    if path is None or not path.endswith(QUERY_SUFFIX):
        found += [(path, found_reference.name_span, found_reference.name)
                  for found_reference in scan_query(text).references if means(found_reference.name)]
    return found


# ---------------------------------------------------------------- rename


def prepare_rename(text: str, offset: int, *, segments: Iterable[Segment] = (), path: str | None = None,
                   dialect: Dialect = OUTBOUND) -> PrepareRename:
    """The name at `offset` and its span when it can be renamed, else the reason."""
    index = _index(text, segments, path)
    outline = build_outline(text, dialect.lexicon)
    target = _target_at(outline, offset, index, path)
    if isinstance(target, AliasTarget):
        return PrepareRename(target.at, target.name)
    if isinstance(target, SegmentTarget):
        if target.name.upper().startswith((QUERY_NAME_PREFIX, SEGMENT_ID_PREFIX)):
            return PrepareRename(None, reason=f"`{target.name}` is the backend name derived from the segment's id; "
                                              "it changes only with the id")
        segment = _target_segment(target, index, path)
        if segment is None:
            return PrepareRename(None, reason=f"no segment named `{target.name}` in the workspace")
        if not segment.path.endswith(QUERY_SUFFIX):
            return PrepareRename(None, reason=f"segment `{segment.name}` is defined by a record in "
                                              f"{segment.path}; rename it in its msdyncrm_segmentname")
        return PrepareRename(target.at, outline.text[target.at.start:target.at.end].strip("'\""))
    return PrepareRename(None, reason=_why_not(outline, offset, dialect))


def _why_not(outline: Outline, offset: int, dialect: Dialect) -> str:
    token_index = outline.token_index_at(max(0, min(offset, len(outline.text))))
    if token_index is None:
        return "there is no name here"
    token = outline.tokens[token_index]
    following = outline.tokens[token_index + 1] if token_index + 1 < len(outline.tokens) else None
    if token.kind is TokenKind.WORD and following is not None and following.text == "(":
        return f"`{token.text}` is part of the language"
    if token.kind is TokenKind.WORD and token.text.upper() in dialect_keywords(dialect):
        return f"`{token.text}` is a keyword"
    if token.kind is TokenKind.WORD:
        return f"`{token.text}` is a name from the schema; only aliases and segments can be renamed"
    return "there is no name here"


def rename_problem(text: str, offset: int, new_name: str, *, segments: Iterable[Segment] = (),
                   path: str | None = None, dialect: Dialect = OUTBOUND) -> str | None:
    """Why renaming the name at `offset` to `new_name` cannot be done, or None."""
    prepared = prepare_rename(text, offset, segments=segments, path=path, dialect=dialect)
    if not prepared.ok:
        return prepared.reason
    if not IDENTIFIER.match(new_name):
        return f"`{new_name}` is not a name: use letters, digits and underscores, not starting with a digit"
    if new_name.upper() in dialect_keywords(dialect) or dialect.function(new_name) is not None:
        return f"`{new_name}` is a word of the language"
    index = _index(text, segments, path)
    outline = build_outline(text, dialect.lexicon)
    target = _target_at(outline, offset, index, path)
    if isinstance(target, AliasTarget):
        taken = [name for name in declared_aliases_near(outline, target.declaration)
                 if name.casefold() == new_name.casefold() and name.casefold() != target.name.casefold()]
        if taken:
            return f"an alias named `{taken[0]}` is already in scope"
        return None
    segment = _target_segment(cast(SegmentTarget, target), index, path)  # prepare_rename found the name
    other = index.find(new_name)
    if other is not None and other is not segment:
        return f"`{new_name}` already names the segment in {other.path}"
    return None


def rename(text: str, offset: int, new_name: str, *, segments: Iterable[Segment] = (), path: str | None = None,
           dialect: Dialect = OUTBOUND) -> dict[str | None, list[TextEdit]]:
    """The edits, per file, that rename the alias or segment at `offset`;
    empty when `rename_problem` reports a problem."""
    if rename_problem(text, offset, new_name, segments=segments, path=path, dialect=dialect) is not None:
        return {}
    index = _index(text, segments, path)
    outline = build_outline(text, dialect.lexicon)
    target = _target_at(outline, offset, index, path)
    edits: dict[str | None, list[TextEdit]] = {}
    if isinstance(target, AliasTarget):
        edits[path] = [TextEdit(span.start, span.end, new_name)
                       for span in alias_occurrences(outline, target.declaration)]
        return edits
    # rename_problem found the segment that the name at `offset` means.
    target = cast(SegmentTarget, target)
    segment = cast(Segment, _target_segment(target, index, path))
    for where, span, written in _segment_references(text, index, path, segment, target):
        if not written.upper().startswith(QUERY_NAME_PREFIX):
            edits.setdefault(where, []).append(TextEdit(span.start, span.end, new_name))
    if segment.definition.end > segment.definition.start:
        edits.setdefault(segment.path, []).append(
            TextEdit(segment.definition.start, segment.definition.end, new_name))
    else:
        edits.setdefault(segment.path, []).append(TextEdit(0, 0, f"// segquery: name = {new_name}\n"))
    return {where: sorted(set(changes), key=lambda edit: edit.start) for where, changes in edits.items()}
