"""`dataclass`: the standard decorator's classes, without compiling methods at import.

`dataclasses.dataclass` writes the source of up to six methods per class and compiles
each (`exec`): with the hundred-odd dataclasses a check imports, about a third of the
command line's start-up. This `dataclass` takes the same options and makes the same
class:

- `__init__`, whose signature is the class's own, is compiled ahead of time into
  segquery/dataclass_code.py (`python tools/gen_dataclass_code.py`), one per shape
  (the fields' names, annotations, defaults, keyword-only and init flags; frozen; a
  `__post_init__`), and so are `__eq__` and `__hash__`, one per tuple of the fields
  they compare (they run often: the same code as dataclass's);
- `__repr__`, `__setattr__` and `__delattr__` do what the generated methods do, over
  the field names (closures: nothing to compile);
- the fields, `__dataclass_params__`, `__match_args__`, `__doc__`, the slots and the
  pickling methods are made as `dataclasses` makes them.

A class outside that case (a shape not generated yet, `order`, `unsafe_hash`,
`weakref_slot`, `init=False`, an `InitVar` or `KW_ONLY`, a base class of another kind)
is made by `dataclasses.dataclass` itself, as is every class when this Python's
`dataclasses` lacks a part used here. tests/test_fast_dataclass.py compares every
class of the package with the one the standard decorator makes, and checks that
dataclass_code.py is fresh.
"""

from __future__ import annotations

import abc
import dataclasses
import inspect
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, Callable, TypeVar, dataclass_transform, overload

from segquery.dataclass_code import EQS, HASHES, INITS

T = TypeVar("T")
# A field: (name, annotation as written, "" / "default" / "factory", in __init__, keyword-only).
FieldShape = tuple[str, str, str, bool, bool]
# A class's shape: its fields in order, frozen, has __post_init__, slotted.
Shape = tuple[tuple[FieldShape, ...], bool, bool, bool]

# The parts of `dataclasses` that are not public but that a class must have to be one.
_get_field: Any = getattr(dataclasses, "_get_field", None)
_FIELD: Any = getattr(dataclasses, "_FIELD", None)
_HAS_DEFAULT_FACTORY: Any = getattr(dataclasses, "_HAS_DEFAULT_FACTORY", None)
_getstate: Any = getattr(dataclasses, "_dataclass_getstate", None)
_setstate: Any = getattr(dataclasses, "_dataclass_setstate", None)
_recursive_repr: Any = getattr(dataclasses, "_recursive_repr", None)
_Params: Any = getattr(dataclasses, "_DataclassParams", None)
_AVAILABLE = None not in (_get_field, _FIELD, _HAS_DEFAULT_FACTORY, _getstate, _setstate, _recursive_repr, _Params)
_PARAMS_NAMES: tuple[str, ...] | None = None
# The shapes the package's classes asked for (tools/gen_dataclass_code.py writes their __init__),
# and the fields their __eq__ and __hash__ compare.
WANTED: set[Shape] = set()
WANTED_EQS: set[tuple[str, ...]] = set()
WANTED_HASHES: set[tuple[str, ...]] = set()


@overload
def dataclass(cls: type[T], /) -> type[T]: ...


