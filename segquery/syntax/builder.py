"""Builds the typed AST while the text is parsed (the transformer of the parse: lark's
parser and the lean driver call a method named after each rule they reduce).

The grammar knows calls only generically; this module decides, by the
dialect's function table, whether a call is a source, a step or a function,
checks its arguments, and reports precise diagnostics for the documented
shorthands (method-style set operators, quoted names, unknown functions,
HAVING before FILTER). Diagnostics go to the BuildContext of the running parse.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import field, replace
from types import SimpleNamespace
from typing import Any, Callable, Iterable, TypeVar, cast

from segquery.diagnostics import Applicability, Diagnostic, Fix, TextEdit, make_diagnostic
from segquery.fast_dataclass import dataclass
from segquery.source import SourceText, Span
from segquery.suggest import did_you_mean
from segquery.syntax import ast
from segquery.syntax import codes
from segquery.syntax.construct import constructor
from segquery.syntax.dialect import DATE_PARTS, SET_OPERATOR_WORDS, Dialect, FunctionSpec, Role
from segquery.syntax.tokens import ESCAPED_CHARACTERS, NAME_PATTERN, unescape

IDENTIFIER = re.compile(NAME_PATTERN + r"\Z")
NodeT = TypeVar("NodeT", bound=ast.Node)
# The tree's classes by name, made without their dataclass __init__ (see segquery/syntax/construct.py).
new: Any = SimpleNamespace(**{name: constructor(kind) for name, kind in vars(ast).items()
                              if isinstance(kind, type) and issubclass(kind, ast.Node)})
new_span = constructor(Span)
# Operators by how they are written (an enum's own lookup is a Python-level call).
_COMPARE_OPS = {op.value: op for op in ast.CompareOp}
_STRING_OPS = dict(ast.StringOp.__members__)


@dataclass
class BuildContext:
    source: SourceText
    dialect: Dialect
    diagnostics: list[Diagnostic] = field(default_factory=list)
    comments: list[ast.Comment] = field(default_factory=list)
    # Step and source calls met inside arguments; TRAVERSE consumes its FILTER,
    # whatever is left at the end stood where it cannot.
    stray_calls: dict[int, ast.Call] = field(default_factory=dict)

    def report(self, code: str, message: str, start: int, end: int, *, fix: Fix | None = None) -> None:
        if end > len(self.source.text):
            return  # about a `)` the parser added for an unclosed `(`, which S007 reports
        self.diagnostics.append(make_diagnostic(self.source, code, message, start, end, fix=fix))

    def report_node(self, code: str, message: str, node: ast.Node, *, fix: Fix | None = None) -> None:
        self.report(code, message, node.span.start, node.span.end, fix=fix)

    def text(self, node: ast.Node | Span) -> str:
        span = node if isinstance(node, Span) else node.span
        return self.source.text[span.start:span.end]


CURRENT: ContextVar[BuildContext] = ContextVar("segquery_build_context")


@dataclass(frozen=True, slots=True)
class RawCall:
    """A call as the grammar sees it, before the builder knows what it is."""

    name: ast.Identifier
    arguments: tuple[ast.Expr, ...]
    span: Span

    @property
    def upper(self) -> str:
        return self.name.name.upper()

    def as_call(self) -> ast.Call:
        return new.Call(name=self.name, arguments=self.arguments, span=self.span)


new_raw_call = constructor(RawCall)


def _checked(node: NodeT) -> NodeT:
    """The node, after the checks the dialect makes on its type."""
    checks = CURRENT.get().dialect.node_checks
    if checks:
        check = checks.get(type(node))
        if check is not None:
            check(CURRENT.get(), node)
    return node


# A token is lark's Token or the driver's Lexeme (segquery/syntax/lalr_driver.py): a str with
# its terminal's name (`type`), `value`, `start_pos` and `end_pos`, the only attributes read here.
Token = Any


def _tok_span(token: Token) -> Span:
    return new_span(token.start_pos, token.end_pos)


def _join(first: ast.Node | Token | RawCall, last: ast.Node | Token | RawCall) -> Span:
    start = first.span.start if isinstance(first, (ast.Node, RawCall)) else first.start_pos
    end = last.span.end if isinstance(last, (ast.Node, RawCall)) else last.end_pos
    return new_span(start, end)


class AstBuilder:
    """Callbacks named after the grammar's rules; each returns an AST node."""

    # ------------------------------------------------------------ query level

    def start(self, children):
        ctx = CURRENT.get()
        report_stray_calls(ctx, ctx.stray_calls.values())
        return new.Query(body=children[0], comments=tuple(ctx.comments), span=new_span(0, len(ctx.source.text)))

    def query(self, children):
        operands = children[0::2]
        tokens = children[1::2]
        operators = tuple(ast.SetOp.EXCEPT if tok.type == "MINUS_WORD" else ast.SetOp[tok.value.upper()]
                          for tok in tokens)
        return _checked(new.SetOperation(operands=tuple(operands), operators=operators,
                                         spellings=tuple(tok.value for tok in tokens),
                                         span=new_span(operands[0].span.start, operands[-1].span.end)))

    def set_op(self, children):
        return children[0]

    def group(self, children):
        lpar, body, rpar, *calls = children
        if not calls:
            return replace(body, parens=body.parens + 1)
        ctx = CURRENT.get()
        steps = self._steps(ctx, calls, source=None)
        return new.Grouped(body=body, steps=steps, span=_join(lpar, calls[-1]))

    def chain(self, calls):
        ctx = CURRENT.get()
        source = self._source(ctx, calls[0])
        steps = self._steps(ctx, calls[1:], source=source)
        return new.Chain(source=source, steps=steps, span=new_span(calls[0].span.start, calls[-1].span.end))

    def call(self, children):
        name, lpar, arguments, rpar = children
        return new_raw_call(new.Identifier(name=name.value, span=new_span(name.start_pos, name.end_pos)), arguments or (),
                            new_span(name.start_pos, rpar.end_pos))

    def arguments(self, children):
        return tuple(children)

    def order_key(self, children):
        expr, (direction, token) = children
        return new.OrderKey(expr=expr, direction=direction, span=_join(expr, token))

    def direction(self, children):
        token = children[0]
        return ast.Direction[token.value.upper()], token

    # ------------------------------------------------------------ expressions

    def or_expr(self, operands):
        return new.Logical(op=ast.LogicOp.OR, operands=tuple(operands),
                           span=new_span(operands[0].span.start, operands[-1].span.end))

    def and_expr(self, operands):
        return new.Logical(op=ast.LogicOp.AND, operands=tuple(operands),
                           span=new_span(operands[0].span.start, operands[-1].span.end))

    def compare(self, children):
        left, op, right = children
        return new.Comparison(left=left, op=_COMPARE_OPS[op.value], right=right,
                              span=new_span(left.span.start, right.span.end))

    def string_test(self, children):
        subject, op, pattern = children
        return _checked(new.StringTest(subject=subject, op=_STRING_OPS[op.value.upper()], pattern=pattern,
                                       span=new_span(subject.span.start, pattern.span.end)))

    def string_op(self, children):
        return children[0]

    def in_list(self, children):
        subject, _word, _open, values, close = children
        return _checked(new.InList(subject=subject, values=values, span=_join(subject, close)))

    def in_items(self, children):
        return tuple(child for child in children if child is not None)

    def _arithmetic(self, children):
        return new.Arithmetic(operands=tuple(children[0::2]), operators=tuple(tok.value for tok in children[1::2]),
                              span=new_span(children[0].span.start, children[-1].span.end))

    sum = _arithmetic
    product = _arithmetic

    def negate(self, children):
        sign, operand = children
        return new.Negate(operand=operand, span=_join(sign, operand))

    def number(self, children):
        token = children[0]
        number = new.NumberLiteral(text=token.value, span=new_span(token.start_pos, token.end_pos))
        if len(token.value) > ast.MAX_NUMBER_DIGITS and number.too_long:  # (the length test is the cheap one)
            digits = sum(character.isdigit() for character in token.value)
            CURRENT.get().report_node(codes.NUMBER_TOO_LONG,
                                      f"a number of {digits:,} digits: numbers have at most "
                                      f"{ast.MAX_NUMBER_DIGITS} digits before and after the point", number)
        return number

    def string(self, children):
        token = children[0]
        ctx = CURRENT.get()
        body = token.value[1:-1]
        if "\\" in body:
            for match in re.finditer(r"\\(.)", body):
                if match.group(1) not in ESCAPED_CHARACTERS:
                    start = token.start_pos + 1 + match.start()
                    ctx.report(codes.INVALID_ESCAPE,
                               f"`\\{match.group(1)}` is not an escape; strings know `\\'`, `\\\"` and `\\\\` "
                               f"(write `\\\\{match.group(1)}` for a backslash)", start, start + 2)
        return _checked(new.StringLiteral(value=unescape(body), quote=token.value[0], span=_tok_span(token)))

    def true(self, children):
        return new.BooleanLiteral(value=True, span=_tok_span(children[0]))

    def false(self, children):
        return new.BooleanLiteral(value=False, span=_tok_span(children[0]))

    def attribute(self, children):
        token = children[0]
        span = new_span(token.start_pos, token.end_pos)
        return new.Attribute(name=new.Identifier(name=token.value, span=span), span=span)

    def qualified_attribute(self, children):
        qualifier, name = children
        return new.Attribute(name=new.Identifier(name=name.value, span=new_span(name.start_pos, name.end_pos)),
                             qualifier=new.Identifier(name=qualifier.value,
                                                      span=new_span(qualifier.start_pos, qualifier.end_pos)),
                             span=new_span(qualifier.start_pos, name.end_pos))

    def paren(self, children):
        lpar, expr, rpar = children
        return replace(expr, parens=expr.parens + 1)

    def function(self, children):
        return _lower_function(CURRENT.get(), children[0])

    # ------------------------------------------------------------ chains

    def _source(self, ctx: BuildContext, call: RawCall) -> ast.Source:
        name = call.upper

        def misplaced(spec: FunctionSpec) -> str:
            hint = (f"{name} is a step: start with a source, e.g. `PROFILE(contact).{name}(...)`"
                    if spec.role is Role.STEP else f"{name} is a function for conditions, not a query source")
            return f"a query starts with PROFILE, SEGMENT or INTERACTION; {hint}"

        return cast(ast.Source, _chain_call(ctx, call, Role.SOURCE, "query source", misplaced))

    def _steps(self, ctx: BuildContext, calls: list[RawCall], source: ast.Source | None) -> tuple[ast.Step, ...]:
        set_calls = [call for call in calls if call.upper in SET_OPERATOR_WORDS]
        if set_calls:
            _report_method_set_operators(ctx, calls, set_calls)
        steps = tuple(build_step(ctx, call) for call in calls)
        if isinstance(source, ast.Interaction):
            _check_having_before_filter(ctx, steps)
        return steps


