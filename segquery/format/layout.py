"""The canonical layout: one method per kind of node, building a document.

Every token goes through `token()`, in source order, which is how comments
find their place (see comments.py) and how the formatter checks that it
prints the same tokens as the source.
"""

from __future__ import annotations

from collections.abc import Iterable

from segquery.format.comments import AttachedComments
from segquery.format.doc import (
    LINE,
    SOFTLINE,
    SPACE,
    CommentDoc,
    Doc,
    Group,
    bracket,
    group,
    indent,
)
from segquery.syntax import ast
from segquery.syntax.precedence import (
    ATOM,
    OR,
    STRING,
    SUM,
    strength,
)
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.printer import quote_string
from segquery.syntax.tokens import string_value

# A child binding more loosely than its place requires is wrapped in parentheses.

# Brackets that close a list: comments on their own line before one keep the depth of the items.
_CLOSING_BRACKETS = (")", "]")


class TokenMismatch(ValueError):
    """The tree does not hold the tokens of the source it is said to come from."""


class QueryLayout:
    """Builds the document of one query; `comments` is None when there is no source."""

    def __init__(self, comments: AttachedComments | None, dialect: Dialect = OUTBOUND) -> None:
        self.comments = comments
        self.respellings = dialect.respellings
        self.position = 0

    # ------------------------------------------------------------ tokens

    def token(self, text: str) -> Doc:
        """One token of the output, with the comments that stand around it."""
        if self.comments is None:
            return text
        index = self.position
        tokens = self.comments.tokens
        if index >= len(tokens) or not _same_token(tokens[index].text, text, self.respellings):
            found = tokens[index].text if index < len(tokens) else "the end of the text"
            raise TokenMismatch(f"the formatter would print `{text}` where the source has `{found}`")
        self.position += 1
        leading: list[Doc] = list(self.comments.before[index])
        if text in _CLOSING_BRACKETS and leading:
            # Own-line comments before a closing bracket stay at the depth of the lines above.
            leading = [indent(*leading)]
        return [*leading, text, *self.comments.after[index]]

    def tokens(self, *texts: str) -> list[Doc]:
        return [self.token(text) for text in texts]

    def remaining_comments(self) -> list[CommentDoc]:
        """Comments after the last token."""
        if self.comments is None:
            return []
        if self.position != len(self.comments.tokens):
            raise TokenMismatch(f"the formatter printed {self.position} tokens; the source has "
                                f"{len(self.comments.tokens)}")
        return list(self.comments.before[-1])

    # ------------------------------------------------------------ queries

    def query(self, node: ast.Query) -> Doc:
        return [self.query_expr(node.body, nested=False), *self.remaining_comments()]

    def query_expr(self, node: ast.QueryExpr, *, nested: bool) -> Doc:
        needs = isinstance(node, ast.SetOperation) and nested
        return self.parenthesized(node.parens, needs, lambda: self._query_body(node))

    def _query_body(self, node: ast.QueryExpr) -> Doc:
        if isinstance(node, ast.Chain):
            return group(self.part(node.source), self.steps(node.steps))
        if isinstance(node, ast.Grouped):
            opening = self.token("(")
            body = self.query_expr(node.body, nested=False)
            return group(bracket(opening, body, self.token(")")), self.steps(node.steps))
        if isinstance(node, ast.SetOperation):
            return self.set_operation(node)
        raise TypeError(f"cannot format {type(node).__name__}")

    def set_operation(self, node: ast.SetOperation) -> Group:
        """Operands and operators on one line, or each on a line of its own."""
        parts: list[Doc] = [self.query_expr(node.operands[0], nested=True)]
        for operator, operand in zip(node.operators, node.operands[1:]):
            parts += [LINE, self.token(operator.value), LINE, self.query_expr(operand, nested=True)]
        return Group(parts)

    def steps(self, steps: Iterable[ast.Step]) -> Doc:
        """`.STEP(...)` after `.STEP(...)`, or one step per line, indented."""
        return indent(*[[SOFTLINE, self.token("."), self.part(step)] for step in steps])

    def parenthesized(self, count: int, needs: bool, build) -> Doc:
        """The author's parentheses (and one more if the tree's shape needs it) around `build()`."""
        count = max(count, 1 if needs else 0)
        openings = [self.token("(") for _ in range(count)]
        doc = build()
        for opening in reversed(openings):
            doc = bracket(opening, doc, self.token(")"))
        return doc

    # ------------------------------------------------------------ calls

    def call(self, name: str, arguments: Iterable[ast.Node | None]) -> list[Doc]:
        """`NAME(a, b)` on one line, or one argument per line (RELATE's nested path is an argument too)."""
        head = self.token(name)
        builders = [lambda argument=argument: self.part(argument) for argument in arguments if argument is not None]
        return [head, self.listed("(", builders, ")")]

    def listed(self, opening: str, builders: list, closing: str) -> Doc:
        """Items between brackets, on one line or one per line with the closing bracket aligned
        under the line that opened it; `builders` make each item's document, in source order."""
        opening_doc = self.token(opening)
        items: list[Doc] = []
        for build in builders:
            if items:
                items += [self.token(","), LINE]
            items.append(build())
        if not items:
            return [opening_doc, self.token(closing)]
        return bracket(opening_doc, items, self.token(closing))

    def part(self, node: ast.Node) -> Doc:
        """Any node that is not a query expression."""
        if isinstance(node, ast.Expr):
            return self.expression(node)
        if node.call_name is not None:
            return self.call(node.call_name, node.children())
        if isinstance(node, ast.Identifier):
            if node.qualifier is None:
                return self.token(node.name)
            return self.tokens(node.qualifier, ".", node.name)
        if isinstance(node, ast.DatePartName):
            return self.token(node.part.value)
        if isinstance(node, ast.InvalidCall):
            return self.expression(node.call)
        raise TypeError(f"cannot format {type(node).__name__}")

    # ------------------------------------------------------------ expressions

    def expression(self, node: ast.Expr, required: int = OR, *, nested: bool = False) -> Doc:
        """`node` with its parentheses; `nested` when it continues an operand
        of `&&`/`||` (its own breaks then indent one level deeper)."""
        binds = strength(node)
        if node.parens or binds < required:
            return self.parenthesized(node.parens, binds < required, lambda: self._expression(node, False))
        return self._expression(node, nested)

    def _expression(self, node: ast.Expr, nested: bool) -> Doc:
        if isinstance(node, ast.Logical):
            return self.logical(node, nested)
        if isinstance(node, ast.Comparison):
            return self.binary(node.left, node.op.value, node.right, STRING)
        if isinstance(node, ast.StringTest):
            return self.binary(node.subject, node.op.value, node.pattern, SUM)
        if isinstance(node, ast.InList):
            return self.in_list(node)
        if isinstance(node, ast.Arithmetic):
            return self.arithmetic(node)
        if isinstance(node, ast.Negate):
            return [self.token("-"), self.expression(node.operand, ATOM)]
        return self.atom(node)

    def logical(self, node: ast.Logical, nested: bool) -> Group:
        """Operands on one line, or each on its own line starting with its operator."""
        binds = strength(node)
        first = self.expression(node.operands[0], binds + 1, nested=True)
        rest: list[Doc] = []
        for operand in node.operands[1:]:
            rest += [LINE, self.token(node.op.value), SPACE, self.expression(operand, binds + 1, nested=True)]
        return group(first, indent(*rest)) if nested else group(first, *rest)

    def binary(self, left: ast.Expr, operator: str, right: ast.Expr, operand_strength: int) -> Group:
        """`left OP right`. When it does not fit, it breaks before the operator,
        as `&&` and `||` do, unless a parenthesis touches the operator
        (`f(x) < 1`, `a == (b)`): then it breaks inside those parentheses."""
        left_doc = self.expression(left, operand_strength)
        operator_doc = self.token(operator)
        right_doc = self.expression(right, operand_strength)
        if not _ends_with_parenthesis(left, operand_strength) and not _starts_with_call(right, operand_strength):
            return group(left_doc, indent(LINE, operator_doc, SPACE, right_doc))
        return group(left_doc, SPACE, operator_doc, SPACE, right_doc)

    def in_list(self, node: ast.InList) -> Group:
        """`subject IN [a, b]`; when it does not fit, one value per line, like the arguments of a call."""
        subject = self.expression(node.subject, STRING)
        keyword = self.token("IN")
        values = self.listed("[", [lambda value=value: self.expression(value, SUM) for value in node.values], "]")
        return group(subject, SPACE, keyword, SPACE, values)

    def arithmetic(self, node: ast.Arithmetic) -> Group:
        binds = strength(node)
        # A nested chain of the same level keeps its parentheses, even first (as in syntax/printer.py).
        first = self.expression(node.operands[0], binds + 1)
        rest: list[Doc] = []
        for operator, operand in zip(node.operators, node.operands[1:]):
            rest += [LINE, self.token(operator), SPACE, self.expression(operand, binds + 1)]
        return group(first, indent(*rest))

    def atom(self, node: ast.Expr) -> Doc:
        if isinstance(node, ast.StringLiteral):
            return self.token(quote_string(node.value))
        if isinstance(node, ast.NumberLiteral):
            return self.token(node.text)
        if isinstance(node, ast.BooleanLiteral):
            return self.token("TRUE" if node.value else "FALSE")
        if isinstance(node, ast.Attribute):
            if node.qualifier is None:
                return self.token(node.name.name)
            return self.tokens(node.qualifier.name, ".", node.name.name)
        if node.call_name is not None:
            return self.call(node.call_name, node.children())
        if isinstance(node, ast.OrderKey):
            key = self.expression(node.expr)
            return [key, SPACE, self.token(node.direction.value)] if node.direction else key
        if isinstance(node, ast.Call):
            return self.call(node.name.name, node.arguments)
        raise TypeError(f"cannot format {type(node).__name__}")


