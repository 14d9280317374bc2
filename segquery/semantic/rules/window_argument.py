"""V041: HAVING's window is UTCDAYS/UTCMONTHS/UTCYEARS of a positive whole number, and only there."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

WINDOW_ARGUMENT = define(
    "V041", "window-argument", "A HAVING window that is not UTCDAYS/UTCMONTHS/UTCYEARS of a positive whole number.",
    category=Category.VALIDATION,
    what="Reports a window count that is not a positive whole number, a second HAVING argument that is "
         "not a window, and a window used anywhere but as the second argument of HAVING.",
    why="A window is the last n days, months or years; zero, negative or fractional counts are rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(0))",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(1))")


UNITS = {ast.WindowUnit.UTCDAYS: "days", ast.WindowUnit.UTCMONTHS: "months", ast.WindowUnit.UTCYEARS: "years"}


def check(ctx: ValidationContext) -> None:
    # A call the parser reported (`UTCDAY(7)`) is left to its finding.
    for clause in ctx.clauses:
        window_argument = cast(ast.Having, clause.step).window if clause.role == "window" else None
        if window_argument is not None and not isinstance(window_argument, (ast.Window, ast.Call)):
            ctx.report_node(WINDOW_ARGUMENT,
                            "the second argument of HAVING is a window: UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n), "
                            f"not `{ctx.text(window_argument)}`", window_argument)
    for window in ctx.nodes(ast.Window):
        clause = ctx.clause(window)
        unit = window.unit.value
        if clause.role != "window" or cast(ast.Having, clause.step).window is not window:
            ctx.report_node(WINDOW_ARGUMENT,
                            f"{unit}(...) is a window: it can only be the second argument of HAVING", window)
            continue
        count = window.count
        if not (isinstance(count, ast.NumberLiteral) and count.is_integer and count.value > 0):
            ctx.report_node(WINDOW_ARGUMENT,
                            f"{unit} takes a positive whole number of {UNITS[window.unit]}, not `{ctx.text(count)}`",
                            count)


RULE = Rule((WINDOW_ARGUMENT,), check, scope=RuleScope.STEP)