def checked_across_steps(source: ast.Node, steps: Iterable[ast.Node]) -> bool:
    """Whether building a chain with this source and these steps reports anything about several
    steps together (`AstBuilder._steps`): a set operator written as a step, or, in an interaction
    query, a FILTER after HAVING. Otherwise what is reported about a step depends on that step
    alone."""
    steps = tuple(steps)
    if any(isinstance(step, ast.InvalidCall) and step.call.name.name.upper() in SET_OPERATOR_WORDS
           for step in steps):
        return True
    return isinstance(source, ast.Interaction) and bool(_filters_after_having(steps)[1])


def report_stray_calls(ctx: BuildContext, calls: Iterable[ast.Call]) -> None:
    """Report the source and step calls met inside arguments that no step took as its own."""
    for call in calls:
        spec = ctx.dialect.function(call.name.name)
        where = "a query step" if spec and spec.role is Role.STEP else "a query source"
        ctx.report_node(codes.MISPLACED_CALL,
                        f"{call.name.name.upper()} is {where}; it cannot be used inside a condition or argument",
                        call)


def build_step(ctx: BuildContext, call: RawCall) -> ast.Step:
    """The step a call after `.` in a chain stands for (an InvalidCall, reported, when it is none)."""
    name = call.upper
    if name in SET_OPERATOR_WORDS:
        return new.InvalidCall(call=call.as_call(), span=call.span)

    def misplaced(spec: FunctionSpec) -> str:
        what = "a query source" if spec.role is Role.SOURCE else "a function for conditions"
        return f"{name} is {what}, not a step that can follow `.`"

    return cast(ast.Step, _chain_call(ctx, call, Role.STEP, "step", misplaced))


