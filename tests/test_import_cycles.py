"""No module of segquery imports, even lazily, a module that imports it back.

Imports are collected with `ast` from every statement, including those inside
functions, so a lazy import that closes a circle is caught as well. Imports under
`if TYPE_CHECKING:` are left out: they never run, they only inform type checkers."""

from __future__ import annotations

import ast
from pathlib import Path

import segquery

ROOT = Path(segquery.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in ROOT.rglob("*.py")}


def _resolve(target: str, modules: dict[str, Path]) -> str | None:
    """The segquery module a dotted name lands in (a package, or the module that defines a name)."""
    while target:
        if target in modules:
            return target
        target = target.rpartition(".")[0]
    return None


def _runtime_nodes(tree: ast.AST, module_level_only: bool = False):
    """Every node of `tree` except the bodies of `if TYPE_CHECKING:` blocks (and of functions,
    with `module_level_only`)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        if module_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def import_graph(*, module_level_only: bool = False) -> dict[str, set[str]]:
    """module -> the segquery modules it imports anywhere in its text (or, with
    `module_level_only`, outside functions: what runs when it is loaded)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Names imported by string are loaded on first use, never when the module loads.
        by_name = not module_level_only and _imports_by_name(tree)
        for node in _runtime_nodes(tree, module_level_only):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[:len(anchor) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                # `from package import submodule` runs the submodule; `from module import name`
                # runs the module.
                targets = [f"{base}.{alias.name}" for alias in node.names]
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and by_name:
                # A module that imports by name (`importlib.import_module`, a lazy export table)
                # imports every segquery module whose name it spells out.
                targets = [node.value] if node.value in modules else []
            for target in targets:
                if target.startswith("segquery"):
                    resolved = _resolve(target, modules)
                    if resolved is not None and resolved != name:
                        edges.add(resolved)
        graph[name] = edges
    return graph


def _imports_by_name(tree: ast.AST) -> bool:
    return any(isinstance(node, ast.Name | ast.Attribute) and
               (node.id if isinstance(node, ast.Name) else node.attr) in ("import_module", "lazy_exports")
               for node in ast.walk(tree))


def load_graph() -> dict[str, set[str]]:
    """module -> what loading it runs: its module-level imports, and the packages above each of
    them (importing `a.b.c` runs `a/__init__` and `a/b/__init__` first), except its own."""
    graph = import_graph(module_level_only=True)
    loads: dict[str, set[str]] = {}
    for name, targets in graph.items():
        loads[name] = set(targets)
        for target in targets:
            parts = target.split(".")
            for end in range(1, len(parts)):
                package = ".".join(parts[:end])
                if package in graph and not name.startswith(package + "."):
                    loads[name].add(package)
    return loads


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for child in sorted(graph[node]):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in on_stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_collector_sees_lazy_imports_and_circles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import x\nelse:\n    import y\n"
    seen = {alias.name for node in _runtime_nodes(ast.parse(source)) if isinstance(node, ast.Import)
            for alias in node.names}
    assert seen == {"y"}


def test_no_module_imports_a_module_that_imports_it_back():
    assert cycles(import_graph()) == []


def test_loading_any_module_never_comes_back_to_it_through_a_package():
    """What runs on `import`: a module's own module-level imports and the `__init__` of every
    package above what it imports. A package that imported its modules eagerly, one of which
    imported a module of another package that came back, would close a circle here."""
    assert cycles(load_graph()) == []


def test_the_load_graph_counts_the_packages_above_an_import():
    graph = load_graph()
    assert "segquery.syntax" in graph["segquery.lint.context"]
    assert "segquery.lint" not in graph["segquery.lint.context"]   # its own package is already loading


def test_names_imported_by_string_are_imports():
    graph = import_graph()
    assert "segquery.cli.check_cmd" in graph["segquery.cli"]
    assert "segquery.syntax.parser" in graph["segquery.syntax"]
