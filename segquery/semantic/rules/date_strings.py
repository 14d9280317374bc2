"""V034: a string used as a date is an ISO 8601 date that exists."""

from __future__ import annotations

import calendar
import re

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

INVALID_DATE_STRING = define(
    "V034", "invalid-date-string", "A string compared with a date is not an ISO date.",
    category=Category.VALIDATION,
    what="Reports a string compared with a date attribute (or used as a DATEDIFF/DATEADD date) that is not "
         "`YYYY-MM-DD`, optionally followed by a time `THH:MM[:SS[.fff]]` and a zone `Z` or `+HH:MM`, "
         "or that names a day that does not exist.",
    why="Dates are written as strings (reference part B); `'31/12/2020'` is not understood.",
    example="PROFILE(contact).FILTER(birthdate < '31/12/1990')",
    use_instead="PROFILE(contact).FILTER(birthdate < '1990-12-31')")


ISO_DATE = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?:[T ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.[0-9]{1,7})?)?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?\Z")
FORMAT = "write dates as 'YYYY-MM-DD', optionally with a time: 'YYYY-MM-DDTHH:MM:SSZ'"


def date_problem(text: str) -> str | None:
    """Why `text` is not a usable ISO date, or None when it is one."""
    match = ISO_DATE.match(text)
    if match is None:
        return f"is not an ISO date; {FORMAT}"
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return f"is not a valid date: there is no month {month}"
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return f"is not a valid date: {calendar.month_name[month]} {year} has {days} days"
    if year < 1:
        return "is not a valid date: years start at 0001"
    if match["hour"] is not None:
        hour, minute = int(match["hour"]), int(match["minute"])
        second = int(match["second"]) if match["second"] is not None else 0
        if hour > 23 or minute > 59 or second > 59:
            return "is not a valid time of day: hours go to 23, minutes and seconds to 59"
    return None


def check(ctx: ValidationContext) -> None:
    for comparison in ctx.nodes(ast.Comparison):
        for side, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
            if isinstance(other, ast.StringLiteral) and ctx.type_of(side) is ValueType.DATETIME:
                check_date_string(ctx, other)
    for call in ctx.nodes(ast.DateDiff):
        for argument in (call.start, call.end):
            if isinstance(argument, ast.StringLiteral):
                check_date_string(ctx, argument)
    for date_add in ctx.nodes(ast.DateAdd):
        if isinstance(date_add.date, ast.StringLiteral):
            check_date_string(ctx, date_add.date)


def check_date_string(ctx: ValidationContext, literal: ast.StringLiteral) -> None:
    """V034 for one string used as a date (compared, in an IN list, or a date function's argument)."""
    problem = date_problem(literal.value)
    if problem is not None:
        ctx.report_node(INVALID_DATE_STRING, f"`{ctx.text(literal)}` {problem}", literal)


RULE = Rule((INVALID_DATE_STRING,), check, scope=RuleScope.STEP)