def _chain_call(ctx: BuildContext, call: RawCall, role: Role, what: str,
                misplaced: Callable[[FunctionSpec], str]) -> ast.Node:
    """The node of a call of a chain, which must be a function of `role`: a call of another
    role (`misplaced` says why), of an unknown name or with a wrong number of arguments is
    reported and kept as an InvalidCall."""
    spec = ctx.dialect.functions.get(call.upper)
    if spec is None or spec.role is not role:
        if spec is not None:
            ctx.report(codes.MISPLACED_CALL, misplaced(spec), call.name.span.start, call.name.span.end)
        else:
            _report_unknown(ctx, call, ctx.dialect.names_with_role(role), what)
        return new.InvalidCall(call=call.as_call(), span=call.span)
    if not _check_arity(ctx, call, spec):
        return new.InvalidCall(call=call.as_call(), span=call.span)
    return _build(ctx, call, spec)


# ---------------------------------------------------------------- helpers


def _check_arity(ctx: BuildContext, call: RawCall, spec: FunctionSpec) -> bool:
    count = len(call.arguments)
    if spec.min_args <= count <= spec.max_args:
        return True
    ctx.report(codes.ARGUMENT_COUNT,
               f"{spec.name} takes {spec.arity_text()}, but {count} {'was' if count == 1 else 'were'} given: "
               f"{spec.signature}", call.span.start, call.span.end)
    return False