@overload
def dataclass(*, init: bool = True, repr: bool = True, eq: bool = True, order: bool = False,
              unsafe_hash: bool = False, frozen: bool = False, match_args: bool = True, kw_only: bool = False,
              slots: bool = False, weakref_slot: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def dataclass(cls: Any = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass(cls, **options)` (see the module's docstring)."""
    def wrap(cls: type) -> type:
        made = _made_here(cls, {**_DEFAULTS, **options}) if _AVAILABLE else None
        return made if made is not None else dataclasses.dataclass(cls, **options)

    return wrap if cls is None else wrap(cls)


_DEFAULTS = dict(init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                 kw_only=False, slots=False, weakref_slot=False)


def shape_of(fields: list[Field], frozen: bool, post_init: bool, slots: bool) -> Shape | None:
    """The shape of a class with these fields (`_FIELD` ones, in order), or None when its
    `__init__` is not one dataclass_code.py can have (an annotation that is not a string,
    a name like the code's own, a field without a default after one with a default)."""
    shapes: list[FieldShape] = []
    seen_default = False
    for item in fields:
        if not isinstance(item.type, str) or item.name in ("self", "_setattr", "_has_default_factory") \
                or item.name.startswith("_dflt_"):
            return None
        default = "factory" if item.default_factory is not MISSING else "default" if item.default is not MISSING else ""
        if item.init and not item.kw_only:
            if default:
                seen_default = True
            elif seen_default:
                return None  # dataclass raises its TypeError
        shapes.append((item.name, item.type, default, bool(item.init), bool(item.kw_only)))
    return tuple(shapes), frozen, post_init, slots


def init_source(shape: Shape, name: str) -> str:
    """The source of a function `name` that takes `object.__setattr__` (`_setattr`), dataclass's
    default-factory marker and each field's default or factory (`_dflt_<field>`), and returns
    the `__init__` that `dataclass` writes for that shape. The annotations are the strings the
    class has (the source must be compiled without `from __future__ import annotations`)."""
    fields, frozen, post_init, slots = shape
    defaults = [f"_dflt_{field_name}" for field_name, _, default, _, _ in fields if default]
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for field_name, annotation, default, in_init, kw_only in fields:
        if in_init:
            marker = {"": "", "default": f" = _dflt_{field_name}", "factory": " = _has_default_factory"}[default]
            (keyword if kw_only else positional).append(f"{field_name}: {annotation!r}{marker}")
        if default == "factory":
            value = (f"_dflt_{field_name}() if {field_name} is _has_default_factory else {field_name}" if in_init
                     else f"_dflt_{field_name}()")
        elif in_init:
            value = field_name
        elif slots and default:
            value = f"_dflt_{field_name}"
        else:
            continue
        body.append(f"        _setattr(self, {field_name!r}, {value})\n" if frozen
                    else f"        self.{field_name} = {value}\n")
    if post_init:
        body.append("        self.__post_init__()\n")
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    return (f"def {name}({', '.join(['_setattr', '_has_default_factory', *defaults])}):\n"
            f"    def __init__({signature}) -> None:\n" + ("".join(body) or "        pass\n") +
            "    return __init__\n")


def eq_source(names: tuple[str, ...], name: str) -> str:
    """The source of a function `name` returning the `__eq__` dataclass writes to compare `names`."""
    return (f"def {name}():\n"
            f"    def __eq__(self, other):\n"
            f"        if other.__class__ is self.__class__:\n"
            f"            return {_tuple('self', names)} == {_tuple('other', names)}\n"
            f"        return NotImplemented\n"
            f"    return __eq__\n")


def hash_source(names: tuple[str, ...], name: str) -> str:
    """The source of a function `name` returning the `__hash__` dataclass writes to hash `names`."""
    return (f"def {name}():\n"
            f"    def __hash__(self):\n"
            f"        return hash({_tuple('self', names)})\n"
            f"    return __hash__\n")


def _tuple(owner: str, names: tuple[str, ...]) -> str:
    return "(" + "".join(f"{owner}.{name}, " for name in names).rstrip(" ") + ")" if names else "()"


def _made_here(cls: type, options: dict[str, Any]) -> type | None:
    if options["order"] or options["unsafe_hash"] or options["weakref_slot"] or not options["init"] \
            or set(options) != set(_DEFAULTS) or "__slots__" in cls.__dict__:
        return None
    frozen = options["frozen"]
    fields: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        inherited = base.__dict__.get("__dataclass_fields__")
        if inherited is not None:
            if base.__dataclass_params__.frozen != frozen:  # type: ignore[attr-defined]
                return None  # dataclass raises its TypeError
            fields.update((item.name, item) for item in inherited.values())
    annotations = cls.__dict__.get("__annotations__", {})
    if any(not isinstance(annotation, str) or "KW_ONLY" in annotation or "InitVar" in annotation
           for annotation in annotations.values()) \
            or any(isinstance(value, Field) and name not in annotations for name, value in cls.__dict__.items()):
        return None
    own = [_get_field(cls, name, annotation, options["kw_only"]) for name, annotation in annotations.items()]
    for item in own:
        fields[item.name] = item
    instance_fields = [item for item in fields.values() if item._field_type is _FIELD]  # type: ignore[attr-defined]
    shape = shape_of(instance_fields, frozen, hasattr(cls, "__post_init__"), options["slots"])
    if shape is None:
        return None
    class_hash = cls.__dict__.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))
    compared = tuple(item.name for item in instance_fields if item.compare)
    hashed = tuple(item.name for item in instance_fields if (item.compare if item.hash is None else item.hash))
    add_eq = options["eq"] and "__eq__" not in cls.__dict__
    add_hash = options["eq"] and frozen and not explicit_hash
    WANTED.add(shape)
    if add_eq:
        WANTED_EQS.add(compared)
    if add_hash:
        WANTED_HASHES.add(hashed)
    make_init: Callable[..., Callable] | None = INITS.get(shape)
    make_eq: Callable[[], Callable] | None = EQS.get(compared) if add_eq else None
    make_hash: Callable[[], Callable] | None = HASHES.get(hashed) if add_hash else None
    if make_init is None or (add_eq and make_eq is None) or (add_hash and make_hash is None) \
            or (frozen and ("__setattr__" in cls.__dict__ or "__delattr__" in cls.__dict__)):
        return None
    for item in own:  # the class attributes that held defaults, as dataclass leaves them
        if isinstance(cls.__dict__.get(item.name), Field):
            if item.default is MISSING:
                delattr(cls, item.name)
            else:
                setattr(cls, item.name, item.default)
    setattr(cls, "__dataclass_params__", _params(options))
    setattr(cls, "__dataclass_fields__", fields)
    names = tuple(item.name for item in instance_fields)
    made: dict[str, Any] = {
        "__init__": make_init(object.__setattr__, _HAS_DEFAULT_FACTORY,
                              *(item.default_factory if item.default_factory is not MISSING else item.default
                                for item in instance_fields
                                if item.default_factory is not MISSING or item.default is not MISSING)),
    }
    if options["match_args"]:
        made["__match_args__"] = tuple(item.name for item in instance_fields if item.init and not item.kw_only)
    if options["repr"]:
        made["__repr__"] = _repr_method(tuple(item.name for item in instance_fields if item.repr))
    if make_eq is not None:
        made["__eq__"] = make_eq()
    if frozen:
        made["__setattr__"] = _setattr_method(cls, frozenset(names))
        made["__delattr__"] = _delattr_method(cls, frozenset(names))
    for name, value in made.items():
        if name in cls.__dict__:
            continue
        if callable(value):
            value.__qualname__ = f"{cls.__qualname__}.{name}"
            value.__module__ = cls.__module__
        setattr(cls, name, value)
    if make_hash is not None:
        method = make_hash()
        method.__qualname__ = f"{cls.__qualname__}.__hash__"
        method.__module__ = cls.__module__
        setattr(cls, "__hash__", method)
    elif options["eq"] and not explicit_hash:
        setattr(cls, "__hash__", None)
    if not cls.__doc__:
        cls.__doc__ = cls.__name__ + _signature_text(instance_fields)
    made_class = _with_slots(cls, names, frozen) if options["slots"] else cls
    abc.update_abstractmethods(made_class)
    return made_class


def _params(options: dict[str, Any]) -> Any:
    """`__dataclass_params__` for these options, with the arguments this Python's dataclasses take."""
    global _PARAMS_NAMES
    if _PARAMS_NAMES is None:
        _PARAMS_NAMES = tuple(inspect.signature(_Params).parameters)
    return _Params(**{name: options[name] for name in _PARAMS_NAMES})


def _signature_text(fields: list[Field]) -> str:
    """`str(inspect.signature(cls))` of a class whose `__init__` takes these fields, without
    ` -> None` (dataclass's docstring for a class without one)."""
    def parameter(item: Field) -> str:
        default = (_HAS_DEFAULT_FACTORY if item.default_factory is not MISSING else item.default)
        return f"{item.name}: {item.type!r}" + ("" if default is MISSING else f" = {default!r}")

    positional = [parameter(item) for item in fields if item.init and not item.kw_only]
    keyword = [parameter(item) for item in fields if item.init and item.kw_only]
    return "(" + ", ".join([*positional, *(["*", *keyword] if keyword else [])]) + ")"


def _with_slots(cls: type, names: tuple[str, ...], frozen: bool) -> type:
    """The class made again with slots for its own fields, as `dataclass(slots=True)` makes it."""
    namespace = dict(cls.__dict__)
    inherited = {slot for base in cls.__mro__[1:-1] for slot in _slots(base)}
    namespace["__slots__"] = tuple(name for name in names if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = cls.__qualname__
    slotted = type(cls)(cls.__name__, cls.__bases__, namespace)
    slotted.__qualname__ = qualname
    if frozen:
        if "__getstate__" not in namespace:
            setattr(slotted, "__getstate__", _getstate)
        if "__setstate__" not in namespace:
            setattr(slotted, "__setstate__", _setstate)
    return slotted


def _slots(cls: type) -> tuple[str, ...]:
    slots = cls.__dict__.get("__slots__", ())
    return (slots,) if isinstance(slots, str) else tuple(slots)


def _repr_method(names: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        return self.__class__.__qualname__ + "(" + ", ".join(f"{name}={getattr(self, name)!r}"
                                                             for name in names) + ")"

    return _recursive_repr(__repr__)


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
