"""The graph algorithms, exactly on small graphs and as properties on random ones."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from segquery import parse_tolerant
from segquery.diagnostics import has_errors
from segquery.semantic import validate
from segquery.workspace import CycleError, graph
from workspace_helpers import workspace_of

LEAF = "PROFILE(contact).FILTER(address1_city == 'Seattle')"
OPERATORS = ("UNION", "INTERSECT", "EXCEPT")

# ---------------------------------------------------------------- the algorithms, exactly


def test_components_come_out_dependencies_first_with_sorted_members():
    successors = [[1], [2], [0, 3], [], [4]]
    assert graph.strongly_connected_components(successors) == [[3], [0, 1, 2], [4]]


def test_topological_order_both_ways():
    successors = [[2], [2], [], [0]]       # 0 -> 2, 1 -> 2, 3 -> 0
    assert graph.topological_order(successors) == [2, 0, 1, 3]
    assert graph.topological_order(successors, dependents_first=True) == [1, 3, 0, 2]


def test_topological_order_leaves_out_cycles_and_what_is_behind_them():
    assert graph.topological_order([[1], [0], [0], []]) == [3]


def test_longest_chains_and_the_next_node_on_them():
    successors = [[1, 2], [3], [], []]
    depth, following = graph.longest_chains(successors, graph.topological_order(successors))
    assert (depth, following) == ([2, 1, 0, 0], [1, 3, None, None])


def test_reachable_includes_the_start_only_through_a_cycle():
    assert graph.reachable(0, [[1], [2], []]) == [1, 2]
    assert graph.reachable(0, [[1], [0]]) == [1, 0]


def test_covering_cycle_and_shortest_path():
    assert graph.covering_cycle([0, 1, 2], [[1], [2], [0]]) == [0, 1, 2, 0]
    assert graph.covering_cycle([4], [[], [], [], [], [4]]) == [4, 4]
    assert graph.shortest_path(0, 2, [[1, 2], [2], []], {0, 1, 2}) == [0, 2]
    assert graph.shortest_path(0, 0, [[1], [2], [0, 1]], {0, 1, 2}) == [0, 1, 2, 0]
    assert graph.shortest_path(0, 2, [[1], [2], []], {0, 1}) == []     # the path leaves `allowed`
    assert graph.shortest_path(0, 0, [[1], []], {0, 1}) == []          # no way back
    with pytest.raises(ValueError, match="strongly connected"):
        graph.covering_cycle([0, 1], [[], [0]])     # 1 cannot be reached from 0


def test_long_chains_need_no_recursion():
    count = 50_000
    successors = [[node + 1] for node in range(count - 1)] + [[]]
    assert len(graph.strongly_connected_components(successors)) == count
    order = graph.topological_order(successors)
    assert order[0] == count - 1 and order[-1] == 0
    cycle = successors[:-1] + [[0]]
    assert graph.strongly_connected_components(cycle) == [list(range(count))]
    assert len(graph.covering_cycle(list(range(count)), cycle)) == count + 1


def test_a_workspace_chain_longer_than_the_recursion_limit():
    from segquery.workspace.render import MAX_INDENT, render_tree
    count = 1500
    queries = {f"s{i:04d}": f"SEGMENT(s{i + 1:04d})" for i in range(count - 1)} | {f"s{count - 1:04d}": LEAF}
    workspace = workspace_of(**queries)
    assert workspace.order()[0] == f"s{count - 1:04d}"
    assert workspace.depth("s0000") == count - 1
    assert workspace.profile_of(workspace.segment("s0000")) == "contact"
    assert len(workspace.diagnostics) == count - 1 - workspace.max_depth
    continued = (count - 1) // MAX_INDENT  # each block of MAX_INDENT levels adds its heading line
    assert render_tree(workspace).count("\n") == count - 1 + continued
    assert workspace.expand("s0000").startswith("(" * (count - 1) + "PROFILE(contact)")


def test_a_branch_deeper_than_the_indent_limit_continues_in_a_block_below(monkeypatch):
    from segquery.workspace import render
    monkeypatch.setattr(render, "MAX_INDENT", 3)
    workspace = workspace_of(s0="SEGMENT(s1)", s1="SEGMENT(s2) UNION SEGMENT(s5)", s2="SEGMENT(s3)",
                             s3="SEGMENT(s4)", s4="SEGMENT(s5)", s5="SEGMENT(s6)", s6="SEGMENT(s2)")
    assert render.render_tree(workspace) == (
        "s0\n"
        "└── s1\n"
        "    ├── s2\n"
        "    │   └── s3 (continued below)\n"
        "    └── s5 (see below)\n"
        "s3 (continued from s2)\n"
        "└── s4\n"
        "    └── s5\n"
        "        └── s6 (continued below)\n"
        "s6 (continued from s5)\n"
        "└── s2 (cycle)")


def test_a_later_root_points_above_into_a_continued_block(monkeypatch):
    from segquery.workspace import render
    monkeypatch.setattr(render, "MAX_INDENT", 2)
    workspace = workspace_of(a="SEGMENT(b)", b="SEGMENT(c)", c="SEGMENT(d)", d=LEAF, x="SEGMENT(d)")
    assert render.render_tree(workspace) == (
        "a\n"
        "└── b\n"
        "    └── c (continued below)\n"
        "c (continued from b)\n"
        "└── d\n"
        "x\n"
        "└── d (see above)")


# ---------------------------------------------------------------- properties on random workspaces

@st.composite
def random_graphs(draw) -> dict[int, list[int]]:
    count = draw(st.integers(1, 9))
    targets = st.lists(st.integers(0, count - 1), max_size=4)
    return {node: draw(targets) for node in range(count)}


@st.composite
def random_dags(draw) -> dict[int, list[int]]:
    """Acyclic: each node references only nodes with a higher number (diamonds and repeats allowed)."""
    count = draw(st.integers(1, 9))
    return {node: draw(st.lists(st.integers(node + 1, count - 1), max_size=4)) if node < count - 1 else []
            for node in range(count)}


def _name(node: int) -> str:
    return f"s{node}"


def _workspace(edges: dict[int, list[int]]):
    queries = {}
    for node, targets in edges.items():
        if not targets:
            queries[_name(node)] = LEAF
        else:
            parts = [f"SEGMENT({_name(targets[0])})"]
            for position, target in enumerate(targets[1:]):
                parts.append(f"{OPERATORS[position % 3]} SEGMENT({_name(target)})")
            queries[_name(node)] = " ".join(parts)
    return workspace_of(**queries)


def _reach(edges: dict[int, list[int]], start: int) -> set[int]:
    """Brute force: nodes reachable from start through one edge or more."""
    found: set[int] = set()
    frontier = set(edges[start])
    while frontier:
        found |= frontier
        frontier = {t for node in frontier for t in edges[node]} - found
    return found


def _components(edges: dict[int, list[int]]) -> list[set[int]]:
    """Brute force: nodes that reach each other, for groups of two or more."""
    reach = {node: _reach(edges, node) for node in edges}
    groups = {frozenset({node} | {other for other in edges if other in reach[node] and node in reach[other]})
              for node in edges}
    return [set(group) for group in groups if len(group) > 1]


@settings(max_examples=60, deadline=None)
@given(st.one_of(random_graphs(), random_dags()))
def test_order_respects_every_edge_or_reports_the_cycles(edges):
    workspace = _workspace(edges)
    has_cycle = any(node in _reach(edges, node) for node in edges)
    try:
        order = workspace.order()
        reverse = workspace.order(reverse=True)
    except CycleError:
        assert has_cycle
        return
    assert not has_cycle
    assert sorted(order) == sorted(reverse) == sorted(_name(node) for node in edges)
    for node, targets in edges.items():
        for target in targets:
            assert order.index(_name(node)) > order.index(_name(target))
            assert reverse.index(_name(node)) < reverse.index(_name(target))


@settings(max_examples=60, deadline=None)
@given(random_graphs())
def test_every_cycle_is_reported_exactly_once_per_component(edges):
    workspace = _workspace(edges)
    diagnostics = [d for path in workspace.files for d in workspace.diagnostics_for(path)]
    reported = [set(int(name) for name in re.findall(r"`s(\d+)`", d.message))
                for d in diagnostics if d.code == "W002"]
    expected = _components(edges)
    assert sorted(map(sorted, reported)) == sorted(map(sorted, expected))
    self_references = sum(targets.count(node) for node, targets in edges.items())
    assert sum(d.code == "W003" for d in diagnostics) == self_references


@settings(max_examples=60, deadline=None)
@given(random_graphs())
def test_dependents_equal_brute_force_reachability(edges):
    workspace = _workspace(edges)
    for node in edges:
        expected = sorted(_name(other) for other in edges if node in _reach(edges, other))
        assert workspace.dependents(_name(node)) == expected
        direct = sorted({_name(other) for other in edges if node in edges[other]})
        assert workspace.dependents(_name(node), transitive=False) == direct


@settings(max_examples=40, deadline=None)
@given(st.one_of(random_graphs(), random_dags()))
def test_expanding_an_acyclic_segment_gives_a_query_that_parses_and_validates(edges):
    workspace = _workspace(edges)
    for node in edges:
        if any(other in _reach(edges, other) for other in _reach(edges, node) | {node}):
            continue
        text = workspace.expand(_name(node))
        result = parse_tolerant(text)
        assert result.ok, (text, result.diagnostics)
        assert not has_errors(validate(result.query, result.source)), text
        assert "SEGMENT(" not in text
