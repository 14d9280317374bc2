"""V040: the arguments of DATE(...) are whole numbers naming a moment that exists."""

from __future__ import annotations

import calendar

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, is_number_literal, number_is_integer, number_value
from segquery.semantic.rules.base import Rule
from segquery.semantic.valuetypes import ValueType
from segquery.syntax import ast

DATE_ARGUMENT_RANGE = define(
    "V040", "date-argument-range", "A DATE(...) argument out of range or not a whole number.",
    category=Category.VALIDATION,
    what="Checks the literal arguments of DATE(year, month, day[, hour[, minute[, second[, millisecond]]]]): "
         "year 1-9999, month 1-12, day valid for the month (leap years included), hour 0-23, minute and "
         "second 0-59, millisecond 0-999, all whole numbers.",
    why="`DATE(2023, 2, 30)` names no day; the service rejects it or evaluates something unexpected.",
    example="PROFILE(contact).FILTER(birthdate < DATE(2023, 2, 30))",
    use_instead="PROFILE(contact).FILTER(birthdate < DATE(2023, 3, 1))")


PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")
LIMITS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59),
          "second": (0, 59), "millisecond": (0, 999)}


def check(ctx: ValidationContext) -> None:
    for date in ctx.nodes(ast.DateLiteral):
        values: dict[str, int] = {}
        for name, part in zip(PARTS, date.parts):
            if is_number_literal(part):
                value = number_value(part)
                if value is None:
                    continue  # too long: S024
                if number_is_integer(part):
                    values[name] = int(value)
                else:
                    ctx.report_node(DATE_ARGUMENT_RANGE,
                                    f"the {name} of DATE must be a whole number, not `{ctx.text(part)}`", part)
            elif ctx.type_of(part) not in (ValueType.NUMBER, ValueType.UNKNOWN):
                ctx.report_node(DATE_ARGUMENT_RANGE,
                                f"the {name} of DATE must be a whole number, not {ctx.phrase(part)}", part)
        for name, part in zip(PARTS, date.parts):
            if name in values:
                _check_range(ctx, name, values, part)


def _check_range(ctx: ValidationContext, name: str, values: dict[str, int], part: ast.Expr) -> None:
    value = values[name]
    low, high = LIMITS[name]
    if name == "day" and 1 <= values.get("month", 0) <= 12:
        month = values["month"]
        year = values.get("year")
        if year is not None and 1 <= year <= 9999:
            high = calendar.monthrange(year, month)[1]
            if not low <= value <= high:
                ctx.report_node(DATE_ARGUMENT_RANGE, f"day {value} is out of range: "
                                f"{calendar.month_name[month]} {year} has {high} days", part)
            return
        high = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        if not low <= value <= high:
            ctx.report_node(DATE_ARGUMENT_RANGE,
                            f"day {value} is out of range: {calendar.month_name[month]} has at most {high} days", part)
        return
    if not low <= value <= high:
        ctx.report_node(DATE_ARGUMENT_RANGE,
                        f"{name} {value} is out of range: the {name} of DATE is {low}-{high}", part)


RULE = Rule((DATE_ARGUMENT_RANGE,), check, scope=RuleScope.STEP)
