"""V014: every operand of a set operation selects the same profile type (reference A.3)."""

from segquery.rules.registry import Category, define
from segquery.semantic.context import ValidationContext
from segquery.semantic.rules.base import Rule

MIXED_PROFILE_TYPES = define(
    "V014", "mixed-profile-types", "A set operation combines queries of different profile types.",
    category=Category.VALIDATION,
    what="Reports each operand of UNION, INTERSECT or EXCEPT whose profile type differs from the first "
         "operand of known type; the first operand is shown as a related location.",
    why="Part A.3: every operand of a set operation must select the same profile type; a contact cannot "
        "be subtracted from a set of accounts.",
    example="PROFILE(contact) UNION PROFILE(account)",
    use_instead="PROFILE(contact) UNION PROFILE(account).TRAVERSE(contact_account_parentcustomerid)")


def check(ctx: ValidationContext) -> None:
    for operation in ctx.set_operations:
        first = None
        for index, operand in enumerate(operation.operands):
            table = ctx.tables.table_of(operand)
            if table is None or (ctx.schema is not None and ctx.schema.table(table) is None):
                continue  # unknown, or a table the schema does not know (V020/V046 say so)
            if first is None:
                first = (table, operand)
            elif table.casefold() != first[0].casefold():
                operator = operation.operators[index - 1].value
                ctx.report_node(MIXED_PROFILE_TYPES,
                                f"{operator} combines `{first[0]}` and `{table}` records: every operand must "
                                f"select the same profile type", operand,
                                related=[ctx.related(f"this operand selects `{first[0]}`", first[1])])


RULE = Rule((MIXED_PROFILE_TYPES,), check)
