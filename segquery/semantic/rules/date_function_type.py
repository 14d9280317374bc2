"""V031: DATEDIFF and DATEADD work on dates (a string literal is checked as a date by V034)."""

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

DATE_FUNCTION_TYPE = define(
    "V031", "date-function-type", "DATEDIFF or DATEADD applied to something that is not a date.",
    category=Category.VALIDATION,
    what="Reports DATEDIFF arguments and the date of DATEADD that are not dates, and a DATEADD amount "
         "that is not a number.",
    why="Date arithmetic needs dates; `DATEDIFF(day, fullname, DATETIMEUTCNOW())` is rejected.",
    example="PROFILE(contact).FILTER(DATEDIFF(YEAR, fullname, DATETIMEUTCNOW()) > 18)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18)")


_DATES = (ValueType.DATETIME, ValueType.UNKNOWN)


def check(ctx: ValidationContext) -> None:
    for call in ctx.nodes(ast.DateDiff):
        for argument in (call.start, call.end):
            _check_date(ctx, "DATEDIFF", argument)
    for date_add in ctx.nodes(ast.DateAdd):
        _check_date(ctx, "DATEADD", date_add.date)
        if ctx.type_of(date_add.amount) not in (ValueType.NUMBER, ValueType.UNKNOWN):
            ctx.report_node(DATE_FUNCTION_TYPE,
                            f"the amount of DATEADD must be a number, not {ctx.phrase(date_add.amount)}",
                            date_add.amount)


def _check_date(ctx: ValidationContext, function: str, argument: ast.Expr) -> None:
    if ctx.type_of(argument) in _DATES or isinstance(argument, ast.StringLiteral):
        return
    ctx.report_node(DATE_FUNCTION_TYPE, f"{function} works on dates, not on {ctx.phrase(argument)}", argument)


RULE = Rule((DATE_FUNCTION_TYPE,), check, scope=RuleScope.STEP)
