"""`node_class`: `dataclass(frozen=True, kw_only=True, slots=True)` without compiling methods at import.

The dataclass machinery writes the source of six methods per class and compiles each
(`exec`): for the syntax tree's 43 classes that is most of the 20-30 ms its module took
to import, on every start of the command line. `node_class` makes the same class:

- `__init__`, whose signature is the class's own, is compiled ahead of time into
  segquery/syntax/node_code.py (`python tools/gen_node_code.py`), one per shape of
  fields (names, annotations, which have defaults);
- `__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__` do what the
  generated methods do, over the field names (closures: nothing to compile);
- the fields, `__dataclass_params__`, `__match_args__`, `__doc__`, the slots and the
  pickling methods are made as `dataclasses` makes them.

A class outside that case (a shape not generated yet, a `__post_init__`, a default
factory, a method of its own among those above) is made by `dataclasses.dataclass`
itself, as is every class when this Python's `dataclasses` lacks a part used here.
tests/syntax/test_node_class.py compares every node class with the dataclass made from
the same body, and checks that node_code.py is fresh.
"""

from __future__ import annotations

import abc
import dataclasses
import inspect
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from operator import attrgetter
from typing import Any, Callable, TypeVar, dataclass_transform

from segquery.syntax.node_code import INITS

T = TypeVar("T")
# A field: (name, annotation as written, has a default). A class's shape is its fields in order.
Shape = tuple[tuple[str, str, bool], ...]

_reference = dataclass(frozen=True, kw_only=True, slots=True)
# The methods node_class makes; a class that defines one itself goes to `dataclass`.
_MADE = frozenset({"__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__getstate__",
                   "__setstate__", "__match_args__", "__slots__", "__post_init__"})
# The parts of `dataclasses` that are not public but that a class must have to be one.
_get_field: Any = getattr(dataclasses, "_get_field", None)
_FIELD: Any = getattr(dataclasses, "_FIELD", None)
_getstate: Any = getattr(dataclasses, "_dataclass_getstate", None)
_setstate: Any = getattr(dataclasses, "_dataclass_setstate", None)
_recursive_repr: Any = getattr(dataclasses, "_recursive_repr", None)
_Params: Any = getattr(dataclasses, "_DataclassParams", None)
_AVAILABLE = None not in (_get_field, _FIELD, _getstate, _setstate, _recursive_repr, _Params)
_PARAMS = dict(init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=True, match_args=True,
               kw_only=True, slots=True, weakref_slot=False)


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(field, Field))
def node_class(cls: type[T]) -> type[T]:
    """`cls` as `@dataclass(frozen=True, kw_only=True, slots=True)` makes it (see the module's docstring)."""
    made = _made_here(cls) if _AVAILABLE and not _MADE & vars(cls).keys() else None
    return made if made is not None else _reference(cls)


def shape_of(fields: list[Field]) -> Shape | None:
    """The shape of a class with these init fields, or None when its `__init__` is not one
    node_code.py can have (a default factory, a field that is not keyword-only or not
    given to `__init__`, an annotation that is not a string, a name like the code's own)."""
    shape = []
    for item in fields:
        if not item.init or not item.kw_only or item.default_factory is not MISSING \
                or not isinstance(item.type, str) or item.name.startswith("_") or item.name == "self":
            return None
        shape.append((item.name, item.type, item.default is not MISSING))
    return tuple(shape)


def init_source(shape: Shape, name: str) -> str:
    """The source of a function `name` that takes `object.__setattr__` (`_setattr`) and the
    defaults (`_dflt_<field>`) and returns the `__init__` of that shape: what `dataclass`
    writes for keyword-only fields of a frozen class. The annotations are the strings the
    class has (the source must be compiled without `from __future__ import annotations`)."""
    defaults = [f"_dflt_{field_name}" for field_name, _, has_default in shape if has_default]
    parameters = [f"{field_name}: {annotation!r}" + (f" = _dflt_{field_name}" if has_default else "")
                  for field_name, annotation, has_default in shape]
    signature = ", ".join(["self", *(["*", *parameters] if parameters else [])])
    body = [f"        _setattr(self, {field_name!r}, {field_name})\n" for field_name, _, _ in shape] or ["        pass\n"]
    return (f"def {name}({', '.join(['_setattr', *defaults])}):\n"
            f"    def __init__({signature}) -> None:\n" + "".join(body) +
            "    return __init__\n")


