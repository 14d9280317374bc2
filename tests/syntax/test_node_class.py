"""`node_class` makes each syntax tree class as `dataclass(frozen=True, kw_only=True, slots=True)`
makes it: the classes of segquery/syntax/ast.py are compared with those the same module's
source gives under the dataclass decorator, class by class and on the nodes of real trees."""

from __future__ import annotations

import copy
import dataclasses
import enum
import importlib.util
import inspect
import pickle
import sys
from pathlib import Path

import pytest

from segquery.syntax import ast, node_class as node_class_module
from segquery.syntax.builder import RawCall
from segquery.syntax.construct import constructor
from segquery.syntax.node_class import node_class
from segquery.syntax.parser import parse_tolerant

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from strategies import EXAMPLE_TEXTS  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CLASSES = sorted(name for name, value in vars(ast).items() if isinstance(value, type) and issubclass(value, ast.Node))


@pytest.fixture(scope="module")
def reference():
    """segquery/syntax/ast.py executed again with `node_class` being the dataclass decorator."""
    spec = importlib.util.spec_from_file_location("reference_ast", ROOT / "segquery" / "syntax" / "ast.py")
    module = importlib.util.module_from_spec(spec)
    original = node_class_module.node_class
    node_class_module.node_class = dataclasses.dataclass(frozen=True, kw_only=True, slots=True)
    sys.modules["reference_ast"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        node_class_module.node_class = original
    yield module
    del sys.modules["reference_ast"]


def tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_node_code_is_fresh_and_every_node_class_uses_it():
    generated = (ROOT / "segquery" / "syntax" / "node_code.py").read_text(encoding="utf-8")
    assert generated == tool("gen_node_code").render(), "stale: run python tools/gen_node_code.py"
    for name in CLASSES:
        assert getattr(ast, name).__init__.__code__.co_filename.endswith("node_code.py"), name
        assert constructor(getattr(ast, name)).__code__.co_filename.endswith("node_code.py"), name
    for kind in (ast.Span, RawCall):
        assert constructor(kind).__code__.co_filename.endswith("node_code.py"), kind


def field_facts(item: dataclasses.Field) -> tuple:
    return (item.name, item.type, repr(item.default), item.default_factory, item.init, item.repr, item.hash,
            item.compare, dict(item.metadata), item.kw_only, item._field_type)


@pytest.mark.parametrize("name", CLASSES)
def test_the_class_is_the_dataclass(name, reference):
    made, expected = getattr(ast, name), getattr(reference, name)
    assert [field_facts(item) for item in made.__dataclass_fields__.values()] == \
           [field_facts(item) for item in expected.__dataclass_fields__.values()]
    assert repr(made.__dataclass_params__) == repr(expected.__dataclass_params__)
    assert dataclasses.is_dataclass(made)
    assert sorted(vars(made)) == sorted(vars(expected))
    for attribute in ("__slots__", "__match_args__", "__doc__", "__qualname__", "kind"):
        assert getattr(made, attribute) == getattr(expected, attribute), attribute
    assert str(inspect.signature(made)) == str(inspect.signature(expected))
    for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(made, method).__qualname__ == getattr(expected, method).__qualname__, method
        assert getattr(made, method).__module__ == "segquery.syntax.ast", method
        assert getattr(expected, method).__module__ == "reference_ast", method
    assert made.__init__.__annotations__ == expected.__init__.__annotations__
    assert made.__init__.__kwdefaults__ == expected.__init__.__kwdefaults__
    assert made.__getstate__ is expected.__getstate__ and made.__setstate__ is expected.__setstate__
    assert [base.__name__ for base in made.__mro__] == [base.__name__ for base in expected.__mro__]


def twin(value, reference):
    """The same value made of the reference module's classes."""
    if isinstance(value, ast.Node):
        kind = getattr(reference, type(value).__name__)
        return kind(**{item.name: twin(getattr(value, item.name), reference) for item in dataclasses.fields(value)})
    if isinstance(value, enum.Enum):
        return getattr(reference, type(value).__name__)[value.name]
    if isinstance(value, tuple):
        return tuple(twin(element, reference) for element in value)
    return value


def example_nodes() -> list[ast.Node]:
    nodes = []
    for text in EXAMPLE_TEXTS:
        query = parse_tolerant(text).query
        if query is not None:
            nodes += list(ast.walk(query)) + list(query.comments)
    return nodes


def outcome(call):
    """What a call gives: the repr of its value, or its exception's type and message."""
    try:
        return ("returned", repr(call()))
    except Exception as error:  # noqa: BLE001 - the exception is what is compared
        return (type(error).__name__, str(error))


def test_nodes_behave_as_the_dataclass_s(reference):
    nodes = example_nodes()
    assert {type(node).__name__ for node in nodes} >= {"Chain", "Filter", "Comparison", "Attribute", "Comment"}
    twins = [twin(node, reference) for node in nodes]
    for node, other in zip(nodes, twins):
        assert repr(node) == repr(other)
        assert hash(node) == hash(other)
        assert twin(tuple(node.__getstate__()), reference) == tuple(other.__getstate__())
        assert pickle.loads(pickle.dumps(node)) == node
        assert copy.deepcopy(node) == node and copy.copy(node) == node
        for item in dataclasses.fields(node):
            assert outcome(lambda: setattr(node, item.name, None)) == outcome(lambda: setattr(other, item.name, None))
            assert outcome(lambda: delattr(node, item.name)) == outcome(lambda: delattr(other, item.name))
        assert outcome(lambda: setattr(node, "other", 1)) == outcome(lambda: setattr(other, "other", 1))
        assert outcome(lambda: node.__dict__) == outcome(lambda: other.__dict__)
        moved = dataclasses.replace(node, span=ast.Span(1, 2))
        assert moved == node and moved.span == ast.Span(1, 2) and type(moved) is type(node)
    # Equality among the nodes of the examples, pair by pair, as the dataclass's (a sample of the pairs).
    for first, first_twin in zip(nodes[::7], twins[::7]):
        for second, second_twin in zip(nodes[::11], twins[::11]):
            assert (first == second) == (first_twin == second_twin)
            assert (first != second) == (first_twin != second_twin)
        assert (first == "text") == (first_twin == "text")


@pytest.mark.parametrize("name", CLASSES)
def test_the_constructor_checks_its_arguments_as_the_dataclass_s(name, reference):
    made, expected = getattr(ast, name), getattr(reference, name)
    assert outcome(lambda: made()) == outcome(lambda: expected())
    assert outcome(lambda: made(1)) == outcome(lambda: expected(1))
    assert outcome(lambda: made(unknown=1)) == outcome(lambda: expected(unknown=1))
    required = {item.name: None for item in dataclasses.fields(made) if item.default is dataclasses.MISSING}
    assert repr(made(**required)) == repr(expected(**required))


def test_a_class_outside_the_generated_shapes_is_made_by_dataclass():
    @node_class
    class Unusual(ast.Node):
        weight: float = 1.0

    assert not Unusual.__init__.__code__.co_filename.endswith("node_code.py")
    assert Unusual(weight=2.0) == Unusual(weight=2.0, span=ast.Span(3, 4))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Unusual().weight = 3.0
    made = constructor(Unusual)  # compiled here: no generated constructor has its shape
    assert not made.__code__.co_filename.endswith("node_code.py")
    assert made(weight=2.0) == Unusual(weight=2.0) and made().span == ast.NO_SPAN
