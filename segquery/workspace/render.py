"""Pictures of the reference graph: an indented tree, JSON, Graphviz DOT and Mermaid.

Edges point from the referencing segment to the referenced one ("needs").
A reference that resolves to no segment is drawn as a dashed node named
after what was written; an ambiguous one as dashed edges to every candidate.
Every function here is iterative, so chains of any depth print.
"""

from __future__ import annotations

import json
from typing import Any

from segquery.workspace.model import Segment
from segquery.workspace.workspace import CycleError, Workspace


def _annotation(segment: Segment) -> str:
    facts = [fact.label for fact in (segment.segment_type, segment.status) if fact is not None]
    return f" [{', '.join(facts)}]" if facts else ""


def _by_key(workspace: Workspace) -> list[Segment]:
    return sorted(workspace.segments, key=lambda segment: (segment.key.casefold(), segment.key))


def render_tree(workspace: Workspace) -> str:
    """Each segment nobody references, with what it needs below it.

    A segment already drawn is shown again as `name (see above)`, and a
    reference back into the branch being drawn as `name (cycle)`, so the tree
    stays as large as the graph. Segments that only a cycle reaches are drawn
    afterwards as their own roots.
    """
    segments = _by_key(workspace)
    referenced = {id(resolution.target) for segment in segments for resolution in workspace.resolution(segment)
                  if resolution.target is not None}
    roots = [segment for segment in segments if id(segment) not in referenced]
    lines: list[str] = []
    drawn: set[int] = set()
    for root in roots + segments:
        if id(root) not in drawn:
            _draw(workspace, root, lines, drawn)
    return "\n".join(lines)


def _draw(workspace: Workspace, root: Segment, lines: list[str], drawn: set[int]) -> None:
    lines.append(root.key + _annotation(root))
    drawn.add(id(root))
    branch_ids = {id(root)}
    # Frames: [segment, its references with their resolutions, prefix of its children, next position]
    stack: list[list[Any]] = [[root, list(zip(root.references, workspace.resolution(root))), "", 0]]
    while stack:
        frame = stack[-1]
        segment, children, prefix, position = frame
        if position == len(children):
            branch_ids.discard(id(segment))
            stack.pop()
            continue
        frame[3] = position + 1
        reference, resolution = children[position]
        last = position == len(children) - 1
        label = prefix + ("└── " if last else "├── ")
        target = resolution.target
        if target is None:
            names = ", ".join(candidate.key for candidate in resolution.candidates)
            lines.append(label + reference.name + (f" (ambiguous: {names})" if names else " (missing)"))
        elif id(target) in branch_ids:
            lines.append(label + target.key + " (cycle)")
        elif id(target) in drawn:
            lines.append(label + target.key + " (see above)")
        else:
            lines.append(label + target.key + _annotation(target))
            drawn.add(id(target))
            branch_ids.add(id(target))
            stack.append([target, list(zip(target.references, workspace.resolution(target))),
                          prefix + ("    " if last else "│   "), 0])


def render_json(workspace: Workspace) -> str:
    """Segments, references with their resolution, the go-live order (null when there is a cycle),
    the cycles, and the diagnostics."""
    segments = []
    for segment in workspace.segments:
        position = segment.source.position(segment.definition.start)
        references = []
        for reference, resolution in zip(segment.references, workspace.resolution(segment)):
            start = segment.source.position(reference.span.start)
            references.append({
                "name": reference.name,
                "target": resolution.target.key if resolution.target is not None else None,
                "resolution": ("resolved" if resolution.target is not None
                               else "ambiguous" if resolution.is_ambiguous else "missing"),
                "candidates": [candidate.key for candidate in resolution.candidates],
                "line": start.line, "column": start.column,
            })
        segments.append({
            "key": segment.key, "name": segment.name, "path": segment.path,
            "line": position.line, "column": position.column,
            "type": segment.segment_type.label if segment.segment_type is not None else None,
            "status": segment.status.label if segment.status is not None else None,
            "query_name": segment.query_name,
            "references": references,
        })
    try:
        order, cycles = workspace.order(), []
    except CycleError as error:
        order, cycles = None, error.cycles
    diagnostics = [{"path": path, **diagnostic.to_dict()}
                   for path, found in workspace.diagnostics.items() for diagnostic in found]
    return json.dumps({"segments": segments, "order": order, "cycles": cycles, "diagnostics": diagnostics},
                      indent=2, ensure_ascii=False)


def _missing_names(workspace: Workspace) -> list[str]:
    names: dict[str, None] = {}
    for segment in _by_key(workspace):
        for reference, resolution in zip(segment.references, workspace.resolution(segment)):
            if resolution.target is None:
                names.setdefault(reference.name, None)
    return list(names)


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_dot(workspace: Workspace) -> str:
    """A Graphviz digraph: `segquery deps --format dot | dot -Tsvg > deps.svg`."""
    lines = ["digraph segments {", "  node [shape=box];"]
    for segment in _by_key(workspace):
        lines.append(f"  {_dot_id(segment.key)};")
    for name in _missing_names(workspace):
        lines.append(f"  {_dot_id('missing: ' + name)} [style=dashed, color=red];")
    for source, target, resolved in _edges(workspace):
        style = "" if resolved else " [style=dashed]"
        lines.append(f"  {_dot_id(source)} -> {_dot_id(target)}{style};")
    lines.append("}")
    return "\n".join(lines)


def _mermaid_label(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def render_mermaid(workspace: Workspace) -> str:
    """A Mermaid flowchart, for Markdown that renders Mermaid (GitHub, GitLab, many wikis)."""
    lines = ["flowchart LR"]
    ids: dict[str, str] = {}
    for number, segment in enumerate(_by_key(workspace)):
        ids[segment.key] = f"s{number}"
        lines.append(f"  s{number}[{_mermaid_label(segment.key)}]")
    for number, name in enumerate(_missing_names(workspace)):
        ids["missing: " + name] = f"m{number}"
        lines.append(f"  m{number}[{_mermaid_label(name + ' (missing)')}]:::missing")
    for source, target, resolved in _edges(workspace):
        lines.append(f"  {ids[source]} {'-->' if resolved else '-.->'} {ids[target]}")
    if any(key.startswith("missing: ") for key in ids):
        lines.append("  classDef missing stroke-dasharray: 5 5,stroke:#c00")
    return "\n".join(lines)


def _edges(workspace: Workspace) -> list[tuple[str, str, bool]]:
    """(source, target, resolved) once per pair, in key order then reference order."""
    edges: dict[tuple[str, str], bool] = {}
    for segment in _by_key(workspace):
        for reference, resolution in zip(segment.references, workspace.resolution(segment)):
            if resolution.target is not None:
                edges.setdefault((segment.key, resolution.target.key), True)
            elif not resolution.is_ambiguous:
                edges.setdefault((segment.key, "missing: " + reference.name), False)
            else:
                for candidate in resolution.candidates:
                    edges.setdefault((segment.key, candidate.key), False)
    return [(source, target, resolved) for (source, target), resolved in edges.items()]
