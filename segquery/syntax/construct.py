"""Constructors for frozen, slotted dataclasses that skip the dataclass __init__.

A frozen dataclass's __init__ is called through `type.__call__` with its keywords
gathered in a dict, and stores each field with `object.__setattr__`, which looks the
field up by name. The parser makes about 64 nodes and spans per query, so those costs
are a large part of its time. `constructor(cls)` gives a function with the same
parameters that makes the object with `object.__new__` and the slots' own setters:
the result is the same object (same class, fields, equality, hash, immutability);
tests/syntax/test_construct.py proves it for every node class and `Span`.

The function's code is compiled ahead of time for the classes the builder makes
(segquery/dataclass_code.py, `python tools/gen_dataclass_code.py`); for another shape of
fields it is compiled here.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar

from segquery.dataclass_code import CONSTRUCTORS

T = TypeVar("T")
# A field: (name, keyword-only, has a default). A class's shape is its fields in order.
ConstructorShape = tuple[tuple[str, bool, bool], ...]


def constructor(cls: type[T]) -> Callable[..., T]:
    """A function that takes `cls`'s arguments and returns what `cls(...)` returns.
    `cls` itself when it is not a slotted dataclass whose fields are all set by __init__
    from plain defaults (a default factory or __post_init__ needs the real __init__; a field
    named like the function's own locals, `_...`, is left to it too)."""
    shape = constructor_shape(cls)
    if shape is None:
        return cls
    bound: dict[str, Any] = {"_cls": cls, "_new": object.__new__}
    for index, item in enumerate(dataclasses.fields(cls)):  # type: ignore[arg-type]  # a dataclass (shape)
        bound[f"_set{index}"] = getattr(cls, item.name).__set__  # the slot's own setter
        if item.default is not dataclasses.MISSING:
            bound[f"_default{index}"] = item.default
    factory = CONSTRUCTORS.get(shape)
    if factory is None:
        namespace: dict[str, Any] = {}
        exec(constructor_source(shape, "_make"), {}, namespace)  # noqa: S102 - the text is made from field names
        factory = namespace["_make"]
    made: Callable[..., T] = factory(**bound)
    made.__name__ = cls.__name__
    made.__qualname__ = f"constructor({cls.__qualname__})"
    return made


def constructor_shape(cls: type) -> ConstructorShape | None:
    """The shape of `cls`'s constructor, or None when `constructor` returns `cls` itself."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in vars(cls) or hasattr(cls, "__post_init__"):
        return None
    fields = dataclasses.fields(cls)
    if any(not item.init or item.default_factory is not dataclasses.MISSING or item.name.startswith("_")
           for item in fields):
        return None
    return tuple((item.name, bool(item.kw_only), item.default is not dataclasses.MISSING) for item in fields)


def constructor_source(shape: ConstructorShape, name: str) -> str:
    """The source of a function `name` that takes the class, `object.__new__`, each slot's setter
    (`_set<i>`) and default (`_default<i>`) and returns the constructor of that shape."""
    bound = ["_cls", "_new"]
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for index, (field_name, kw_only, has_default) in enumerate(shape):
        bound.append(f"_set{index}")
        parameter = field_name
        if has_default:
            bound.append(f"_default{index}")
            parameter += f"=_default{index}"
        (keyword if kw_only else positional).append(parameter)
        body.append(f"        _set{index}(_object, {field_name})\n")
    parameters = ", ".join(positional + (["*"] + keyword if keyword else []))
    return (f"def {name}({', '.join(bound)}):\n"
            f"    def constructor({parameters}):\n"
            f"        _object = _new(_cls)\n" + "".join(body) +
            f"        return _object\n"
            f"    return constructor\n")


def compiled(name: str, parameters: str, body: list[str], bound: dict[str, Any]) -> Callable[..., Any]:
    """The function `name(parameters)` whose body is `body` (lines indented by four spaces),
    reading the values of `bound` as variables of an enclosing function (as fast as locals)."""
    source = (f"def _make({', '.join(bound)}):\n"
              f"  def {name}({parameters}):\n" + "".join(body) +
              f"  return {name}\n")
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # noqa: S102 - the callers make the text from a dataclass's field names
    return namespace["_make"](**bound)