def _is_call(node: ast.Expr) -> bool:
    return node.call_name is not None or isinstance(node, ast.Call)


def _ends_with_parenthesis(node: ast.Expr, required: int) -> bool:
    """Whether `node`, printed where `required` binding strength is needed, ends with `)`."""
    if node.parens or strength(node) < required or _is_call(node):
        return True
    if isinstance(node, ast.Arithmetic):
        return _ends_with_parenthesis(node.operands[-1], strength(node) + 1)
    if isinstance(node, ast.Negate):
        return _ends_with_parenthesis(node.operand, ATOM)
    return False


def _starts_with_call(node: ast.Expr, required: int) -> bool:
    """Whether `node`, printed where `required` binding strength is needed, starts with `(` or a call."""
    if node.parens or strength(node) < required or _is_call(node):
        return True
    if isinstance(node, ast.Arithmetic):
        return _starts_with_call(node.operands[0], strength(node) + 1)
    if isinstance(node, ast.Negate):
        return _starts_with_call(node.operand, ATOM)
    return False


def _same_token(source: str, printed: str, respellings: dict[str, str]) -> bool:
    """Whether `printed` is how the formatter spells the source token `source`."""
    if source == printed or source.upper() == printed:
        return True
    if respellings.get(source.upper()) == printed:
        return True
    if source[:1] in "'\"" and printed[:1] == "'":
        return string_value(source) == string_value(printed)
    return False
