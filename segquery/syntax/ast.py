"""Typed, immutable syntax tree of a segment query.

Every node is a frozen, keyword-only dataclass with a `span` (offsets into the
source) that is excluded from comparison, so two trees compare equal when they
mean the same query wherever they were written. Child sequences are tuples.
`parens` counts the parentheses the author put around a node: the formatter
keeps them, the linter can flag redundant ones, and equality ignores them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import field, fields
from typing import ClassVar, Iterator, Union

from segquery.fast_dataclass import dataclass
from segquery.source import Span

NO_SPAN = Span(0, 0)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# Per node class: the names of the fields that may hold children (computed once).
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, kw_only=True, slots=True)
class Node:
    span: Span = field(default=NO_SPAN, compare=False, repr=False)

    kind: ClassVar[str] = "node"
    # The name a node written as a call has, `NAME(children...)`: the printer,
    # the formatter and the rules print and name every such node from this.
    call_name: ClassVar[str | None] = None

    def __init_subclass__(cls, **kwargs) -> None:
        # No zero-argument super(): slotted dataclasses are re-created classes.
        cls.kind = _snake(cls.__name__)

    def children(self) -> Iterator["Node"]:
        """Direct child nodes, in source order."""
        return iter(_children(self))


# ---------------------------------------------------------------- names, comments


@dataclass(frozen=True, kw_only=True, slots=True)
class Identifier(Node):
    """A name as written: a table, relationship, alias, segment or attribute."""

    name: str
    # A real-time RELATE alias written with its table (`account.account_1`): the
    # table is kept so that printing and formatting give back what was written.
    # It means nothing (the alias is the name), so trees compare without it.
    qualifier: str | None = field(default=None, compare=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class Comment(Node):
    """A `//` or `/* */` comment; kept on the Query so the formatter can put it back."""

    text: str

    @property
    def is_block(self) -> bool:
        return self.text.startswith("/*")


# ---------------------------------------------------------------- expressions


@dataclass(frozen=True, kw_only=True, slots=True)
class Expr(Node):
    parens: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class StringLiteral(Expr):
    value: str
    quote: str = field(default="'", compare=False, repr=False)


# The most digits a number literal may have before or after its point (the
# precision of Dataverse decimals); the parser reports longer ones (S024).
MAX_NUMBER_DIGITS = 38


@dataclass(frozen=True, kw_only=True, slots=True)
class NumberLiteral(Expr):
    """A number kept as written (`1.50` stays `1.50`)."""

    text: str

    @property
    def is_integer(self) -> bool:
        return "." not in self.text

    @property
    def too_long(self) -> bool:
        return any(len(part) > MAX_NUMBER_DIGITS for part in self.text.split("."))

    @property
    def value(self) -> int | float:
        """Exact for integers the language accepts; a literal that is too long
        (reported by the parser) is approximated, never an error."""
        return int(self.text) if self.is_integer and not self.too_long else float(self.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class BooleanLiteral(Expr):
    value: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class Attribute(Expr):
    """`name` or `alias.name`."""

    name: Identifier
    qualifier: Identifier | None = None

    @property
    def dotted(self) -> str:
        return f"{self.qualifier.name}.{self.name.name}" if self.qualifier else self.name.name


class LogicOp(enum.Enum):
    AND = "&&"
    OR = "||"


@dataclass(frozen=True, kw_only=True, slots=True)
class Logical(Expr):
    """An `&&` or `||` chain of two or more operands (flat, so long chains stay shallow)."""

    op: LogicOp
    operands: tuple[Expr, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Not(Expr):
    """`NOT(condition)`."""

    call_name = "NOT"

    operand: Expr


class CompareOp(enum.Enum):
    EQ = "=="
    NE = "!="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="


@dataclass(frozen=True, kw_only=True, slots=True)
class Comparison(Expr):
    left: Expr
    op: CompareOp
    right: Expr


class StringOp(enum.Enum):
    CONTAINS = "CONTAINS"
    STARTSWITH = "STARTSWITH"
    ENDSWITH = "ENDSWITH"


@dataclass(frozen=True, kw_only=True, slots=True)
class StringTest(Expr):
    subject: Expr
    op: StringOp
    pattern: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class InList(Expr):
    """`subject IN [value, ...]` (real-time journeys): true when the subject equals one of the values."""

    subject: Expr
    values: tuple[Expr, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Arithmetic(Expr):
    """Operands of one precedence level (`+ -` or `* /`), left to right."""

    operands: tuple[Expr, ...]
    operators: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Negate(Expr):
    operand: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class IsNull(Expr):
    """`ISNULL(x)`, or `ISNOTNULL(x)` when negated is true."""

    operand: Expr
    negated: bool = False

    @property
    def call_name(self) -> str:  # type: ignore[override]  # the name depends on the node
        return "ISNOTNULL" if self.negated else "ISNULL"


@dataclass(frozen=True, kw_only=True, slots=True)
class DateTimeUtcNow(Expr):
    call_name = "DATETIMEUTCNOW"


@dataclass(frozen=True, kw_only=True, slots=True)
class DateLiteral(Expr):
    """`DATE(year, month, day[, hour[, minute[, second[, millisecond]]]])`."""

    call_name = "DATE"

    parts: tuple[Expr, ...]


class DatePart(enum.Enum):
    YEAR = "YEAR"
    MONTH = "MONTH"
    DAY = "DAY"
    HOUR = "HOUR"
    MINUTE = "MINUTE"
    SECOND = "SECOND"
    MILLISECOND = "MILLISECOND"


@dataclass(frozen=True, kw_only=True, slots=True)
class DatePartName(Node):
    part: DatePart


@dataclass(frozen=True, kw_only=True, slots=True)
class DateDiff(Expr):
    call_name = "DATEDIFF"

    part: DatePartName
    start: Expr
    end: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class DateAdd(Expr):
    call_name = "DATEADD"

    part: DatePartName
    amount: Expr
    date: Expr


class AggregateFunction(enum.Enum):
    COUNT = "COUNT"
    SUM = "SUM"
    AVG = "AVG"
    MIN = "MIN"
    MAX = "MAX"


@dataclass(frozen=True, kw_only=True, slots=True)
class Aggregate(Expr):
    function: AggregateFunction
    argument: Expr | None = None

    @property
    def call_name(self) -> str:  # type: ignore[override]  # the name depends on the node
        return self.function.value


class WindowUnit(enum.Enum):
    UTCDAYS = "UTCDAYS"
    UTCMONTHS = "UTCMONTHS"
    UTCYEARS = "UTCYEARS"


@dataclass(frozen=True, kw_only=True, slots=True)
class Window(Expr):
    """`UTCDAYS(n)` and friends: the second argument of HAVING."""

    unit: WindowUnit
    count: Expr

    @property
    def call_name(self) -> str:  # type: ignore[override]  # the name depends on the node
        return self.unit.value


@dataclass(frozen=True, kw_only=True, slots=True)
class Call(Expr):
    """A call the language does not define here (kept so tools can still work
    on the rest of the query; the parser reports it)."""

    name: Identifier
    arguments: tuple[Expr, ...]


class Direction(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"


@dataclass(frozen=True, kw_only=True, slots=True)
class OrderKey(Expr):
    """An ORDERBY argument: `expr [ASC|DESC]`."""

    expr: Expr
    direction: Direction | None = None


# ---------------------------------------------------------------- query chains


@dataclass(frozen=True, kw_only=True, slots=True)
class Profile(Node):
    """`PROFILE(table[, alias])`."""

    call_name = "PROFILE"

    table: Identifier
    alias: Identifier | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class SegmentRef(Node):
    """`SEGMENT(name)`: the members of another segment."""

    call_name = "SEGMENT"

    name: Identifier


@dataclass(frozen=True, kw_only=True, slots=True)
class Interaction(Node):
    """`INTERACTION(interaction_type, link_type[, alias])`."""

    call_name = "INTERACTION"

    interaction_type: Identifier
    link_type: Identifier
    alias: Identifier | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Filter(Node):
    call_name = "FILTER"

    condition: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class Traverse(Node):
    """`TRAVERSE(relationship[, alias][, FILTER(condition)])`."""

    call_name = "TRAVERSE"

    relationship: Identifier
    alias: Identifier | None = None
    filter: Filter | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Relate(Node):
    """`RELATE(relationship, alias[, RELATE(...)])` and `RELATEOPTIONAL(...)` (real-time
    journeys): a join from the current table along a Dataverse relationship schema
    name. `optional` keeps the records that have no related row; `nested` continues
    the path from the related table. The dotted alias form `account.account_1` is
    accepted and reported; the tree keeps the alias alone."""

    relationship: Identifier
    alias: Identifier
    nested: "Relate | None" = None
    optional: bool = False

    @property
    def call_name(self) -> str:  # type: ignore[override]  # the name depends on the node
        return "RELATEOPTIONAL" if self.optional else "RELATE"


@dataclass(frozen=True, kw_only=True, slots=True)
class Having(Node):
    call_name = "HAVING"

    condition: Expr
    window: Expr | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Distinct(Node):
    call_name = "DISTINCT"


@dataclass(frozen=True, kw_only=True, slots=True)
class OrderBy(Node):
    call_name = "ORDERBY"

    keys: tuple[OrderKey, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Skip(Node):
    call_name = "SKIP"

    count: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class Take(Node):
    call_name = "TAKE"

    count: Expr


@dataclass(frozen=True, kw_only=True, slots=True)
class Select(Node):
    call_name = "SELECT"

    attributes: tuple[Expr, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class InvalidCall(Node):
    """A source or step the parser could not make sense of (it reported why);
    kept so that tools can still work on the rest of the query."""

    call: Call


Source = Union[Profile, SegmentRef, Interaction, InvalidCall]
Step = Union[Filter, Traverse, Relate, Having, Distinct, OrderBy, Skip, Take, Select, InvalidCall]
PAGING_STEPS = (OrderBy, Skip, Take, Select)


@dataclass(frozen=True, kw_only=True, slots=True)
class QueryExpr(Node):
    parens: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class Chain(QueryExpr):
    """A source followed by steps: `PROFILE(contact).FILTER(...).TRAVERSE(...)`."""

    source: Source
    steps: tuple[Step, ...] = ()


class SetOp(enum.Enum):
    UNION = "UNION"
    INTERSECT = "INTERSECT"
    EXCEPT = "EXCEPT"


@dataclass(frozen=True, kw_only=True, slots=True)
class SetOperation(QueryExpr):
    """Operands combined left to right: `A INTERSECT B EXCEPT C` is
    `(A INTERSECT B) EXCEPT C`. `spellings` keeps how each operator was written
    (`MINUS` is EXCEPT) for the linter; it does not take part in equality."""

    operands: tuple[QueryExpr, ...]
    operators: tuple[SetOp, ...]
    spellings: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, kw_only=True, slots=True)
class Grouped(QueryExpr):
    """`(query)` followed by steps, as in member fetches:
    `(SEGMENT(x)).ORDERBY(fullname ASC).SKIP(0).TAKE(15)`."""

    body: QueryExpr
    steps: tuple[Step, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Query(Node):
    """A whole source file or request query: one query plus its comments."""

    body: QueryExpr
    comments: tuple[Comment, ...] = field(default=(), compare=False, repr=False)


_SCALAR_TYPES = frozenset({"str", "bool", "int", "float", "None", "tuple"})


def may_hold_nodes(annotation: object) -> bool:
    """Whether a field of this annotation may hold nodes: unless every name in it is a scalar or
    one of this module's enums (a name it does not know counts as a node, to be safe)."""
    names = re.findall(r"[A-Za-z_]\w*", str(annotation))
    return not all(name in _SCALAR_TYPES or isinstance(globals().get(name), enum.EnumMeta) for name in names)


