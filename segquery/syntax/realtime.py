"""The real-time journeys dialect (Customer Insights - Journeys, `msdynmkt_*`).

A sibling of the outbound language (docs/realtime.md): profiles join related
tables with RELATE / RELATEOPTIONAL and Dataverse relationship schema names,
conditions may test `field IN [..]` lists, compound segments reference segment
definitions by `SEGMENT_CJO_ID_<32 hex>`, and interactions are the `msdynmkt_*`
tables. What only outbound has (TRAVERSE, aliases in PROFILE, paging steps,
MINUS, aggregates other than COUNT) is reported with the real-time form.
"""

from __future__ import annotations

import re
from dataclasses import replace

from segquery.diagnostics import Fix, TextEdit
from segquery.syntax import ast, codes
from segquery.syntax.builder import (
    BuildContext,
    RawCall,
    build_interaction,
    build_profile,
    build_segment,
    identifier_argument,
)
from segquery.syntax.dialect import Dialect, FunctionSpec, Role
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.printer import quote_string
from segquery.syntax.tokens import Lexicon

SEGMENT_ID_PREFIX = "SEGMENT_CJO_ID_"
SEGMENT_ID = re.compile(r"SEGMENT_CJO_ID_[0-9A-Fa-f]{32}\Z")
OUTBOUND_SEGMENT_ID_PREFIX = "SEGMENT_CRM_ID_"


def build_relate(ctx: BuildContext, call: RawCall) -> ast.Node:
    """`RELATE(relationship, alias[, RELATE(...)])`; the third argument continues the path."""
    args = call.arguments
    relationship = identifier_argument(ctx, args[0], "relationship")
    alias = _relate_alias(ctx, args[1])
    nested = None
    if len(args) > 2:
        inner = args[2]
        if isinstance(inner, ast.Call) and inner.name.name.upper() in RELATE_NAMES:
            ctx.stray_calls.pop(id(inner), None)
            spec = ctx.dialect.function(inner.name.name)
            assert spec is not None  # RELATE_NAMES are this dialect's
            count = len(inner.arguments)
            if not spec.min_args <= count <= spec.max_args:
                ctx.report_node(codes.ARGUMENT_COUNT, f"{spec.name} takes {spec.arity_text()}, but {count} "
                                f"{'was' if count == 1 else 'were'} given: {spec.signature}", inner)
                return ast.InvalidCall(call=call.as_call(), span=call.span)
            built = build_relate(ctx, RawCall(inner.name, inner.arguments, inner.span))
            if not isinstance(built, ast.Relate):
                return ast.InvalidCall(call=call.as_call(), span=call.span)
            nested = built
        else:
            ctx.report_node(codes.INVALID_ARGUMENT, f"the third argument of {call.upper} continues the path: "
                            "`RELATE(relationship, alias)` or `RELATEOPTIONAL(relationship, alias)`", inner)
    return ast.Relate(relationship=relationship, alias=alias, nested=nested,
                      optional=call.upper == "RELATEOPTIONAL", span=call.span)


def _relate_alias(ctx: BuildContext, arg: ast.Expr) -> ast.Identifier:
    if isinstance(arg, ast.Attribute) and arg.qualifier is not None and not arg.parens:
        ctx.report_node(codes.DOTTED_RELATE_ALIAS,
                        f"the alias is written alone: `{arg.name.name}`, not `{arg.dotted}`", arg,
                        fix=_alias_alone_fix(ctx, arg))
        return replace(arg.name, qualifier=arg.qualifier.name)
    return identifier_argument(ctx, arg, "alias")


def _alias_alone_fix(ctx: BuildContext, alias: ast.Attribute) -> Fix:
    """Write the alias alone; a comment between the qualifier and the name stays where it is."""
    qualifier, name = alias.qualifier, alias.name
    assert qualifier is not None
    message = f"Write `{name.name}`"
    start, end = qualifier.span.end, name.span.start
    comments = [comment.span for comment in ctx.comments if start <= comment.span.start < end]
    if not comments:
        return Fix.replace(message, alias.span.start, alias.span.end, name.name)
    dot = next(offset for offset in range(start, end) if ctx.source.text[offset] == "."
               and not any(span.start <= offset < span.end for span in comments))
    return Fix(message, (TextEdit(qualifier.span.start, qualifier.span.end, ""), TextEdit(dot, dot + 1, "")))


