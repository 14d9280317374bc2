"""The shared state of one validation run.

Built once per query with a single walk; rules read its indexes (nodes by
type, the clause every expression belongs to, inferred tables) and cached
helpers (attribute resolution, expression types) instead of walking the
tree themselves, so each rule stays small and validation stays cheap.
"""

from __future__ import annotations

from typing import Any, Callable, Collection, Iterable, TypeVar, cast

from segquery.diagnostics import Diagnostic, Fix, RelatedLocation, make_diagnostic
from segquery.schema import Attribute, Schema
from segquery.semantic.kinds import QueryKind
from segquery.semantic.tables import StepScope, TableInfo
from segquery.semantic.valuetypes import ValueType, article, attribute_value_type
from segquery.source import SourceText
from segquery.syntax import ast

N = TypeVar("N", bound=ast.Node)
F = TypeVar("F")
# A step fact asked for through the caller (segquery/syntax/step_facts.py): (fact, step) -> value.
StepFacts = Callable[[Callable[[ast.Node], Any], ast.Node], Any]


class Clause:
    """An argument list of one step: where an expression sits and what it sees.

    `role` is one of: filter, having, window, orderby, skip, take, select.
    """

    __slots__ = ("step", "role", "scope", "owner")

    def __init__(self, step: ast.Node, role: str, scope: StepScope, owner: ast.Chain | ast.Grouped) -> None:
        self.step = step
        self.role = role
        self.scope = scope
        self.owner = owner

    @property
    def in_interaction(self) -> bool:
        """True when the clause reads interaction records (FILTER/HAVING of an INTERACTION chain)."""
        return self.scope.interaction is not None


def expression_children(node: ast.Node) -> tuple:
    """The direct sub-expressions of an expression node."""
    kind = type(node)
    getter = _CHILDREN.get(kind)
    return getter(node) if getter is not None else ()


_CHILDREN = {
    ast.Logical: lambda n: n.operands,
    ast.Not: lambda n: (n.operand,),
    ast.Comparison: lambda n: (n.left, n.right),
    ast.StringTest: lambda n: (n.subject, n.pattern),
    ast.InList: lambda n: (n.subject, *n.values),
    ast.Arithmetic: lambda n: n.operands,
    ast.Negate: lambda n: (n.operand,),
    ast.IsNull: lambda n: (n.operand,),
    ast.DateLiteral: lambda n: n.parts,
    ast.DateDiff: lambda n: (n.start, n.end),
    ast.DateAdd: lambda n: (n.amount, n.date),
    ast.Aggregate: lambda n: (n.argument,) if n.argument is not None else (),
    ast.Window: lambda n: (n.count,),
    ast.Call: lambda n: n.arguments,
    ast.OrderKey: lambda n: (n.expr,),
}