def _children(node: Node) -> list[Node]:
    """The direct child nodes of `node`, in source order (a list: walks build one per node)."""
    names = _CHILD_FIELDS.get(type(node))
    if names is None:
        names = _CHILD_FIELDS[type(node)] = tuple(
            item.name for item in fields(node) if item.name not in ("span", "parens") and may_hold_nodes(item.type))
    found: list[Node] = []
    for name in names:
        value = getattr(node, name)
        if isinstance(value, Node):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(element for element in value if isinstance(element, Node))
    return found


def walk(node: Node) -> Iterator[Node]:
    """Every node below and including `node`, parents before children, in source order.

    Iterative, so that no tree depth can exhaust the interpreter's stack.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = _children(current)
        if children:
            children.reverse()
            stack.extend(children)


def unread_words(call: Call) -> tuple[Attribute, ...]:
    """The arguments of a call that are bare words (`DAY` in `DATEDIF(DAY, birthdate, x)`).

    Every `Call` is one the parser reported (an unknown function, a source or
    step used as a function, a wrong number of arguments, an unknown date
    part), so what its arguments mean is unknown: a bare word there may be a
    keyword of the function the author meant rather than an attribute.
    Checks do not look such words up. Qualified attributes (`c.birthdate`)
    and everything nested in another construct (a comparison, a known
    function) are still checked.
    """
    return tuple(argument for argument in call.arguments
                 if isinstance(argument, Attribute) and argument.qualifier is None)


def attribute_references(root: Node) -> Iterator[Attribute]:
    """Every attribute below `root`, in source order, except the `unread_words` of calls."""
    unread: set[int] = set()
    for node in walk(root):
        if isinstance(node, Call):
            unread.update(id(word) for word in unread_words(node))
        elif isinstance(node, Attribute) and id(node) not in unread:
            yield node


def node_at(root: Node, offset: int) -> list[Node]:
    """The chain of nodes whose spans contain `offset`, outermost first."""
    path: list[Node] = []
    current: Node | None = root
    while current is not None:
        path.append(current)
        current = next((child for child in current.children()
                        if child.span.start <= offset <= child.span.end and child.span != NO_SPAN), None)
    return path