def build_realtime_profile(ctx: BuildContext, call: RawCall) -> ast.Node:
    """PROFILE(table): an alias is outbound's; it is reported and the profile read without it."""
    node = build_profile(ctx, call)
    if isinstance(node, ast.Profile) and node.alias is not None:
        alias = call.arguments[1]
        comma = ctx.source.text.rindex(",", call.arguments[0].span.end, alias.span.start + 1)
        ctx.report(codes.OUTBOUND_ONLY,
                   f"PROFILE takes no alias in real-time journeys: write `PROFILE({node.table.name})` and "
                   f"attributes of the profile unqualified", comma, alias.span.end)
        node = replace(node, alias=None)
    return node


def build_realtime_interaction(ctx: BuildContext, call: RawCall) -> ast.Node:
    """INTERACTION(table, profile_id_column): an alias is outbound's."""
    node = build_interaction(ctx, call)
    if isinstance(node, ast.Interaction) and node.alias is not None:
        alias = call.arguments[2]
        ctx.report_node(codes.OUTBOUND_ONLY, "INTERACTION takes no alias in real-time journeys: "
                        "`INTERACTION(interaction_table, profile_id_column)`", alias)
        node = replace(node, alias=None)
    return node


# ---------------------------------------------------------------- checks of what the grammar lets through


def check_string_test(ctx: BuildContext, node: ast.Node) -> None:
    assert isinstance(node, ast.StringTest)
    if node.op is not ast.StringOp.CONTAINS:
        ctx.report_node(codes.UNSUPPORTED_IN_REALTIME,
                        f"{node.op.value} is not supported in real-time journeys; only infix CONTAINS is "
                        "attested (`field CONTAINS 'text'`)", node)


def check_in_list(ctx: BuildContext, node: ast.Node) -> None:
    assert isinstance(node, ast.InList)
    if not node.values:
        ctx.report_node(codes.INVALID_ARGUMENT, "an IN list needs at least one value: `field IN [v1, v2]`", node)


def check_string(ctx: BuildContext, node: ast.Node) -> None:
    assert isinstance(node, ast.StringLiteral)
    if node.quote == '"':
        ctx.report_node(codes.REALTIME_DOUBLE_QUOTES, "real-time journeys rejects double-quoted strings: use single "
                        "quotes", node, fix=Fix.replace("Use single quotes", node.span.start, node.span.end,
                                                        quote_string(node.value)))


def check_set_operation(ctx: BuildContext, node: ast.Node) -> None:
    assert isinstance(node, ast.SetOperation)
    text = ctx.source.text
    for spelling, left, right in zip(node.spellings, node.operands, node.operands[1:]):
        if spelling.upper() != "MINUS":
            continue
        start = text.upper().find("MINUS", left.span.end, right.span.start)
        if start >= 0:
            end = start + len(spelling)
            ctx.report(codes.OUTBOUND_ONLY, "MINUS is outbound marketing's; real-time journeys writes EXCEPT",
                       start, end, fix=Fix.replace("Use EXCEPT", start, end, "EXCEPT"))


def build_realtime_segment(ctx: BuildContext, call: RawCall) -> ast.Node:
    """SEGMENT(SEGMENT_CJO_ID_<32 hex>): anything else is reported, and read as written."""
    node = build_segment(ctx, call)
    assert isinstance(node, ast.SegmentRef)
    name = node.name.name
    if SEGMENT_ID.match(name):
        return node
    if name.upper().startswith(OUTBOUND_SEGMENT_ID_PREFIX):
        message = (f"`{name}` is an outbound segment id; real-time journeys references the segment definition: "
                   f"`{SEGMENT_ID_PREFIX}` and its id's 32 hexadecimal digits (the ids differ)")
    elif name.upper().startswith(SEGMENT_ID_PREFIX):
        message = (f"`{name}`: after `{SEGMENT_ID_PREFIX}` come the 32 hexadecimal digits of the segment "
                   "definition's id, without dashes")
    else:
        message = (f"real-time journeys references a segment by its definition id: "
                   f"`SEGMENT({SEGMENT_ID_PREFIX}<32 hexadecimal digits>)`, not `{name}`")
    ctx.report_node(codes.REALTIME_SEGMENT_REFERENCE, message, node.name)
    return node


# ---------------------------------------------------------------- the dialect

RELATE_NAMES = ("RELATE", "RELATEOPTIONAL")

RELATE = FunctionSpec(
    "RELATE", Role.STEP, 2, 3, "RELATE(relationship, alias[, RELATE(...)])",
    "Join the related records along a Dataverse relationship schema name (such as "
    "`contact_customer_accounts`); profiles without a related record are left out. Follow it with "
    "`.FILTER(...)` on `alias.attribute`.", ("relationship", "alias", "nested"), build=build_relate)
RELATE_OPTIONAL = FunctionSpec(
    "RELATEOPTIONAL", Role.STEP, 2, 3, "RELATEOPTIONAL(relationship, alias[, RELATE(...)])",
    "Like RELATE, but profiles without a related record are kept (a left join).",
    ("relationship", "alias", "nested"), build=build_relate)

