"""Constructors for frozen, slotted dataclasses that skip the dataclass __init__.

A frozen dataclass's __init__ is called through `type.__call__` with its keywords
gathered in a dict, and stores each field with `object.__setattr__`, which looks the
field up by name. The parser makes about 64 nodes and spans per query, so those costs
are a large part of its time. `constructor(cls)` gives a function with the same
parameters that makes the object with `object.__new__` and the slots' own setters:
the result is the same object (same class, fields, equality, hash, immutability);
tests/syntax/test_construct.py proves it for every node class and `Span`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def constructor(cls: type[T]) -> Callable[..., T]:
    """A function that takes `cls`'s arguments and returns what `cls(...)` returns.
    `cls` itself when it is not a slotted dataclass whose fields are all set by __init__
    from plain defaults (a default factory or __post_init__ needs the real __init__; a field
    named like the function's own locals, `_...`, is left to it too)."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in vars(cls) or hasattr(cls, "__post_init__"):
        return cls
    fields = dataclasses.fields(cls)
    if any(not item.init or item.default_factory is not dataclasses.MISSING or item.name.startswith("_")
           for item in fields):
        return cls
    bound: dict[str, Any] = {"_cls": cls, "_new": object.__new__}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for index, item in enumerate(fields):
        bound[f"_set{index}"] = getattr(cls, item.name).__set__  # the slot's own setter
        parameter = item.name
        if item.default is not dataclasses.MISSING:
            bound[f"_default{index}"] = item.default
            parameter += f"=_default{index}"
        (keyword if item.kw_only else positional).append(parameter)
        body.append(f"    _set{index}(_object, {item.name})\n")
    parameters = ", ".join(positional + (["*"] + keyword if keyword else []))
    made: Callable[..., T] = compiled(cls.__name__, parameters,
                                      ["    _object = _new(_cls)\n", *body, "    return _object\n"], bound)
    made.__qualname__ = f"constructor({cls.__qualname__})"
    return made


def compiled(name: str, parameters: str, body: list[str], bound: dict[str, Any]) -> Callable[..., Any]:
    """The function `name(parameters)` whose body is `body` (lines indented by four spaces),
    reading the values of `bound` as variables of an enclosing function (as fast as locals)."""
    source = (f"def _make({', '.join(bound)}):\n"
              f"  def {name}({parameters}):\n" + "".join(body) +
              f"  return {name}\n")
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # noqa: S102 - the callers make the text from a dataclass's field names
    return namespace["_make"](**bound)
