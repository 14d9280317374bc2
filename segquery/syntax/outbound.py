"""The outbound marketing dialect: the language of Dynamics 365 Marketing segments."""

from __future__ import annotations

from segquery.syntax import ast, builder, codes
from segquery.syntax.dialect import VARIADIC, Dialect, FunctionSpec, Role


# Real-time journeys functions, and what outbound writes instead.
_REALTIME_ONLY = {
    "RELATE": "RELATE is real-time journeys'; outbound marketing joins with "
              "`.TRAVERSE(relationship, alias, FILTER(...))` and the outbound relationship name",
    "RELATEOPTIONAL": "RELATEOPTIONAL is real-time journeys'; outbound marketing has no optional join "
                      "(TRAVERSE keeps only records with a related record)",
}
REALTIME_SEGMENT_PREFIX = "SEGMENT_CJO_ID_"


def build_outbound_segment(ctx: builder.BuildContext, call: builder.RawCall) -> ast.Node:
    """SEGMENT(name): a real-time segment definition id is not an outbound reference."""
    node = builder.build_segment(ctx, call)
    if isinstance(node, ast.SegmentRef) and node.name.name.upper().startswith(REALTIME_SEGMENT_PREFIX):
        ctx.report_node(codes.REALTIME_ONLY,
                        f"`{node.name.name}` is a real-time journeys segment definition id; outbound "
                        "references are `SEGMENT_CRM_ID_<id>` or segment names", node.name)
    return node


OUTBOUND_FUNCTIONS: tuple[FunctionSpec, ...] = (
    FunctionSpec("PROFILE", Role.SOURCE, 1, 2, "PROFILE(table[, alias])",
                 "All records of a profile type (a Dataverse table such as `contact`).", ("table", "alias"),
                 build=builder.build_profile),
    FunctionSpec("SEGMENT", Role.SOURCE, 1, 1, "SEGMENT(segment_name)",
                 "All members of another segment; using it makes a segment compound.", ("segment_name",),
                 build=build_outbound_segment),
    FunctionSpec("INTERACTION", Role.SOURCE, 2, 3, "INTERACTION(interaction_type, link_type[, alias])",
                 "Profiles linked to an interaction, such as an opened email. Follow it with "
                 "`.FILTER(...)` (optional) and `.HAVING(...)`; never with TRAVERSE.",
                 ("interaction_type", "link_type", "alias"),
                 build=builder.build_interaction),
    FunctionSpec("FILTER", Role.STEP, 1, 1, "FILTER(condition)",
                 "Keep the current records that satisfy the condition.", ("condition",),
                 build=builder.build_filter),
    FunctionSpec("TRAVERSE", Role.STEP, 1, 3, "TRAVERSE(relationship[, alias][, FILTER(condition)])",
                 "Move along a relationship to the related records, optionally filtering the edges.",
                 ("relationship", "alias", "filter"),
                 build=builder.build_traverse),
    FunctionSpec("HAVING", Role.STEP, 1, 2, "HAVING(aggregate comparison number[, window])",
                 "A condition on aggregated interactions; the window defaults to the whole lifetime.",
                 ("condition", "window"),
                 build=builder.build_having),
    FunctionSpec("DISTINCT", Role.STEP, 0, 0, "DISTINCT()", "The distinct set of the current records.",
                 build=builder.build_distinct),
    FunctionSpec("ORDERBY", Role.STEP, 1, VARIADIC, "ORDERBY(attribute [ASC|DESC], ...)",
                 "Order the members (static segments and member fetches only).", ("key",),
                 build=builder.build_orderby, takes_order_keys=True),
    FunctionSpec("SKIP", Role.STEP, 1, 1, "SKIP(n)", "Skip the first n members (member fetches only).", ("n",),
                 build=builder.build_count_step),
    FunctionSpec("TAKE", Role.STEP, 1, 1, "TAKE(n)", "Keep at most n members (member fetches only).", ("n",),
                 build=builder.build_count_step),
    FunctionSpec("SELECT", Role.STEP, 1, VARIADIC, "SELECT(attribute, ...)",
                 "The attributes to return (member fetches only).", ("attribute",),
                 build=builder.build_select),
    FunctionSpec("NOT", Role.FUNCTION, 1, 1, "NOT(condition)", "Negation of a condition.", ("condition",),
                 build=builder.build_not),
    FunctionSpec("ISNULL", Role.FUNCTION, 1, 1, "ISNULL(attribute)", "True when the attribute has no value.", ("attribute",),
                 build=builder.build_is_null),
    FunctionSpec("ISNOTNULL", Role.FUNCTION, 1, 1, "ISNOTNULL(attribute)", "True when the attribute has a value.",
                 ("attribute",),
                 build=builder.build_is_null),
    FunctionSpec("DATETIMEUTCNOW", Role.FUNCTION, 0, 0, "DATETIMEUTCNOW()", "The current UTC time, to the minute.",
                 build=builder.build_now),
    FunctionSpec("DATE", Role.FUNCTION, 3, 7, "DATE(year, month, day[, hour[, minute[, second[, millisecond]]]])",
                 "A date literal.", ("year", "month", "day", "hour", "minute", "second", "millisecond"),
                 build=builder.build_date),
    FunctionSpec("DATEDIFF", Role.FUNCTION, 3, 3, "DATEDIFF(part, start, end)",
                 "The difference end - start counted in the date part (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, "
                 "MILLISECOND).", ("part", "start", "end"),
                 build=builder.build_date_diff),
    FunctionSpec("DATEADD", Role.FUNCTION, 3, 3, "DATEADD(part, amount, date)",
                 "The date shifted by amount date parts.", ("part", "amount", "date"),
                 build=builder.build_date_add),
    FunctionSpec("COUNT", Role.AGGREGATE, 0, 0, "COUNT()", "The number of interactions (inside HAVING).",
                 build=builder.build_aggregate),
    FunctionSpec("SUM", Role.AGGREGATE, 1, 1, "SUM(attribute)", "The sum of an interaction attribute.", ("attribute",),
                 build=builder.build_aggregate),
    FunctionSpec("AVG", Role.AGGREGATE, 1, 1, "AVG(attribute)", "The average of an interaction attribute.", ("attribute",),
                 build=builder.build_aggregate),
    FunctionSpec("MIN", Role.AGGREGATE, 1, 1, "MIN(attribute)", "The smallest value of an interaction attribute.",
                 ("attribute",),
                 build=builder.build_aggregate),
    FunctionSpec("MAX", Role.AGGREGATE, 1, 1, "MAX(attribute)", "The largest value of an interaction attribute.",
                 ("attribute",),
                 build=builder.build_aggregate),
    FunctionSpec("UTCDAYS", Role.WINDOW, 1, 1, "UTCDAYS(n)", "A window of the last n days (UTC).", ("n",),
                 build=builder.build_window),
    FunctionSpec("UTCMONTHS", Role.WINDOW, 1, 1, "UTCMONTHS(n)", "A window of the last n months (UTC).", ("n",),
                 build=builder.build_window),
    FunctionSpec("UTCYEARS", Role.WINDOW, 1, 1, "UTCYEARS(n)", "A window of the last n years (UTC).", ("n",),
                 build=builder.build_window),
)

OUTBOUND = Dialect(
    name="outbound",
    title="outbound marketing",
    grammar_file="segquery.lark",
    functions={spec.name: spec for spec in OUTBOUND_FUNCTIONS},
    respellings={"AND": "&&", "OR": "||", "MINUS": "EXCEPT"},
    foreign_functions=_REALTIME_ONLY,
    foreign_code=codes.REALTIME_ONLY,
)
