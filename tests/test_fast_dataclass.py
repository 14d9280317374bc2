"""segquery.fast_dataclass makes each class as `dataclasses.dataclass` makes it, with the
methods compiled ahead of time (segquery/dataclass_code.py): every dataclass of the package
is compared with the one the standard decorator makes in a process where no generated
method is used, and the syntax tree is also compared on the nodes of real trees."""

from __future__ import annotations

import copy
import dataclasses
import enum
import importlib.util
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from segquery import fast_dataclass
from segquery.fast_dataclass import dataclass
from segquery.syntax import ast
from segquery.syntax.builder import RawCall
from segquery.syntax.construct import constructor
from segquery.syntax.parser import parse_tolerant

sys.path.insert(0, str(Path(__file__).resolve().parent))
from strategies import EXAMPLE_TEXTS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NODE_CLASSES = sorted(name for name, value in vars(ast).items()
                      if isinstance(value, type) and issubclass(value, ast.Node))

# Every dataclass of the package, described by what a user of it can see: its fields and
# parameters, its attributes, signature and docstring, and what its methods do with instances
# made from distinct placeholder arguments. With "reference", no generated method is used.
DESCRIBE = r'''
import copy, dataclasses, importlib, inspect, json, pickle, pkgutil, sys
if sys.argv[1] == "reference":
    import segquery.dataclass_code
    segquery.dataclass_code.INITS.clear()
import segquery
from segquery import fast_dataclass

def outcome(call):
    try:
        return ["returned", repr(call())]
    except Exception as error:
        return [type(error).__name__, str(error)]

def describe(cls):
    facts = {}
    facts["fields"] = [[f.name, repr(f.type), repr(f.default), repr(f.default_factory), f.init, f.repr, f.hash,
                        f.compare, repr(f.metadata), repr(f.kw_only), repr(f._field_type)]
                       for f in cls.__dataclass_fields__.values()]
    facts["params"] = repr(cls.__dataclass_params__)
    facts["attributes"] = sorted(vars(cls))
    for name in ("__slots__", "__match_args__", "__doc__", "__qualname__"):
        facts[name] = repr(cls.__dict__.get(name))
    facts["__hash__ attribute"] = ("inherited" if "__hash__" not in vars(cls) else
                                   "None" if cls.__hash__ is None else "a method")
    facts["signature"] = outcome(lambda: str(inspect.signature(cls)))
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        method = cls.__dict__.get(name)
        if method is not None:
            facts[name] = [method.__qualname__, method.__module__]
    init = cls.__init__
    facts["init"] = [repr(getattr(init, "__annotations__", None)), repr(getattr(init, "__defaults__", None)),
                     repr(getattr(init, "__kwdefaults__", None))]
    required = [f for f in dataclasses.fields(cls) if f.init and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]
    def make(offset):
        positional = [index + offset for index, f in enumerate(required) if not f.kw_only]
        keyword = {f.name: index + offset for index, f in enumerate(required) if f.kw_only}
        return cls(*positional, **keyword)
    facts["made"] = outcome(lambda: make(0))
    try:
        first, second, other = make(0), make(0), make(100)
    except Exception:
        return facts
    facts["eq"] = [outcome(lambda: first == second), outcome(lambda: first == other), outcome(lambda: first != 1)]
    hashed = tuple(getattr(first, f.name) for f in dataclasses.fields(cls) if (f.compare if f.hash is None else f.hash))
    facts["hash"] = [outcome(lambda: hash(first) == hash(second)), outcome(lambda: hash(first) == hash(hashed))]
    names = [f.name for f in dataclasses.fields(cls)]
    for name in names[:1] + ["other_name"]:
        facts["set " + name] = outcome(lambda: setattr(copy.copy(first), name, 1))
        facts["del " + name] = outcome(lambda: delattr(copy.copy(first), name))
    facts["pickled"] = outcome(lambda: pickle.loads(pickle.dumps(first)) == first)
    facts["replaced"] = outcome(lambda: dataclasses.replace(first) == first)
    return facts

for info in pkgutil.walk_packages(segquery.__path__, "segquery."):
    try:
        importlib.import_module(info.name)
    except ImportError:
        pass
found = {}
for name, module in sorted(sys.modules.items()):
    if not name.startswith("segquery."):
        continue
    for value in list(vars(module).values()):
        if isinstance(value, type) and value.__module__ == name and "__dataclass_fields__" in vars(value):
            found[f"{name}.{value.__qualname__}"] = describe(value)
print(json.dumps(found))
'''


