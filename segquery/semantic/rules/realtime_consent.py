"""V063-V065: consent pseudo-fields `compliance_profile_<32 hex>` and their token strings."""

from __future__ import annotations

import re

from segquery.rules.registry import Category, define
from segquery.rules.scope import RuleScope
from segquery.semantic.context import ValidationContext
from segquery.semantic.realtime_context import CONSENT_PREFIX, is_consent_field
from segquery.semantic.rules.base import Rule
from segquery.semantic.rules.guid_strings import GUID
from segquery.suggest import did_you_mean
from segquery.syntax import ast

CONSENT_FIELD_NAME = define(
    "V063", "consent-field-name", "A `compliance_profile_` pseudo-field not followed by 32 hexadecimal digits.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports an attribute that starts with `compliance_profile_` but does not go on with exactly 32 "
         "hexadecimal digits (the compliance profile's id without dashes).",
    why="Consent pseudo-fields are named after their compliance profile; any other name tests nothing.",
    example="PROFILE(contact).FILTER(compliance_profile_1234 == 'cp:...')",
    use_instead="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
                "'cp:01234567-89ab-cdef-0123-456789abcdef;p:11111111-2222-3333-4444-555555555555;v:OptedIn')")

CONSENT_TOKEN = define(
    "V064", "consent-token", "A consent token string with a missing, unknown, repeated or malformed key.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Checks the string a consent pseudo-field is compared with: `;`-separated `key:value` parts with the "
         "keys `cp` (compliance profile, GUID, required), `p` (purpose, GUID, required), `t` (topic, GUID), "
         "`ch` (channel), `ea` (contact-point attribute) and `v` (value), each at most once and none other. "
         "The range is the faulty part inside the string.",
    why="The service reads the token's structure; a token it cannot read tests no consent (reference R.2).",
    example="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
            "'cp:01234567-89ab-cdef-0123-456789abcdef;v:OptedIn')",
    use_instead="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
                "'cp:01234567-89ab-cdef-0123-456789abcdef;p:11111111-2222-3333-4444-555555555555;v:OptedIn')")

CONSENT_FIELD_USAGE = define(
    "V065", "consent-field-usage", "A consent pseudo-field used other than `== 'token'` or ISNOTNULL.",
    category=Category.VALIDATION, dialects=("realtime",),
    what="Reports a `compliance_profile_...` pseudo-field compared with another operator than `==`, compared "
         "with something other than a string, tested with ISNULL, CONTAINS or IN.",
    why="Only `== 'token'` and ISNOTNULL are attested (reference R.2); anything else has no known meaning.",
    example="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef != 'cp:...')",
    use_instead="PROFILE(contact).FILTER(ISNOTNULL(compliance_profile_0123456789abcdef0123456789abcdef))")


FIELD_ID = re.compile(r"[0-9A-Fa-f]{32}\Z")
GUID_KEYS = {"cp": "the compliance profile", "p": "the purpose", "t": "the topic"}
TEXT_KEYS = {"ch": "the channel", "ea": "the contact-point attribute", "v": "the consent value"}
KEYS = {**GUID_KEYS, **TEXT_KEYS}
REQUIRED = ("cp", "p")


def check(ctx: ValidationContext) -> None:
    for attribute in ctx.nodes(ast.Attribute):
        if is_consent_field(attribute) and not FIELD_ID.match(attribute.name.name[len(CONSENT_PREFIX):]):
            ctx.report_node(CONSENT_FIELD_NAME,
                            f"`{attribute.name.name}`: `{CONSENT_PREFIX}` is followed by the compliance profile's "
                            "id, 32 hexadecimal digits without dashes", attribute)
    for comparison in ctx.nodes(ast.Comparison):
        for side, other in ((comparison.left, comparison.right), (comparison.right, comparison.left)):
            if isinstance(side, ast.Attribute) and is_consent_field(side):
                _comparison(ctx, comparison, side, other)
                break
    tests: list[ast.IsNull | ast.StringTest | ast.InList] = [
        *ctx.nodes(ast.IsNull), *ctx.nodes(ast.StringTest), *ctx.nodes(ast.InList)]
    for node in tests:
        tested = node.operand if isinstance(node, ast.IsNull) else node.subject
        if isinstance(tested, ast.Attribute) and is_consent_field(tested) and not (
                isinstance(node, ast.IsNull) and node.negated):
            ctx.report_node(CONSENT_FIELD_USAGE, f"a consent pseudo-field is compared with `== 'token'` "
                            f"or tested with ISNOTNULL, not with {_what(node)}", node)


def _what(node: ast.Expr) -> str:
    if isinstance(node, ast.IsNull):
        return "ISNULL"
    if isinstance(node, ast.StringTest):
        return node.op.value
    return "IN"


def _comparison(ctx: ValidationContext, comparison: ast.Comparison, field: ast.Attribute, other: ast.Expr) -> None:
    if comparison.op is not ast.CompareOp.EQ:
        ctx.report_node(CONSENT_FIELD_USAGE, "a consent pseudo-field is compared with `==` and its token "
                        f"string, not with `{comparison.op.value}`", comparison)
    elif not isinstance(other, ast.StringLiteral):
        ctx.report_node(CONSENT_FIELD_USAGE, "a consent pseudo-field is compared with a token string "
                        f"('cp:<guid>;p:<guid>;...'), not with `{ctx.text(other)}`", other)
    else:
        _token(ctx, other)


def _token(ctx: ValidationContext, literal: ast.StringLiteral) -> None:
    """Check the `key:value;...` parts, reporting each fault at its place in the string."""
    # Offsets inside the string map to the source when it is written without escapes.
    exact = ctx.text(literal) == f"'{literal.value}'"

    def report(message: str, start: int, end: int) -> None:
        if exact:
            ctx.report(CONSENT_TOKEN, message, literal.span.start + 1 + start, literal.span.start + 1 + end)
        else:
            ctx.report_node(CONSENT_TOKEN, message, literal)

    seen: dict[str, int] = {}
    offset = 0
    for part in literal.value.split(";"):
        start, end = offset, offset + len(part)
        offset = end + 1
        key, colon, value = part.partition(":")
        if not part:
            separator = start - 1 if start > 0 else end
            report("an empty part: remove this `;`", separator, separator + 1)
            continue
        if not colon:
            report(f"`{part}` is not `key:value`", start, end)
            continue
        if key not in KEYS:
            suggestion = did_you_mean(key, KEYS)
            report(f"unknown consent key `{key}`" + (f"; did you mean `{suggestion}`?" if suggestion else
                   "; the keys are " + ", ".join(f"`{name}`" for name in KEYS)), start, start + len(key))
            continue
        if key in seen:
            report(f"the key `{key}` is given twice", start, start + len(key))
            continue
        seen[key] = start
        value_start = start + len(key) + 1
        if key in GUID_KEYS and not GUID.match(value):
            report(f"`{key}` ({GUID_KEYS[key]}) is a GUID, not `{value}`", value_start, end)
        elif not value:
            report(f"`{key}` ({KEYS[key]}) has no value", start, end)
    for key in REQUIRED:
        if key not in seen:
            ctx.report_node(CONSENT_TOKEN, f"the consent token needs `{key}:<guid>` ({GUID_KEYS[key]})",
                            literal)


RULE = Rule((CONSENT_FIELD_NAME, CONSENT_TOKEN, CONSENT_FIELD_USAGE), check, scope=RuleScope.STEP)
