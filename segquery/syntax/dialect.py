"""What a dialect of the language consists of: its grammar file and its table
of functions (role, arity, signature, documentation).

The parser, the builder, hover, signature help and completion all read this
table, so a sibling dialect (for example real-time journeys, which adds RELATE,
`IN [..]` lists and AND/OR words) is a new Dialect that extends the grammar by
importing it and extends the function table, not a copy of the code.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass, field


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


def _spec(name: str, role: Role, min_args: int, max_args: int, signature: str, doc: str,
          parameters: tuple[str, ...] = ()) -> FunctionSpec:
    return FunctionSpec(name, role, min_args, max_args, signature, doc, parameters)


OUTBOUND_FUNCTIONS: tuple[FunctionSpec, ...] = (
    _spec("PROFILE", Role.SOURCE, 1, 2, "PROFILE(table[, alias])",
          "All records of a profile type (a Dataverse table such as `contact`).", ("table", "alias")),
    _spec("SEGMENT", Role.SOURCE, 1, 1, "SEGMENT(segment_name)",
          "All members of another segment; using it makes a segment compound.", ("segment_name",)),
    _spec("INTERACTION", Role.SOURCE, 2, 3, "INTERACTION(interaction_type, link_type[, alias])",
          "Profiles linked to an interaction, such as an opened email. Follow it with "
          "`.FILTER(...)` (optional) and `.HAVING(...)`; never with TRAVERSE.",
          ("interaction_type", "link_type", "alias")),
    _spec("FILTER", Role.STEP, 1, 1, "FILTER(condition)",
          "Keep the current records that satisfy the condition.", ("condition",)),
    _spec("TRAVERSE", Role.STEP, 1, 3, "TRAVERSE(relationship[, alias][, FILTER(condition)])",
          "Move along a relationship to the related records, optionally filtering the edges.",
          ("relationship", "alias", "filter")),
    _spec("HAVING", Role.STEP, 1, 2, "HAVING(aggregate comparison number[, window])",
          "A condition on aggregated interactions; the window defaults to the whole lifetime.",
          ("condition", "window")),
    _spec("DISTINCT", Role.STEP, 0, 0, "DISTINCT()", "The distinct set of the current records."),
    _spec("ORDERBY", Role.STEP, 1, VARIADIC, "ORDERBY(attribute [ASC|DESC], ...)",
          "Order the members (static segments and member fetches only).", ("key",)),
    _spec("SKIP", Role.STEP, 1, 1, "SKIP(n)", "Skip the first n members (member fetches only).", ("n",)),
    _spec("TAKE", Role.STEP, 1, 1, "TAKE(n)", "Keep at most n members (member fetches only).", ("n",)),
    _spec("SELECT", Role.STEP, 1, VARIADIC, "SELECT(attribute, ...)",
          "The attributes to return (member fetches only).", ("attribute",)),
    _spec("NOT", Role.FUNCTION, 1, 1, "NOT(condition)", "Negation of a condition.", ("condition",)),
    _spec("ISNULL", Role.FUNCTION, 1, 1, "ISNULL(attribute)", "True when the attribute has no value.", ("attribute",)),
    _spec("ISNOTNULL", Role.FUNCTION, 1, 1, "ISNOTNULL(attribute)", "True when the attribute has a value.",
          ("attribute",)),
    _spec("DATETIMEUTCNOW", Role.FUNCTION, 0, 0, "DATETIMEUTCNOW()", "The current UTC time, to the minute."),
    _spec("DATE", Role.FUNCTION, 3, 7, "DATE(year, month, day[, hour[, minute[, second[, millisecond]]]])",
          "A date literal.", ("year", "month", "day", "hour", "minute", "second", "millisecond")),
    _spec("DATEDIFF", Role.FUNCTION, 3, 3, "DATEDIFF(part, start, end)",
          "The difference end - start counted in the date part (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, "
          "MILLISECOND).", ("part", "start", "end")),
    _spec("DATEADD", Role.FUNCTION, 3, 3, "DATEADD(part, amount, date)",
          "The date shifted by amount date parts.", ("part", "amount", "date")),
    _spec("COUNT", Role.AGGREGATE, 0, 0, "COUNT()", "The number of interactions (inside HAVING)."),
    _spec("SUM", Role.AGGREGATE, 1, 1, "SUM(attribute)", "The sum of an interaction attribute.", ("attribute",)),
    _spec("AVG", Role.AGGREGATE, 1, 1, "AVG(attribute)", "The average of an interaction attribute.", ("attribute",)),
    _spec("MIN", Role.AGGREGATE, 1, 1, "MIN(attribute)", "The smallest value of an interaction attribute.",
          ("attribute",)),
    _spec("MAX", Role.AGGREGATE, 1, 1, "MAX(attribute)", "The largest value of an interaction attribute.",
          ("attribute",)),
    _spec("UTCDAYS", Role.WINDOW, 1, 1, "UTCDAYS(n)", "A window of the last n days (UTC).", ("n",)),
    _spec("UTCMONTHS", Role.WINDOW, 1, 1, "UTCMONTHS(n)", "A window of the last n months (UTC).", ("n",)),
    _spec("UTCYEARS", Role.WINDOW, 1, 1, "UTCYEARS(n)", "A window of the last n years (UTC).", ("n",)),
)

SET_OPERATOR_WORDS = ("UNION", "INTERSECT", "EXCEPT", "MINUS")
DATE_PARTS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND")


@dataclass(frozen=True, eq=False)
class Dialect:
    name: str
    grammar_file: str
    functions: dict[str, FunctionSpec] = field(default_factory=dict, repr=False)
    # Characters that start a token; anything else outside strings and comments is invalid.
    token_characters: str = "()=!<>&|+-*/.,'\""

    def function(self, name: str) -> FunctionSpec | None:
        return self.functions.get(name.upper())

    def names_with_role(self, *roles: Role) -> list[str]:
        return [spec.name for spec in self.functions.values() if spec.role in roles]


OUTBOUND = Dialect(
    name="outbound",
    grammar_file="segquery.lark",
    functions={spec.name: spec for spec in OUTBOUND_FUNCTIONS},
)