def described(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", DESCRIBE, mode], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}, cwd=ROOT)
    # Objects without a repr of their own show their address, which differs from one process to the next.
    return json.loads(re.sub(r" at 0x[0-9a-f]+", " at 0x...", done.stdout.splitlines()[-1]))


def test_the_generated_code_is_fresh():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_dataclass_code.py"), "--check"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr


def test_every_dataclass_of_the_package_is_the_standard_one():
    made, reference = described("generated"), described("reference")
    assert sorted(made) == sorted(reference)
    assert len(made) > 150
    for name in sorted(made):
        assert made[name] == reference[name], name


def test_the_classes_use_the_generated_code():
    for name in NODE_CLASSES:
        assert getattr(ast, name).__init__.__code__.co_filename.endswith("dataclass_code.py"), name
        assert constructor(getattr(ast, name)).__code__.co_filename.endswith("dataclass_code.py"), name
    for kind in (ast.Span, RawCall):
        assert kind.__init__.__code__.co_filename.endswith("dataclass_code.py"), kind
        assert constructor(kind).__code__.co_filename.endswith("dataclass_code.py"), kind


# ---------------------------------------------------------------- the syntax tree on real trees


@pytest.fixture(scope="module")
def reference():
    """segquery/syntax/ast.py executed again with the standard dataclass decorator."""
    spec = importlib.util.spec_from_file_location("reference_ast", ROOT / "segquery" / "syntax" / "ast.py")
    module = importlib.util.module_from_spec(spec)
    original = fast_dataclass.dataclass
    fast_dataclass.dataclass = dataclasses.dataclass
    sys.modules["reference_ast"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        fast_dataclass.dataclass = original
    yield module
    del sys.modules["reference_ast"]


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


def outcome(call):
    """What a call gives: the repr of its value, or its exception's type and message."""
    try:
        return ("returned", repr(call()))
    except Exception as error:  # noqa: BLE001 - the exception is what is compared
        return (type(error).__name__, str(error))


def test_tree_nodes_behave_as_the_standard_dataclass_s(reference):
    nodes = []
    for text in EXAMPLE_TEXTS:
        query = parse_tolerant(text).query
        if query is not None:
            nodes += list(ast.walk(query)) + list(query.comments)
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
        moved = dataclasses.replace(node, span=ast.Span(1, 2))
        assert moved == node and moved.span == ast.Span(1, 2) and type(moved) is type(node)
    # Equality among the nodes of the examples, pair by pair, as the dataclass's (a sample of the pairs).
    for first, first_twin in zip(nodes[::7], twins[::7]):
        for second, second_twin in zip(nodes[::11], twins[::11]):
            assert (first == second) == (first_twin == second_twin)
            assert (first != second) == (first_twin != second_twin)


@pytest.mark.parametrize("name", NODE_CLASSES)
def test_tree_constructors_check_their_arguments_as_the_standard_dataclass_s(name, reference):
    made, expected = getattr(ast, name), getattr(reference, name)
    assert outcome(lambda: made()) == outcome(lambda: expected())
    assert outcome(lambda: made(1)) == outcome(lambda: expected(1))
    assert outcome(lambda: made(unknown=1)) == outcome(lambda: expected(unknown=1))
    required = {item.name: None for item in dataclasses.fields(made) if item.default is dataclasses.MISSING}
    assert repr(made(**required)) == repr(expected(**required))


def test_a_class_of_a_shape_not_generated_is_made_by_the_standard_decorator():
    @dataclass(frozen=True, kw_only=True, slots=True)
    class Unusual(ast.Node):
        weight: float = 1.0

    assert not Unusual.__init__.__code__.co_filename.endswith("dataclass_code.py")
    assert Unusual(weight=2.0) == Unusual(weight=2.0, span=ast.Span(3, 4))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Unusual().weight = 3.0
    made = constructor(Unusual)  # compiled here: no generated constructor has its shape
    assert not made.__code__.co_filename.endswith("dataclass_code.py")
    assert made(weight=2.0) == Unusual(weight=2.0) and made().span == ast.NO_SPAN