class ValidationContext:
    """What every rule gets: the query, its source, the options, and indexes."""

    def __init__(self, query: ast.Query, source: SourceText, kind: QueryKind, schema: Schema | None,
                 target: str, tables: TableInfo, *, bundled_schema: bool = False,
                 only: Collection[int] | None = None, skip: Collection[int] = (),
                 step_facts: StepFacts | None = None) -> None:
        """For rules whose findings depend on their step alone (segquery/rules/scope.py), the index
        may leave nodes out: `only` (None: every step) holds the ids of the chain steps whose clauses
        are indexed, and of operands of a FILTER's top `&&` or `||` whose subtrees are indexed (their
        clause is then not listed in `clauses`); `skip` the ids of steps and operands left out. The
        clauses are indexed when a rule first asks for them. `step_facts` answers `step_fact` from
        facts kept from earlier checks (segquery/syntax/step_facts.py)."""
        self.query = query
        self._only = only
        self._skip = skip
        self.step_facts = step_facts
        self.source = source
        self.kind = kind
        self.schema = schema
        # True when `schema` is the bundled standard schema, which lacks every org's custom names.
        self.bundled_schema = bundled_schema and schema is not None
        self.target = target
        self.tables = tables
        self.diagnostics: list[Diagnostic] = []
        self.chains: list[ast.Chain] = []
        self.groups: list[ast.Grouped] = []
        self.set_operations: list[ast.SetOperation] = []
        self._clauses: list[Clause] = []
        # (step, its chain, the operands to index alone or None) until the clauses are indexed
        self._unindexed: list[tuple[ast.Node, ast.Chain | ast.Grouped, list | None]] | None = []
        self._by_type: dict[type, list] = {}
        self._clause_of: dict[int, Clause] = {}
        self._unread_ends: dict[int, float] = {}  # id of a chain -> where its first unread step ends
        self._types: dict[int, ValueType] = {}
        self._attributes: dict[int, Attribute | None] = {}
        self._index()

    # ------------------------------------------------------------ indexes

    def _index(self) -> None:
        self._index_query(self.query.body)

    def _index_query(self, node: ast.QueryExpr) -> None:
        """Index query expressions in source order (depth is bounded by the parser's nesting limit)."""
        if isinstance(node, ast.SetOperation):
            self.set_operations.append(node)
            for operand in node.operands:
                self._index_query(operand)
            return
        if isinstance(node, ast.Grouped):
            self.groups.append(node)
            self._index_query(node.body)
        elif isinstance(node, ast.Chain):
            self.chains.append(node)
        else:
            return  # the three query expressions are handled above
        only, pending = self._only, cast(list, self._unindexed)
        for step in node.steps:
            if only is None:
                if id(step) not in self._skip:
                    pending.append((step, node, None))
            elif id(step) in only:
                pending.append((step, node, None))
            elif type(step) is ast.Filter and isinstance(step.condition, ast.Logical):
                operands = [operand for operand in step.condition.operands if id(operand) in only]
                if operands:
                    pending.append((step, node, operands))

    def _index_clauses(self) -> None:
        pending, self._unindexed = cast(list, self._unindexed), None
        for step, owner, operands in pending:
            if operands is None:
                self._index_step(step, owner)
            else:
                self._add_clause(step, "filter", self.tables.step(step), owner, operands, listed=False)

    @property
    def clauses(self) -> list[Clause]:
        """The argument lists of the steps, in source order."""
        if self._unindexed is not None:
            self._index_clauses()
        return self._clauses

    def for_steps(self, steps: Collection[ast.Node]) -> "ValidationContext":
        """A context of the same query whose clauses are those of `steps` alone, reporting into this one."""
        narrow = type(self)(self.query, self.source, self.kind, self.schema, self.target, self.tables,
                            bundled_schema=self.bundled_schema, only={id(step) for step in steps},
                            step_facts=self.step_facts)
        narrow.diagnostics = self.diagnostics
        return narrow

    def step_fact(self, fact: Callable[[ast.Node], F], step: ast.Node) -> F:
        """`fact(step)`, as kept from an earlier check of the same step when there is one."""
        return fact(step) if self.step_facts is None else self.step_facts(fact, step)

    def _index_step(self, step: ast.Node, owner: ast.Chain | ast.Grouped) -> None:
        if type(step) is ast.Filter:
            self._add_clause(step, "filter", self.tables.step(step), owner, (step.condition,))
        elif type(step) is ast.Traverse:
            if step.filter is not None:
                self._add_clause(step.filter, "filter", self.tables.step(step.filter), owner, (step.filter.condition,))
        elif type(step) is ast.Having:
            scope = self.tables.step(step)
            self._add_clause(step, "having", scope, owner, (step.condition,))
            if step.window is not None:
                self._add_clause(step, "window", scope, owner, (step.window,))
        elif type(step) is ast.OrderBy:
            self._add_clause(step, "orderby", self.tables.step(step), owner, step.keys)
        elif type(step) is ast.Skip or type(step) is ast.Take:
            self._add_clause(step, step.kind, self.tables.step(step), owner, (step.count,))
        elif type(step) is ast.Select:
            self._add_clause(step, "select", self.tables.step(step), owner, step.attributes)

    def _add_clause(self, step: ast.Node, role: str, scope: StepScope, owner, roots: Iterable[ast.Node], *,
                    listed: bool = True) -> None:
        clause = Clause(step, role, scope, owner)
        if listed:
            self._clauses.append(clause)
        by_type, clause_of, skip = self._by_type, self._clause_of, self._skip
        stack = list(roots)
        stack.reverse()
        unread: set[int] = set()
        while stack:
            node = stack.pop()
            if skip and id(node) in skip:
                clause_of[id(node)] = clause  # its type may be asked (an operand's): its subtree is not indexed
                continue
            if id(node) in unread:
                clause_of[id(node)] = clause
                continue  # a bare word in the arguments of a reported call is not looked up
            kind = type(node)
            if type(node) is ast.Call:
                unread.update(id(word) for word in ast.unread_words(node))
            found = by_type.get(kind)
            if found is None:
                by_type[kind] = [node]
            else:
                found.append(node)
            clause_of[id(node)] = clause
            children = expression_children(node)
            if children:
                stack.extend(reversed(children))

    def nodes(self, kind: type[N]) -> list[N]:
        """Every expression node of exactly this type, in source order (bare
        words in the arguments of a reported call are left out: `ast.unread_words`)."""
        if self._unindexed is not None:
            self._index_clauses()
        return self._by_type.get(kind, [])

    def clause(self, node: ast.Node) -> Clause:
        if self._unindexed is not None:
            self._index_clauses()
        return self._clause_of[id(node)]

    def follows_unread_call(self, clause: Clause) -> bool:
        """True when the chain's source, or a step before the clause, is one the
        parser could not read (`InvalidCall`, already reported): which records
        and aliases the clause sees is then unknown."""
        owner = clause.owner
        if isinstance(owner, ast.Chain) and isinstance(owner.source, ast.InvalidCall):
            return True
        return self._first_unread_end(owner) <= clause.step.span.start

    def _first_unread_end(self, owner: ast.Chain | ast.Grouped) -> float:
        """Where the first unread step of a chain ends (infinity: none), once per chain, so that
        asking for every attribute of a long chain stays linear."""
        end = self._unread_ends.get(id(owner))
        if end is None:
            end = self._unread_ends[id(owner)] = min(
                (step.span.end for step in owner.steps if isinstance(step, ast.InvalidCall)), default=float("inf"))
        return end

    @property
    def owners(self) -> list[ast.Chain | ast.Grouped]:
        return [*self.chains, *self.groups]

    # ------------------------------------------------------------ reporting

    def report(self, code: str, message: str, start: int, end: int, *, fix: Fix | None = None,
               related: Iterable[RelatedLocation] = ()) -> None:
        self.diagnostics.append(make_diagnostic(self.source, code, message, start, end, fix=fix, related=related))

    def report_node(self, code: str, message: str, node: ast.Node, *, fix: Fix | None = None,
                    related: Iterable[RelatedLocation] = ()) -> None:
        self.report(code, message, node.span.start, node.span.end, fix=fix, related=related)

    def related(self, message: str, node: ast.Node) -> RelatedLocation:
        return RelatedLocation(message, self.source.range(node.span.start, node.span.end), self.source.path)

    def text(self, node: ast.Node) -> str:
        return self.source.text[node.span.start:node.span.end]

    def where(self, node: ast.Node) -> str:
        """`line:column` of a node, for messages that point elsewhere."""
        position = self.source.position(node.span.start)
        return f"{position.line}:{position.column}"

    def dot_before(self, step: ast.Node) -> int | None:
        """Offset of the `.` that introduces a step, when only white space separates them."""
        text = self.source.text
        index = step.span.start - 1
        while index >= 0 and text[index] in " \t\r\n":
            index -= 1
        return index if index >= 0 and text[index] == "." else None

    def operator_span(self, left: ast.Node, right: ast.Node, operator: str) -> tuple[int, int]:
        """The offsets of an infix operator written between two operands,
        skipping parentheses and comments."""
        text = self.source.text
        index, end = left.span.end, right.span.start
        folded = operator.casefold()
        while index < end:
            if text.startswith("//", index):
                newline = text.find("\n", index)
                index = end if newline == -1 else newline + 1
            elif text.startswith("/*", index):
                close = text.find("*/", index + 2)
                index = end if close == -1 else close + 2
            elif text[index:index + len(operator)].casefold() == folded:
                return index, index + len(operator)
            else:
                index += 1
        return left.span.end, right.span.start

    # ------------------------------------------------------------ attributes and types

    def records(self, scope: StepScope):
        """The schema Table or InteractionType a clause reads, or None when unknown."""
        if self.schema is None:
            return None
        if scope.interaction is not None:
            return self.schema.interaction(scope.interaction)
        if scope.before is None:
            return None
        return self.schema.table(scope.before)

    def attribute(self, node: ast.Attribute) -> Attribute | None:
        """The schema attribute an attribute reference means, or None when it
        cannot be told (no schema, unknown table, wrong or unknown alias)."""
        key = id(node)
        if key in self._attributes:
            return self._attributes[key]
        found = None
        scope = self.clause(node).scope
        if node.qualifier is None or (
                scope.alias is not None and scope.alias.name.casefold() == node.qualifier.name.casefold()):
            records = self.records(scope)
            if records is not None:
                found = records.attribute(node.name.name)
        self._attributes[key] = found
        return found

    def type_of(self, node: ast.Expr) -> ValueType:
        """The static type of an expression (UNKNOWN when it cannot be told)."""
        key = id(node)
        found = self._types.get(key)
        if found is None:
            found = self._compute_type(node)
            self._types[key] = found
        return found

    def _compute_type(self, node: ast.Expr) -> ValueType:
        kind = type(node)
        if kind is ast.StringLiteral:
            return ValueType.STRING
        if kind is ast.NumberLiteral or kind is ast.Arithmetic or kind is ast.DateDiff or kind is ast.Aggregate:
            return ValueType.NUMBER
        if kind is ast.Negate:
            return ValueType.NUMBER
        if kind is ast.BooleanLiteral:
            return ValueType.BOOLEAN
        if type(node) is ast.Attribute:
            attribute = self.attribute(node)
            return attribute_value_type(attribute) if attribute is not None else ValueType.UNKNOWN
        if kind in _CONDITIONS:
            return ValueType.CONDITION
        if kind is ast.DateTimeUtcNow or kind is ast.DateLiteral or kind is ast.DateAdd:
            return ValueType.DATETIME
        if kind is ast.Window:
            return ValueType.WINDOW
        if type(node) is ast.OrderKey:
            return self.type_of(node.expr)
        return ValueType.UNKNOWN

    def phrase(self, node: ast.Expr) -> str:
        """A short description of an operand for messages: `x` (a string attribute), the number `3`..."""
        text = self.text(node)
        kind = type(node)
        if kind is ast.StringLiteral:
            return f"the string `{text}`"
        if kind is ast.NumberLiteral or (type(node) is ast.Negate and isinstance(node.operand, ast.NumberLiteral)):
            return f"the number `{text}`"
        if kind is ast.BooleanLiteral:
            return f"the boolean `{text}`"
        if type(node) is ast.Attribute:
            attribute = self.attribute(node)
            if attribute is not None:
                return f"`{text}` ({article(attribute.type.value)} attribute)"
            return f"`{text}`"
        shown = text if len(text) <= 40 else text[:37] + "..."
        return f"`{shown}` ({self.type_of(node).phrase})"


_CONDITIONS = frozenset({ast.Comparison, ast.StringTest, ast.IsNull, ast.Not, ast.Logical, ast.InList})


def is_number_literal(node: ast.Expr) -> bool:
    """`3`, `1.5`, `-2`: a number written directly."""
    return isinstance(node, ast.NumberLiteral) or (
        isinstance(node, ast.Negate) and isinstance(node.operand, ast.NumberLiteral))


def number_value(node: ast.Expr) -> int | float | None:
    """The value of a number literal (negation included), else None; None too for a literal
    too long for the language (S024 reports it), so that no rule judges its value."""
    literal = node.operand if isinstance(node, ast.Negate) else node
    if not isinstance(literal, ast.NumberLiteral) or literal.too_long:
        return None
    return -literal.value if literal is not node else literal.value


def number_is_integer(node: ast.Expr) -> bool:
    """True for a number literal written without a fraction (`3`, `-2`, not `3.0`)."""
    literal = node.operand if isinstance(node, ast.Negate) else node
    return isinstance(literal, ast.NumberLiteral) and literal.is_integer
