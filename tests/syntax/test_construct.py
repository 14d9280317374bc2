"""The builder's constructors (segquery/syntax/construct.py) make the very objects the
dataclass __init__ makes: same class, every field (those equality leaves out too), equal,
same hash, still frozen; the same arguments are required and defaults are the same."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings, strategies as st

from segquery.source import SourceText, Span
from segquery.syntax import ast
from segquery.syntax.builder import RawCall, new, new_raw_call, new_span
from segquery.syntax.construct import constructor

NODE_CLASSES = sorted((kind for kind in vars(ast).values() if isinstance(kind, type) and issubclass(kind, ast.Node)),
                      key=lambda kind: kind.__name__)
CLASSES = [*NODE_CLASSES, Span, RawCall]


def every_field(made: object) -> list[tuple[str, object]]:
    return [(item.name, getattr(made, item.name)) for item in dataclasses.fields(made)]  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", CLASSES, ids=lambda kind: kind.__name__)
@settings(max_examples=max(settings().max_examples // 4, 1))
@given(data=st.data())
def test_constructor_makes_what_the_class_makes(kind: type, data: st.DataObject) -> None:
    fields = dataclasses.fields(kind)
    optional = [item.name for item in fields if item.default is not dataclasses.MISSING]
    given_names = {item.name for item in fields if item.default is dataclasses.MISSING}
    given_names |= set(data.draw(st.lists(st.sampled_from(optional), unique=True)) if optional else [])
    # Hashable values of several kinds stand for children, names and offsets: fields take any value.
    values = st.one_of(st.integers(), st.text(max_size=3), st.none(), st.tuples(st.integers()))
    arguments = {name: data.draw(values, label=name) for name in sorted(given_names)}
    made = constructor(kind)(**arguments)
    reference = kind(**arguments)
    assert type(made) is kind
    assert every_field(made) == every_field(reference)
    assert made == reference and hash(made) == hash(reference)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, None)


@pytest.mark.parametrize("kind", CLASSES, ids=lambda kind: kind.__name__)
def test_constructor_requires_what_the_class_requires(kind: type) -> None:
    required = [item.name for item in dataclasses.fields(kind) if item.default is dataclasses.MISSING]
    for missing in required:
        with pytest.raises(TypeError):
            constructor(kind)(**{name: 0 for name in required if name != missing})
    with pytest.raises(TypeError):
        constructor(kind)(**{name: 0 for name in required}, unknown=0)


def test_positional_fields_stay_positional() -> None:
    assert new_span(3, 5) == Span(3, 5) and new_span(start=3, end=5) == Span(3, 5)
    identifier = new.Identifier(name="x", span=new_span(0, 1))
    assert new_raw_call(identifier, (), new_span(0, 3)) == RawCall(identifier, (), Span(0, 3))
    with pytest.raises(TypeError):
        new.Identifier("x")  # keyword-only, as the class


def test_the_builder_has_one_for_every_node_class() -> None:
    assert {kind.__name__ for kind in NODE_CLASSES} <= set(vars(new))
    assert all(vars(new)[kind.__name__] is not kind for kind in NODE_CLASSES)


def test_classes_it_cannot_make_are_left_to_their_init() -> None:
    assert constructor(SourceText) is SourceText  # a field set by __post_init__

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    assert constructor(WithFactory) is WithFactory
    assert constructor(int) is int