def _reject_order_keys(ctx: BuildContext, call: RawCall) -> None:
    for arg in call.arguments:
        if isinstance(arg, ast.OrderKey):
            ctx.report(codes.INVALID_ARGUMENT, f"ASC and DESC belong in ORDERBY, not in {call.upper}",
                       arg.expr.span.end, arg.span.end)


def _report_unknown(ctx: BuildContext, call: RawCall, candidates: Iterable[str], what: str) -> None:
    foreign = ctx.dialect.foreign_functions.get(call.upper)
    if foreign is not None:
        ctx.report(ctx.dialect.foreign_code, foreign, call.name.span.start, call.name.span.end)
        return
    suggestion = did_you_mean(call.name.name, list(candidates) + list(ctx.dialect.functions))
    message = f"unknown {what} `{call.name.name}`"
    fix = None
    if suggestion:
        message += f"; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Rename to `{suggestion}`", call.name.span.start, call.name.span.end, suggestion,
                          Applicability.UNSAFE)
    ctx.report(codes.UNKNOWN_FUNCTION, message, call.name.span.start, call.name.span.end, fix=fix)


def identifier_argument(ctx: BuildContext, arg: ast.Expr, role: str) -> ast.Identifier:
    """A name argument; strings and other forms are reported but still read."""
    if isinstance(arg, ast.Attribute) and arg.qualifier is None and not arg.parens:
        return arg.name
    if isinstance(arg, ast.StringLiteral):
        fix = None
        if IDENTIFIER.match(arg.value):
            fix = Fix.replace("Remove the quotes", arg.span.start, arg.span.end, arg.value)
        ctx.report_node(codes.QUOTED_NAME,
                        f"{role} name given as a string literal; names are written without quotes"
                        + (f": {arg.value}" if fix else ""), arg, fix=fix)
        return new.Identifier(name=arg.value, span=arg.span)
    if isinstance(arg, ast.Call):
        ctx.stray_calls.pop(id(arg), None)
    ctx.report_node(codes.INVALID_ARGUMENT, f"expected a {role} name here, not `{ctx.text(arg)}`", arg)
    return new.Identifier(name=ctx.text(arg), span=arg.span)