def _made_here(cls: type) -> type | None:
    fields: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        inherited = base.__dict__.get("__dataclass_fields__")
        if inherited is not None:
            if not base.__dataclass_params__.frozen:  # type: ignore[attr-defined]
                return None
            fields.update((item.name, item) for item in inherited.values())
    annotations = cls.__dict__.get("__annotations__", {})
    if any(not isinstance(annotation, str) or "KW_ONLY" in annotation or "InitVar" in annotation
           for annotation in annotations.values()):
        return None
    own = [_get_field(cls, name, annotation, True) for name, annotation in annotations.items()]
    for item in own:
        fields[item.name] = item
    instance_fields = [item for item in fields.values() if item._field_type is _FIELD]  # type: ignore[attr-defined]
    shape = shape_of(instance_fields)
    make_init: Callable[..., Callable] | None = INITS.get(shape) if shape is not None else None
    if make_init is None or hasattr(cls, "__post_init__"):
        return None
    for item in own:  # the class attributes that held defaults, as dataclass leaves them
        if isinstance(cls.__dict__.get(item.name), Field):
            if item.default is MISSING:
                delattr(cls, item.name)
            else:
                setattr(cls, item.name, item.default)
    cls.__dataclass_params__ = _params()  # type: ignore[attr-defined]
    cls.__dataclass_fields__ = fields  # type: ignore[attr-defined]
    names = tuple(item.name for item in instance_fields)
    compared = tuple(item.name for item in instance_fields if item.compare)
    hashed = tuple(item.name for item in instance_fields if (item.compare if item.hash is None else item.hash))
    methods: dict[str, Callable] = {
        "__init__": make_init(object.__setattr__, *(item.default for item in instance_fields
                                                    if item.default is not MISSING)),
        "__repr__": _repr_method(tuple(item.name for item in instance_fields if item.repr)),
        "__eq__": _eq_method(compared),
        "__setattr__": _setattr_method(cls, frozenset(names)),
        "__delattr__": _delattr_method(cls, frozenset(names)),
    }
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        method.__module__ = cls.__module__
        setattr(cls, name, method)
    cls.__hash__ = _hash_method(hashed)  # type: ignore[assignment]
    cls.__hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    cls.__hash__.__module__ = cls.__module__
    if not cls.__doc__:
        cls.__doc__ = cls.__name__ + _signature_text(instance_fields)
    setattr(cls, "__match_args__", ())  # every field is keyword-only
    slotted = _with_slots(cls, names)
    abc.update_abstractmethods(slotted)
    return slotted


def _params() -> Any:
    """`__dataclass_params__` for these options, with the arguments this Python's dataclasses take."""
    global _PARAMS_NAMES
    if _PARAMS_NAMES is None:
        _PARAMS_NAMES = tuple(inspect.signature(_Params).parameters)
    return _Params(**{name: _PARAMS[name] for name in _PARAMS_NAMES})


_PARAMS_NAMES: tuple[str, ...] | None = None


def _signature_text(fields: list[Field]) -> str:
    """`str(inspect.signature(cls))` of a class whose `__init__` takes these keyword-only
    fields, without ` -> None` (dataclass's docstring for a class without one)."""
    if not fields:
        return "()"
    return "(*, " + ", ".join(f"{item.name}: {item.type!r}" + ("" if item.default is MISSING else
                                                                f" = {item.default!r}")
                              for item in fields) + ")"


def _with_slots(cls: type, names: tuple[str, ...]) -> type:
    """The class made again with slots for its own fields, as `dataclass(slots=True)` makes it."""
    namespace = dict(cls.__dict__)
    inherited = {slot for base in cls.__mro__[1:-1] for slot in base.__dict__.get("__slots__", ())}
    namespace["__slots__"] = tuple(name for name in names if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = cls.__qualname__
    slotted = type(cls)(cls.__name__, cls.__bases__, namespace)
    slotted.__qualname__ = qualname
    setattr(slotted, "__getstate__", _getstate)
    setattr(slotted, "__setstate__", _setstate)
    return slotted


def _repr_method(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        return self.__class__.__qualname__ + "(" + ", ".join(f"{name}={getattr(self, name)!r}"
                                                             for name in names) + ")"

    return _recursive_repr(__repr__)


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The tuple of the fields `names` of an object (the tuple the dataclass methods compare and hash)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        (name,) = names
        return lambda self: (getattr(self, name),)
    return attrgetter(*names)


def _eq_method(names: tuple[str, ...]) -> Callable[[Any, Any], Any]:
    values = _values(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash_method(names: tuple[str, ...]) -> Callable[[Any], int]:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _setattr_method(cls: Any, names: frozenset[str]) -> Callable[[Any, str, Any], None]:
    # `cls` is the class before slots are added, as in the method dataclass writes.
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _delattr_method(cls: Any, names: frozenset[str]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
