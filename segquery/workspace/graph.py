"""Graph algorithms over segment references, without recursion.

Nodes are the integers 0..n-1, numbered in the order ties are broken in;
`successors[v]` lists the nodes v references, each once, in ascending order.
An edge v -> w means "v needs w": w must go live first. Every function here
is iterative, so reference chains of any length are safe, and linear in nodes
plus edges (the ordering adds a log factor for its deterministic tie-break).
"""

from __future__ import annotations

import heapq
from collections import deque
from typing import Sequence, cast


def predecessors_of(successors: Sequence[Sequence[int]]) -> list[list[int]]:
    """The reverse adjacency: for each node, the nodes that reference it (in node order)."""
    predecessors: list[list[int]] = [[] for _ in successors]
    for node, targets in enumerate(successors):
        for target in targets:
            predecessors[target].append(node)
    return predecessors


def strongly_connected_components(successors: Sequence[Sequence[int]]) -> list[list[int]]:
    """Tarjan's algorithm with an explicit stack.

    Components come out in reverse topological order (a component after every
    component it references); the nodes of a component are sorted.
    """
    count = len(successors)
    index_of = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index_of[root] != -1:
            continue
        # Each frame is (node, position of the next successor to visit).
        work: list[list[int]] = [[root, 0]]
        index_of[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            frame = work[-1]
            node, position = frame
            targets = successors[node]
            if position < len(targets):
                frame[1] = position + 1
                target = targets[position]
                if index_of[target] == -1:
                    index_of[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack[target] = True
                    work.append([target, 0])
                elif on_stack[target] and index_of[target] < low[node]:
                    low[node] = index_of[target]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[node] < low[parent]:
                    low[parent] = low[node]
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                component.sort()
                components.append(component)
    return components


def topological_order(successors: Sequence[Sequence[int]], *, dependents_first: bool = False) -> list[int]:
    """Kahn's algorithm: each node after every node it references (before, with dependents_first).

    Among the nodes that are ready at the same time, the smallest comes first,
    so the order is deterministic. Nodes on or behind a cycle are left
    out: the result is shorter than the node count exactly when there is a cycle.
    """
    predecessors = predecessors_of(successors)
    # "waits_for[v]" are the nodes that must come before v; "unlocks[v]" those v lets go.
    waits_for, unlocks = (predecessors, successors) if dependents_first else (successors, predecessors)
    remaining = [len(nodes) for nodes in waits_for]
    ready = [node for node in range(len(successors)) if remaining[node] == 0]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        node = heapq.heappop(ready)
        order.append(node)
        for other in unlocks[node]:
            remaining[other] -= 1
            if remaining[other] == 0:
                heapq.heappush(ready, other)
    return order


def reachable(start: int, adjacency: Sequence[Sequence[int]]) -> list[int]:
    """Every node reachable from `start` through at least one edge, in breadth-first order."""
    seen = {start}
    found: list[int] = []
    queue = deque(adjacency[start])
    while queue:
        node = queue.popleft()
        if node in seen:
            if node == start and start not in found:
                found.append(start)
            continue
        seen.add(node)
        found.append(node)
        queue.extend(adjacency[node])
    return found


def longest_chains(successors: Sequence[Sequence[int]],
                   order: Sequence[int]) -> tuple[list[int | None], list[int | None]]:
    """For each node, the number of edges on its longest outgoing chain and the next node on it.

    `order` is a topological order with dependencies first (from
    `topological_order`); nodes missing from it (on or behind a cycle) get None.
    Ties between equally long chains go to the smallest successor.
    """
    depth: list[int | None] = [None] * len(successors)
    following: list[int | None] = [None] * len(successors)
    for node in order:
        best = 0
        best_next = None
        for target in successors[node]:
            candidate = cast(int, depth[target]) + 1  # dependencies come first in `order`
            if candidate > best:
                best, best_next = candidate, target
        depth[node] = best
        following[node] = best_next
    return depth, following


def shortest_path(start: int, goal: int, successors: Sequence[Sequence[int]], allowed: set[int]) -> list[int]:
    """Nodes of a shortest path start -> ... -> goal inside `allowed` (start included, goal included).

    With start == goal the path is a shortest cycle back to start. Empty when
    there is none.
    """
    return _path_to_nearest(start, {goal}, successors, allowed)


def covering_cycle(members: Sequence[int], successors: Sequence[Sequence[int]]) -> list[int]:
    """A closed walk through every node of a strongly connected component.

    It starts and ends at the smallest node and, from each node, goes to the
    nearest node not yet on the walk (breadth-first, smallest node first). For
    a simple cycle this is the cycle itself; a component made of several
    cycles is walked through all of them.
    """
    allowed = set(members)
    start = min(members)
    walk = [start]
    unvisited = allowed - {start}
    current = start
    while unvisited:
        path = _path_to_nearest(current, unvisited, successors, allowed)
        if not path:
            raise ValueError("the members do not form a strongly connected component")
        walk.extend(path[1:])
        unvisited.difference_update(path)
        current = path[-1]
    walk.extend(shortest_path(current, start, successors, allowed)[1:])
    return walk


def _path_to_nearest(start: int, goals: set[int], successors: Sequence[Sequence[int]],
                     allowed: set[int]) -> list[int]:
    """A shortest path (breadth-first, smallest node first) from `start` to any of `goals` inside
    `allowed`; when `start` is a goal, a shortest cycle back to it. Empty when there is none."""
    parent: dict[int, int] = {}
    visited = set() if start in goals else {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in successors[node]:
            if target not in allowed or target in visited:
                continue
            visited.add(target)
            parent[target] = node
            if target in goals:
                path = [target, node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return list(reversed(path))
            queue.append(target)
    return []
