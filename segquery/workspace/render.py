"""Pictures of the reference graph: an indented tree, JSON, Graphviz DOT and Mermaid.

Edges point from the referencing segment to the referenced one ("needs").
A reference that resolves to no segment is drawn as a dashed node named
after what was written; an ambiguous one as dashed edges to every candidate.
Every function here is iterative, so chains of any depth print.
"""

from __future__ import annotations

import json

from segquery.workspace.model import Segment
from segquery.workspace.workspace import CycleError, Workspace


def _annotation(segment: Segment) -> str:
    facts = [fact.label for fact in (segment.segment_type, segment.status) if fact is not None]
    return f" [{', '.join(facts)}]" if facts else ""


def _by_key(workspace: Workspace) -> list[Segment]:
    return sorted(workspace.segments, key=lambda segment: (segment.key.casefold(), segment.key))


MAX_INDENT = 16  # levels of indentation in the text tree; deeper branches continue in a block below


def render_tree(workspace: Workspace) -> str:
    """Each segment nobody references, with what it needs below it.

    A segment already drawn is shown again as `name (see above)` (or `see
    below`), and a reference back into the branch being drawn as `name
    (cycle)`, so the tree stays as large as the graph. Segments that only a
    cycle reaches are drawn afterwards as their own roots. A branch deeper
    than MAX_INDENT levels shows `name (continued below)` and goes on in a
    block of its own after its root's tree, headed `name (continued from
    referrer)`: the printed width stays bounded, so a long chain prints in
    linear size.
    """
    segments = _by_key(workspace)
    referenced = {id(resolution.target) for segment in segments for resolution in workspace.resolution(segment)
                  if resolution.target is not None}
    roots = [segment for segment in segments if id(segment) not in referenced]
    lines: list[str] = []
    drawn: dict[int, int] = {}
    blocks_made = 0
    for root in roots + segments:
        if id(root) not in drawn:
            blocks_made = _draw(workspace, root, lines, drawn, blocks_made)
    return "\n".join(lines)


class _Frame:
    """A segment being drawn: its references, the prefix of their lines and the block they go to."""

    def __init__(self, workspace: Workspace, segment: Segment, prefix: str, depth: int, block: int) -> None:
        self.segment = segment
        self.children = list(zip(segment.references, workspace.resolution(segment)))
        self.prefix = prefix
        self.depth = depth
        self.block = block
        self.position = 0


def _draw(workspace: Workspace, root: Segment, lines: list[str], drawn: dict[int, int], blocks_made: int) -> int:
    """Draw the tree of `root`: its block, then the blocks its deep branches continue in.

    Blocks are numbered in the order they are printed, across roots; `drawn`
    maps each drawn segment to its block, so a later mention can say whether
    it is above or below. Returns the number of blocks made so far.
    """
    blocks: list[list[str]] = [[root.key + _annotation(root)]]
    drawn[id(root)] = blocks_made
    branch_ids = {id(root)}
    stack = [_Frame(workspace, root, "", 0, blocks_made)]
    while stack:
        frame = stack[-1]
        if frame.position == len(frame.children):
            branch_ids.discard(id(frame.segment))
            stack.pop()
            continue
        reference, resolution = frame.children[frame.position]
        frame.position += 1
        last = frame.position == len(frame.children)
        line = frame.prefix + ("└── " if last else "├── ")
        block = blocks[frame.block - blocks_made]
        target = resolution.target
        if target is None:
            names = ", ".join(candidate.key for candidate in resolution.candidates)
            block.append(line + reference.name + (f" (ambiguous: {names})" if names else " (missing)"))
        elif id(target) in branch_ids:
            block.append(line + target.key + " (cycle)")
        elif id(target) in drawn:
            block.append(line + target.key + (" (see above)" if drawn[id(target)] <= frame.block else " (see below)"))
        elif frame.depth + 1 < MAX_INDENT:
            block.append(line + target.key + _annotation(target))
            drawn[id(target)] = frame.block
            branch_ids.add(id(target))
            stack.append(_Frame(workspace, target, frame.prefix + ("    " if last else "│   "), frame.depth + 1,
                                frame.block))
        else:
            block.append(line + target.key + " (continued below)")
            blocks.append([f"{target.key}{_annotation(target)} (continued from {frame.segment.key})"])
            drawn[id(target)] = blocks_made + len(blocks) - 1
            branch_ids.add(id(target))
            stack.append(_Frame(workspace, target, "", 0, drawn[id(target)]))
    for block in blocks:
        lines.extend(block)
    return blocks_made + len(blocks)


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
