"""V045: no date functions or string tests in the FILTER of an INTERACTION query (reference A.3)."""

from typing import cast

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext, expression_children
from segquery.semantic.rules.base import Rule
from segquery.syntax import ast

INTERACTION_FILTER_FUNCTION = define(
    "V045", "interaction-filter-function", "A date function or string test in the FILTER of an INTERACTION query.",
    category=Category.VALIDATION,
    what="Reports DATE, DATEDIFF, DATEADD, DATETIMEUTCNOW, CONTAINS, STARTSWITH and ENDSWITH in the FILTER "
         "of an INTERACTION chain (only the outermost date function of a nested expression).",
    why="Part A.3: FILTER inside an INTERACTION segment supports none of them; PROFILE and SEGMENT chains "
        "have no such limit. Use the HAVING window for time limits.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain CONTAINS 'contoso')"
            ".HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")


DATE_FUNCTIONS = {ast.DateLiteral: "DATE", ast.DateDiff: "DATEDIFF", ast.DateAdd: "DATEADD",
                  ast.DateTimeUtcNow: "DATETIMEUTCNOW"}
WHY = "is not supported in the FILTER of an INTERACTION query (PROFILE and SEGMENT queries support it)"


def check(ctx: ValidationContext) -> None:
    for clause in ctx.clauses:
        if clause.role != "filter" or not clause.in_interaction:
            continue
        stack = [cast(ast.Filter, clause.step).condition]
        while stack:
            node = stack.pop()
            name = DATE_FUNCTIONS.get(type(node))
            if name is not None:
                # The outermost date function is enough; its arguments are part of it.
                ctx.report(INTERACTION_FILTER_FUNCTION, f"{name} {WHY}", node.span.start,
                           node.span.start + len(name))
                continue
            if isinstance(node, ast.StringTest):
                start, end = ctx.operator_span(node.subject, node.pattern, node.op.value)
                ctx.report(INTERACTION_FILTER_FUNCTION, f"{node.op.value} {WHY}", start, end)
            stack.extend(reversed(expression_children(node)))


RULE = Rule((INTERACTION_FILTER_FUNCTION,), check, scope=RuleScope.STEP)
