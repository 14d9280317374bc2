"""Renaming a segment: the edits to its definition and to the references that use its name.

Only references written with the segment's name (in any case) change;
references written with another handle, such as the backend query name
`SEGMENT_CRM_ID_...`, keep working and are left as they are. A segment named
by its file stem is renamed by renaming the file.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from typing import Iterable

from segquery.diagnostics import TextEdit
from segquery.fast_dataclass import dataclass
from segquery.workspace.model import Reference, Segment

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class RenamePlan:
    """Text edits per file (sorted by offset), and (old path, new path) file renames."""

    edits: dict[str, list[TextEdit]]
    file_renames: list[tuple[str, str]] = field(default_factory=list)


def plan_rename(target: Segment, new_name: str,
                references: Iterable[tuple[Segment, Reference, Segment | None]],
                taken_by: Iterable[Segment]) -> RenamePlan:
    """The plan that renames `target` to `new_name`.

    `references` are (referencing segment, reference, resolved target) for the
    whole workspace; `taken_by` the segments `new_name` already resolves to.
    Raises ValueError when `new_name` is not an identifier, names another
    segment, or the target has no name of its own (a record known only by its
    query name or id).
    """
    if not IDENTIFIER.fullmatch(new_name):
        raise ValueError(f"`{new_name}` cannot be written in SEGMENT(...): a name is a letter or `_` "
                         "followed by letters, digits and `_`")
    others = [segment for segment in taken_by if segment is not target]
    if others:
        raise ValueError(f"`{new_name}` already names {', '.join(f'`{segment.key}`' for segment in others)}")
    old = (target.name or "").casefold()
    edits: dict[str, list[TextEdit]] = {}
    for segment, reference, resolved in references:
        if resolved is target and reference.name.casefold() == old:
            edits.setdefault(segment.path, []).append(TextEdit(reference.span.start, reference.span.end, new_name))
    renames = []
    if target.name_source == "stem":
        directory, base = os.path.split(target.path)
        renames.append((target.path, os.path.join(directory, new_name + os.path.splitext(base)[1])))
    elif target.name_source in ("directive", "record"):
        edits.setdefault(target.path, []).append(TextEdit(target.definition.start, target.definition.end, new_name))
    else:
        raise ValueError(f"`{target.key}` has no name of its own to rename (it is known by its "
                         f"{target.name_source or 'position'})")
    return RenamePlan({path: sorted(items, key=lambda edit: edit.start) for path, items in edits.items()}, renames)
