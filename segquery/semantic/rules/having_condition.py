"""V043: HAVING(aggregate comparison number[, window]) (reference A.1)."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, is_number_literal
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

HAVING_CONDITION = define(
    "V043", "having-condition", "HAVING's condition is not `aggregate comparison number`.",
    category=Category.VALIDATION,
    what="Reports a HAVING condition that is not one comparison between an aggregate (COUNT(), SUM(a), "
         "AVG(a), MIN(a), MAX(a)) and a number, an aggregate whose argument is not an attribute, and "
         "SUM/AVG of an attribute that is not numeric (MIN/MAX also accept dates).",
    why="Part A.1: HAVING(aggregate cmp number[, window]); other conditions are rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(emailDomain == 'contoso.com')",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")


SHAPE = "HAVING needs a comparison of an aggregate with a number, such as `COUNT() > 0`"
_NUMERIC_ONLY = (ast.AggregateFunction.SUM, ast.AggregateFunction.AVG)


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role != "having":
            continue
        condition = cast(ast.Having, clause.step).condition
        if isinstance(condition, ast.Call):
            continue  # reported by the parser; it may be the aggregate the author meant
        if not isinstance(condition, ast.Comparison):
            ctx.report_node(HAVING_CONDITION, f"{SHAPE}, not `{ctx.text(condition)}`", condition)
            continue
        left, right = condition.left, condition.right
        aggregates = [side for side in (left, right) if isinstance(side, ast.Aggregate)]
        if isinstance(left, ast.Call) or isinstance(right, ast.Call):
            pass  # a call the parser reported stands for something unknown: the comparison is not judged
        elif not aggregates:
            ctx.report_node(HAVING_CONDITION, f"{SHAPE}, not `{ctx.text(condition)}`", condition)
            continue
        elif len(aggregates) == 2:
            ctx.report_node(HAVING_CONDITION, "HAVING compares an aggregate with a number, not with another "
                            "aggregate", right)
        else:
            aggregate = aggregates[0]
            other = right if aggregate is left else left
            if not is_number_literal(other):
                ctx.report_node(HAVING_CONDITION,
                                f"HAVING compares {aggregate.function.value} with a number, not {ctx.phrase(other)}",
                                other)
        for aggregate in aggregates:
            _check_argument(ctx, aggregate)


def _check_argument(ctx: ValidationContext, aggregate: ast.Aggregate) -> None:
    argument = aggregate.argument
    if argument is None:
        return
    function = aggregate.function.value
    if isinstance(argument, ast.Call):
        return  # reported by the parser
    if not isinstance(argument, ast.Attribute):
        ctx.report_node(HAVING_CONDITION,
                        f"{function} takes an attribute of the interaction, not {ctx.phrase(argument)}", argument)
        return
    kind = ctx.type_of(argument)
    allowed = (ValueType.NUMBER,) if aggregate.function in _NUMERIC_ONLY else (ValueType.NUMBER, ValueType.DATETIME)
    if kind is not ValueType.UNKNOWN and kind not in allowed:
        wanted = "a numeric attribute" if len(allowed) == 1 else "a numeric or date attribute"
        ctx.report_node(HAVING_CONDITION, f"{function} needs {wanted}, not {ctx.phrase(argument)}", argument)


RULE = Rule((HAVING_CONDITION,), check, scope=RuleScope.STEP)