def build_traverse(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    relationship = identifier_argument(ctx, args[0], "relationship")
    alias = filter_step = None
    for position, arg in enumerate(args[1:], start=2):
        if isinstance(arg, ast.Call) and arg.name.name.upper() == "FILTER" and filter_step is None:
            ctx.stray_calls.pop(id(arg), None)
            if len(arg.arguments) != 1:
                ctx.report_node(codes.ARGUMENT_COUNT, "FILTER takes 1 argument: FILTER(condition)", arg)
                return new.InvalidCall(call=call.as_call(), span=call.span)
            filter_step = new.Filter(condition=arg.arguments[0], span=arg.span)
        elif position == 2 and filter_step is None:
            alias = identifier_argument(ctx, arg, "alias")
        else:
            ctx.report_node(codes.INVALID_ARGUMENT,
                            "TRAVERSE takes a relationship, then an optional alias, then an optional FILTER(...)", arg)
    return new.Traverse(relationship=relationship, alias=alias, filter=filter_step, span=call.span)


def _lower_function(ctx: BuildContext, call: RawCall) -> ast.Expr:
    spec = ctx.dialect.functions.get(call.upper)
    if spec is None:
        node = call.as_call()
        _report_unknown(ctx, call, ctx.dialect.names_with_role(Role.FUNCTION, Role.AGGREGATE, Role.WINDOW),
                        "function")
        return node
    if spec.role in (Role.SOURCE, Role.STEP):
        node = call.as_call()
        ctx.stray_calls[id(node)] = node
        return node
    if not _check_arity(ctx, call, spec):
        return call.as_call()
    return cast(ast.Expr, _build(ctx, call, spec))


def _build(ctx: BuildContext, call: RawCall, spec: FunctionSpec) -> ast.Node:
    """The node of a known call whose argument count is right: its table entry builds it."""
    if not spec.takes_order_keys:
        _reject_order_keys(ctx, call)
    assert spec.build is not None  # every function of a dialect's table has its builder
    return spec.build(ctx, call)


# ---------------------------------------------------------------- one builder per construct
# A dialect's function table names these (segquery/syntax/outbound.py); each
# gets a call whose name and argument count are already checked.


def build_profile(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    return new.Profile(table=identifier_argument(ctx, args[0], "table"),
                       alias=identifier_argument(ctx, args[1], "alias") if len(args) > 1 else None, span=call.span)


def build_segment(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.SegmentRef(name=identifier_argument(ctx, call.arguments[0], "segment"), span=call.span)


def build_interaction(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    return new.Interaction(interaction_type=identifier_argument(ctx, args[0], "interaction type"),
                           link_type=identifier_argument(ctx, args[1], "link type"),
                           alias=identifier_argument(ctx, args[2], "alias") if len(args) > 2 else None, span=call.span)


def build_filter(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.Filter(condition=call.arguments[0], span=call.span)


def build_having(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    return new.Having(condition=args[0], window=args[1] if len(args) > 1 else None, span=call.span)


def build_distinct(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.Distinct(span=call.span)


def build_orderby(ctx: BuildContext, call: RawCall) -> ast.Node:
    keys = tuple(arg if isinstance(arg, ast.OrderKey) else new.OrderKey(expr=arg, span=arg.span)
                 for arg in call.arguments)
    return new.OrderBy(keys=keys, span=call.span)


def build_count_step(ctx: BuildContext, call: RawCall) -> ast.Node:
    """SKIP(n) and TAKE(n)."""
    count = call.arguments[0]
    if not isinstance(count, ast.NumberLiteral):
        ctx.report_node(codes.INVALID_ARGUMENT, f"{call.upper} takes a whole number, not `{ctx.text(count)}`", count)
    return (new.Skip if call.upper == "SKIP" else new.Take)(count=count, span=call.span)


def build_select(ctx: BuildContext, call: RawCall) -> ast.Node:
    for arg in call.arguments:
        if not isinstance(arg, ast.Attribute):
            ctx.report_node(codes.INVALID_ARGUMENT, f"SELECT takes attribute names, not `{ctx.text(arg)}`", arg)
    return new.Select(attributes=call.arguments, span=call.span)


def build_not(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.Not(operand=call.arguments[0], span=call.span)


def build_is_null(ctx: BuildContext, call: RawCall) -> ast.Node:
    """ISNULL(x) and ISNOTNULL(x)."""
    return new.IsNull(operand=call.arguments[0], negated=call.upper == "ISNOTNULL", span=call.span)


def build_now(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.DateTimeUtcNow(span=call.span)


def build_date(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.DateLiteral(parts=call.arguments, span=call.span)


def build_date_diff(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    part = _date_part(ctx, args[0])
    if part is None:
        return call.as_call()
    return new.DateDiff(part=part, start=args[1], end=args[2], span=call.span)


def build_date_add(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    part = _date_part(ctx, args[0])
    if part is None:
        return call.as_call()
    return new.DateAdd(part=part, amount=args[1], date=args[2], span=call.span)


def build_aggregate(ctx: BuildContext, call: RawCall) -> ast.Node:
    args = call.arguments
    return new.Aggregate(function=ast.AggregateFunction[call.upper], argument=args[0] if args else None,
                         span=call.span)


def build_window(ctx: BuildContext, call: RawCall) -> ast.Node:
    return new.Window(unit=ast.WindowUnit[call.upper], count=call.arguments[0], span=call.span)


def _date_part(ctx: BuildContext, arg: ast.Expr) -> ast.DatePartName | None:
    word = arg.name.name if isinstance(arg, ast.Attribute) and arg.qualifier is None else None
    if word is not None and word.upper() in DATE_PARTS:
        if arg.parens:
            start, end = _outer_parens(ctx, arg)
            ctx.report(codes.INVALID_ARGUMENT, f"a date part is a word, not an expression: write `{word}` "
                       "without parentheses", start, end,
                       fix=Fix.replace("Remove the parentheses", start, end, word))
        return new.DatePartName(part=ast.DatePart[word.upper()], span=arg.span)
    shown = word if word is not None else ctx.text(arg)
    singular = word[:-1] if word and word.lower().endswith("s") else shown
    suggestion = did_you_mean(singular, DATE_PARTS)
    message = f"`{shown}` is not a date part; use one of {', '.join(DATE_PARTS)}"
    fix = None
    if suggestion:
        message = f"`{shown}` is not a date part; did you mean `{suggestion}`?"
        fix = Fix.replace(f"Use `{suggestion}`", arg.span.start, arg.span.end, suggestion, Applicability.UNSAFE)
    ctx.report_node(codes.UNKNOWN_DATE_PART, message, arg, fix=fix)
    return None


def _outer_parens(ctx: BuildContext, node: ast.Expr) -> tuple[int, int]:
    """The offsets of `node` with the parentheses written around it."""
    text, start, end = ctx.source.text, node.span.start, node.span.end
    for _ in range(node.parens):
        start = text.rindex("(", 0, start)
        end = text.index(")", end) + 1
    return start, end


def _dot_before(ctx: BuildContext, offset: int) -> int:
    """Offset of the `.` that introduces the step starting at `offset`."""
    text = ctx.source.text
    index = offset - 1
    while index > 0 and text[index] != ".":
        index -= 1
    return index


def _report_method_set_operators(ctx: BuildContext, calls: list[RawCall], set_calls: list[RawCall]) -> None:
    first_index = calls.index(set_calls[0])
    tail = calls[first_index:]
    rewrite = None
    if all(call.upper in SET_OPERATOR_WORDS and len(call.arguments) == 1 for call in tail):
        parts: list[str] = []
        for call in tail:
            operand = call.arguments[0]
            if isinstance(operand, ast.Call):
                ctx.stray_calls.pop(id(operand), None)
            if isinstance(operand, ast.Attribute) and operand.qualifier is None:
                text = f"SEGMENT({operand.name.name})"
            elif isinstance(operand, ast.Call) and operand.name.name.upper() in ("SEGMENT", "PROFILE"):
                text = ctx.text(operand)
            else:
                break
            word = "EXCEPT" if call.upper == "MINUS" else call.upper
            parts.append(f" {word} {text}")
        else:
            rewrite = "".join(parts)
    for call in set_calls:
        for operand in call.arguments:
            if isinstance(operand, ast.Call):
                ctx.stray_calls.pop(id(operand), None)
    fix = None
    if rewrite is not None and tail[-1].span.end > len(ctx.source.text):
        rewrite = None  # the last call ends at a `)` the parser added for an unclosed `(`: S007 first
    if rewrite is not None:
        start = _dot_before(ctx, tail[0].span.start)
        fix = Fix.replace("Rewrite with infix set operators", start, tail[-1].span.end, rewrite)
    for call in set_calls:
        suggestion = f"; write `{rewrite.strip()}` after the first operand" if rewrite and call is set_calls[0] else ""
        ctx.report(codes.METHOD_SET_OPERATOR,
                   f"set operators are infix words: `A {call.upper} B`, not `.{call.upper}(B)`{suggestion}",
                   call.name.span.start, call.span.end, fix=fix if call is set_calls[0] else None)


def _filters_after_having(steps: tuple[ast.Node, ...]) -> tuple[ast.Having | None, list[ast.Filter]]:
    """The chain's first HAVING and the FILTERs after it (an interaction query's HAVING must come last)."""
    having = next((index for index, step in enumerate(steps) if isinstance(step, ast.Having)), None)
    if having is None:
        return None, []
    return steps[having], [step for step in steps[having + 1:] if isinstance(step, ast.Filter)]  # type: ignore[return-value]


def _check_having_before_filter(ctx: BuildContext, steps: tuple[ast.Step, ...]) -> None:
    having, later = _filters_after_having(steps)
    if having is None or not later:
        return
    # One fix moves HAVING after the last FILTER that follows it (keeping the text and
    # layout between them), so however many FILTERs there are it takes one pass.
    text = ctx.source.text
    dot = text.rfind(".", having.span.end, later[0].span.start)
    between = text[having.span.end:later[-1].span.end]
    cut = dot - having.span.end + 1
    moved = between[cut:] + between[:cut] + ctx.text(having)
    fix = Fix("Move HAVING after the FILTER steps", (TextEdit(having.span.start, later[-1].span.end, moved),))
    # A last FILTER left open (`.FILTER(x` at the end) ends past the text, at the `)` the
    # parser assumed: moving HAVING there would put it inside that FILTER.
    closed = later[-1].span.end <= len(text) and text[later[-1].span.end - 1] == ")"
    ctx.report_node(codes.HAVING_BEFORE_FILTER,
                    "FILTER must come before HAVING: an interaction query is INTERACTION.FILTER.HAVING",
                    later[0], fix=fix if dot >= 0 and closed else None)
