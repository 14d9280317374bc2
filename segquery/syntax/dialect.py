"""What a dialect of the language consists of: its grammar, its lexicon (which
character sequences are operators), and its table of functions (role, arity,
signature, documentation, and how each builds its node). The outbound dialect
itself is in segquery/syntax/outbound.py; `segquery.syntax.dialects` finds a
dialect by name.

The parser, the builder, hover, signature help and completion all read this
table, so a sibling dialect (for example real-time journeys, which adds RELATE,
`IN [..]` lists and AND/OR words) is a new Dialect that extends the grammar by
importing it and extends the function table, not a copy of the code.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import field, replace
from typing import TYPE_CHECKING, Callable, Iterable

from segquery.fast_dataclass import dataclass
from segquery.syntax.tokens import OUTBOUND_LEXICON, Lexicon

if TYPE_CHECKING:
    from segquery.syntax.ast import Node
    from segquery.syntax.builder import BuildContext, RawCall


class Role(enum.Enum):
    SOURCE = "source"          # starts a query: PROFILE, SEGMENT, INTERACTION
    STEP = "step"              # follows a `.`: FILTER, TRAVERSE, HAVING...
    FUNCTION = "function"      # used inside conditions and values
    WINDOW = "window"          # second argument of HAVING
    AGGREGATE = "aggregate"    # inside HAVING


VARIADIC = sys.maxsize
"""`max_args` of a function that takes any number of arguments (SELECT, ORDERBY)."""


@dataclass(frozen=True)
class FunctionSpec:
    name: str
    role: Role
    min_args: int
    max_args: int
    signature: str
    doc: str
    parameters: tuple[str, ...] = ()
    # Makes the node from a call whose argument count is right (segquery/syntax/builder.py).
    build: Callable[[BuildContext, RawCall], Node] | None = field(default=None, compare=False, repr=False)
    # ASC/DESC are accepted after its arguments (ORDERBY); elsewhere they are reported.
    takes_order_keys: bool = False

    @property
    def is_variadic(self) -> bool:
        return self.max_args == VARIADIC

    def arity_text(self) -> str:
        if self.min_args == self.max_args:
            count = self.min_args
            return "no arguments" if count == 0 else f"{count} argument{'s' if count > 1 else ''}"
        if self.is_variadic:
            return f"at least {self.min_args} argument{'s' if self.min_args > 1 else ''}"
        return f"{self.min_args} to {self.max_args} arguments"


SET_OPERATOR_WORDS = ("UNION", "INTERSECT", "EXCEPT", "MINUS")
DATE_PARTS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND")


@dataclass(frozen=True, eq=False)
class Dialect:
    name: str
    grammar_file: str
    functions: dict[str, FunctionSpec] = field(default_factory=dict, repr=False)
    lexicon: Lexicon = OUTBOUND_LEXICON
    # Lark rules added to the grammar file's, e.g. `%extend MUL_OP: "%"`.
    grammar_extension: str = ""
    # Words the formatter prints in another spelling of the same meaning (upper case -> printed).
    respellings: dict[str, str] = field(default_factory=dict, repr=False)
    # The profile type a segment's members have when nothing else says.
    default_target: str = "contact"
    # Calls of a sibling dialect, by upper-case name, with what to write instead in this one:
    # reported with `foreign_code` rather than as unknown functions.
    foreign_functions: dict[str, str] = field(default_factory=dict, repr=False)
    foreign_code: str = ""
    # Checks only this dialect makes, by the node type they look at: the builder runs each on
    # the nodes of its type as it makes them (set operations, string literals, string tests,
    # IN lists), reporting to the build context. Sources and steps check in their `build`.
    node_checks: dict[type, Callable[[BuildContext, Node], None]] = field(default_factory=dict, repr=False)
    # What the dialect is called in messages.
    title: str = ""

    @property
    def token_characters(self) -> str:
        """Characters that start a token; anything else outside strings and comments is invalid."""
        return self.lexicon.token_characters

    def function(self, name: str) -> FunctionSpec | None:
        return self.functions.get(name.upper())

    def names_with_role(self, *roles: Role) -> list[str]:
        return [spec.name for spec in self.functions.values() if spec.role in roles]

    def extended(self, name: str, *, functions: Iterable[FunctionSpec] = (), operators: Iterable[str] = (),
                 grammar_extension: str = "") -> Dialect:
        """A dialect that is this one plus more functions, operators and grammar rules."""
        lexicon = replace(self.lexicon, operators=self.lexicon.operators + tuple(operators))
        return replace(self, name=name, functions={**self.functions, **{spec.name: spec for spec in functions}},
                       lexicon=lexicon, grammar_extension=self.grammar_extension + grammar_extension)