# Outbound functions with no real-time form, and what to write instead.
_OUTBOUND_ONLY: dict[str, str] = {
    "TRAVERSE": "TRAVERSE is outbound marketing's; real-time journeys joins with "
                "`.RELATE(relationship_schema_name, alias).FILTER(...)`",
    "DISTINCT": "DISTINCT is outbound marketing's; real-time journeys has no DISTINCT step (members are distinct)",
    "ORDERBY": "ORDERBY is an outbound member-fetch step; real-time journeys lists members with the "
               "msdynmkt_MembersList action",
    "SKIP": "SKIP is an outbound member-fetch step; real-time journeys lists members with the "
            "msdynmkt_MembersList action",
    "TAKE": "TAKE is an outbound member-fetch step; real-time journeys lists members with the "
            "msdynmkt_MembersList action",
    "SELECT": "SELECT is an outbound member-fetch step; real-time journeys lists members with the "
              "msdynmkt_MembersList action",
    "SUM": "HAVING counts interactions with COUNT() in real-time journeys; SUM is outbound marketing's",
    "AVG": "HAVING counts interactions with COUNT() in real-time journeys; AVG is outbound marketing's",
    "MIN": "HAVING counts interactions with COUNT() in real-time journeys; MIN is outbound marketing's",
    "MAX": "HAVING counts interactions with COUNT() in real-time journeys; MAX is outbound marketing's",
    "CONTAINS": "CONTAINS is written infix in real-time journeys: `field CONTAINS 'text'`",
    "STARTSWITH": "STARTSWITH is not supported in real-time journeys; only infix CONTAINS is attested",
    "ENDSWITH": "ENDSWITH is not supported in real-time journeys; only infix CONTAINS is attested",
}

def _realtime_functions() -> dict[str, FunctionSpec]:
    functions = {name: spec for name, spec in OUTBOUND.functions.items() if name not in _OUTBOUND_ONLY}
    # Two arguments are still read, so that an outbound alias is reported with the form to write (S030).
    functions["PROFILE"] = replace(functions["PROFILE"], max_args=2, signature="PROFILE(table)",
                                   doc="All records of a profile type: `contact` or `lead`.",
                                   parameters=("table",), build=build_realtime_profile)
    functions["INTERACTION"] = replace(
        functions["INTERACTION"], signature="INTERACTION(interaction_table, profile_id_column)",
        doc="Profiles linked to a real-time interaction (an `msdynmkt_*` table such as "
            "`msdynmkt_emailopened`). Its FILTER states the profile type "
            "(`msdynmkt_entityid_LogicalName == 'contact'`); `.HAVING(...)` is optional and defaults to "
            "at least one occurrence.",
        parameters=("interaction_table", "profile_id_column"), build=build_realtime_interaction)
    functions["HAVING"] = replace(functions["HAVING"], signature="HAVING(COUNT() comparison number[, window])")
    functions["SEGMENT"] = replace(functions["SEGMENT"], signature="SEGMENT(SEGMENT_CJO_ID_<definition id>)",
                                   doc="All members of another segment, by its segment definition's id (32 "
                                       "hexadecimal digits, no dashes); using it makes a segment compound.",
                                   parameters=("segment_definition_id",), build=build_realtime_segment)
    functions["RELATE"] = RELATE
    functions["RELATEOPTIONAL"] = RELATE_OPTIONAL
    return functions


# `field IN [v1, v2]` sits where a comparison does; list items are values.
_GRAMMAR_EXTENSION = r"""
%extend comparison: string_test IN_WORD LSQB in_items RSQB -> in_list
in_items: [sum ("," sum)*]
IN_WORD.2: /in(?![A-Za-z0-9_])/i
LSQB: "["
RSQB: "]"
"""

REALTIME = Dialect(
    name="realtime",
    title="real-time journeys",
    grammar_file=OUTBOUND.grammar_file,
    functions=_realtime_functions(),
    lexicon=Lexicon(operators=OUTBOUND.lexicon.operators, punctuation=OUTBOUND.lexicon.punctuation + "[]"),
    grammar_extension=_GRAMMAR_EXTENSION,
    # The formatter prints `&&`, `||` and EXCEPT, as in outbound (a lint rule prefers them here).
    respellings=OUTBOUND.respellings,
    foreign_functions=_OUTBOUND_ONLY,
    foreign_code=codes.OUTBOUND_ONLY,
    node_checks={ast.StringTest: check_string_test, ast.InList: check_in_list, ast.StringLiteral: check_string,
                 ast.SetOperation: check_set_operation},
)
