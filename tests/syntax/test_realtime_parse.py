"""The real-time journeys dialect's grammar: every construct of R.1-R.2 parses
to its tree, and constructs of the other dialect are reported where they are
written, with what to write instead (S030-S035)."""

from __future__ import annotations

import pytest

from segquery.lint.fixes import apply_fixes
from segquery.lint.normal_form import normal_form
from segquery.syntax import ast
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.printer import unparse
from segquery.syntax.realtime import REALTIME

DEFINITION_ID = "SEGMENT_CJO_ID_0a1b2c3d4e5f60718293a4b5c6d7e8f9"


def findings(text: str, dialect=REALTIME) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.range.start.offset, d.range.end.offset, d.message)
            for d in parse_tolerant(text, dialect=dialect).diagnostics]


def tree(text: str) -> ast.Query:
    result = parse_tolerant(text, dialect=REALTIME)
    assert result.diagnostics == (), result.diagnostics
    assert result.query is not None
    return result.query


def steps(text: str) -> tuple[ast.Step, ...]:
    body = tree(text).body
    assert isinstance(body, ast.Chain)
    return body.steps


# ---------------------------------------------------------------- constructs


def test_relate_joins_along_a_relationship_with_an_alias():
    relate, filter_step = steps("PROFILE(contact).RELATE(contact_customer_accounts, account_1)"
                                ".FILTER(account_1.name == 'Contoso')")
    assert isinstance(relate, ast.Relate) and isinstance(filter_step, ast.Filter)
    assert (relate.relationship.name, relate.alias.name, relate.nested, relate.optional) == (
        "contact_customer_accounts", "account_1", None, False)
    assert relate.call_name == "RELATE"


def test_relateoptional_with_a_nested_path():
    (relate, _filter) = steps("PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, account_1, "
                              "RELATE(account_primary_contact, contact_2)).FILTER(ISNULL(contact_2.fullname))")
    assert relate.optional and relate.call_name == "RELATEOPTIONAL"
    assert relate.nested is not None
    assert (relate.nested.relationship.name, relate.nested.alias.name, relate.nested.optional) == (
        "account_primary_contact", "contact_2", False)


def test_in_lists_of_numbers_and_strings():
    (filter_step,) = steps("PROFILE(contact).FILTER(industrycode IN [16, 24] && address1_city IN ['Seattle'])")
    condition = filter_step.condition
    assert isinstance(condition, ast.Logical)
    first, second = condition.operands
    assert isinstance(first, ast.InList) and [value.text for value in first.values] == ["16", "24"]
    assert isinstance(second, ast.InList) and [value.value for value in second.values] == ["Seattle"]


def test_in_is_a_name_where_no_list_can_follow():
    (filter_step,) = steps("PROFILE(contact).FILTER(in == 1)")
    assert isinstance(filter_step.condition, ast.Comparison)
    assert filter_step.condition.left == ast.Attribute(name=ast.Identifier(name="in"))


def test_word_and_symbol_logic_true_false_and_mixed_case_keywords():
    query = tree("Profile(contact).Filter(donotemail == false And (isprivate == TRUE or x && y || z))")
    assert unparse(query) == "PROFILE(contact).FILTER(donotemail == FALSE && (isprivate == TRUE || x && y || z))"


def test_interaction_with_discriminator_and_optional_having_inside_a_set_operation():
    query = tree("PROFILE(contact) INTERSECT Interaction(msdynmkt_emailopened, msdynmkt_entityid)"
                 ".FILTER(msdynmkt_entityid_LogicalName == 'contact').Having(Count() >= 1, UTCMONTHS(24))")
    assert isinstance(query.body, ast.SetOperation)
    interaction = query.body.operands[1]
    assert isinstance(interaction, ast.Chain) and isinstance(interaction.source, ast.Interaction)
    assert [type(step).__name__ for step in interaction.steps] == ["Filter", "Having"]
    assert tree("INTERACTION(msdynmkt_emailsent, msdynmkt_entityid)"
                ".FILTER(msdynmkt_entityid_LogicalName == 'lead')").body.steps[-1].call_name == "FILTER"


def test_segment_references_a_definition_id():
    assert tree(f"SEGMENT({DEFINITION_ID}) EXCEPT SEGMENT({DEFINITION_ID.upper()})").body.operators == (
        ast.SetOp.EXCEPT,)


@pytest.mark.parametrize("text", [
    "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    "PROFILE(lead).RELATEOPTIONAL(a_b, x, RELATEOPTIONAL(c_d, y, RELATE(e_f, z))).FILTER(z.q IN [1, 2, 3])",
    "PROFILE(contact).FILTER(a IN ['x', 'y'] || NOT(b IN [-1]))",
    f"(SEGMENT({DEFINITION_ID}) UNION PROFILE(contact)) INTERSECT INTERACTION(msdynmkt_emailsent, "
    "msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
])
def test_printing_round_trips(text):
    query = tree(text)
    assert unparse(query) == text
    assert parse_tolerant(unparse(query), dialect=REALTIME).query == query


# ---------------------------------------------------------------- outbound constructs in a real-time file


def test_traverse_and_a_profile_alias_are_outbound_only():
    text = "PROFILE(contact, contact_1).TRAVERSE(contact_account_parentcustomerid, account_1)"
    assert findings(text) == [
        ("S030", 15, 26, "PROFILE takes no alias in real-time journeys: write `PROFILE(contact)` and attributes "
                         "of the profile unqualified"),
        ("S030", 28, 36, "TRAVERSE is outbound marketing's; real-time journeys joins with "
                         "`.RELATE(relationship_schema_name, alias).FILTER(...)`"),
    ]


@pytest.mark.parametrize("step", ["ORDERBY(fullname ASC)", "SKIP(0)", "TAKE(10)", "SELECT(fullname)", "DISTINCT()"])
def test_paging_and_distinct_steps_are_outbound_only(step):
    text = f"PROFILE(contact).{step}"
    name = step.split("(")[0]
    [(code, start, end, message)] = findings(text)
    assert (code, start, end) == ("S030", 17, 17 + len(name))
    assert message.startswith(f"{name} is ")


def test_minus_is_reported_with_a_fix_to_except():
    text = f"SEGMENT({DEFINITION_ID}) minus SEGMENT({DEFINITION_ID})"
    result = parse_tolerant(text, dialect=REALTIME)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.range.start.offset, diagnostic.message) == (
        "S030", 57, "MINUS is outbound marketing's; real-time journeys writes EXCEPT")
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].new_text == "EXCEPT"


def test_an_interaction_alias_and_outbound_aggregates():
    text = "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid, i).HAVING(SUM(x) > 1)"
    assert findings(text) == [
        ("S030", 53, 54, "INTERACTION takes no alias in real-time journeys: "
                         "`INTERACTION(interaction_table, profile_id_column)`"),
        ("S030", 63, 66, "HAVING counts interactions with COUNT() in real-time journeys; SUM is outbound marketing's"),
    ]


@pytest.mark.parametrize("reference, message", [
    ("SEGMENT_CRM_ID_5c5f3f3b0e6a4c8e9a1d2b3c4d5e6f70",
     "`SEGMENT_CRM_ID_5c5f3f3b0e6a4c8e9a1d2b3c4d5e6f70` is an outbound segment id; real-time journeys references "
     "the segment definition: `SEGMENT_CJO_ID_` and its id's 32 hexadecimal digits (the ids differ)"),
    ("SEGMENT_CJO_ID_0a1b", "`SEGMENT_CJO_ID_0a1b`: after `SEGMENT_CJO_ID_` come the 32 hexadecimal digits of the "
                            "segment definition's id, without dashes"),
    ("engaged", "real-time journeys references a segment by its definition id: "
                "`SEGMENT(SEGMENT_CJO_ID_<32 hexadecimal digits>)`, not `engaged`"),
])
def test_segment_references_other_than_a_definition_id(reference, message):
    assert findings(f"SEGMENT({reference})") == [("S032", 8, 8 + len(reference), message)]


def test_the_dotted_alias_is_read_and_reported_with_a_fix():
    text = "PROFILE(contact).RELATE(contact_customer_accounts, account.account_1).FILTER(account_1.name == 'A')"
    result = parse_tolerant(text, dialect=REALTIME)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.range.start.offset, diagnostic.range.end.offset, diagnostic.message) == (
        "S033", 51, 68, "the alias is written alone: `account_1`, not `account.account_1`")
    assert diagnostic.severity.label == "warning"
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].new_text == "account_1"
    assert result.query is not None and result.query.body.steps[0].alias.name == "account_1"


@pytest.mark.parametrize("text, fixed", [
    ("PROFILE(contact).RELATE(s, t//\n._).FILTER(x == 1)", "PROFILE(contact).RELATE(s, //\n_).FILTER(x == 1)"),
    ("PROFILE(contact).RELATE(s, t. // a.b\n _).FILTER(x == 1)",
     "PROFILE(contact).RELATE(s,  // a.b\n _).FILTER(x == 1)"),
])
def test_the_dotted_alias_fix_keeps_a_comment_inside_it(text, fixed):
    [diagnostic] = parse_tolerant(text, dialect=REALTIME).diagnostics
    assert diagnostic.code == "S033" and diagnostic.fix is not None
    assert apply_fixes(text, [diagnostic])[0] == fixed
    assert normal_form(tree(fixed)) == normal_form(parse_tolerant(text, dialect=REALTIME).query)


def test_string_tests_other_than_infix_contains():
    text = "PROFILE(contact).FILTER(a STARTSWITH 'x' || b CONTAINS 'y' || CONTAINS(c, 'z'))"
    assert findings(text) == [
        ("S034", 24, 40, "STARTSWITH is not supported in real-time journeys; only infix CONTAINS is attested "
                         "(`field CONTAINS 'text'`)"),
        ("S030", 62, 70, "CONTAINS is written infix in real-time journeys: `field CONTAINS 'text'`"),
    ]


def test_double_quotes_are_an_error_with_a_fix():
    result = parse_tolerant('PROFILE(contact).FILTER(address1_city == "Sea\'ttle")', dialect=REALTIME)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.range.start.offset, diagnostic.range.end.offset) == ("S035", 41, 51)
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].new_text == "'Sea\\'ttle'"


def test_an_empty_in_list():
    assert findings("PROFILE(contact).FILTER(a IN [])") == [
        ("S018", 24, 31, "an IN list needs at least one value: `field IN [v1, v2]`")]


# ---------------------------------------------------------------- real-time constructs in an outbound file


def test_relate_in_outbound_names_the_outbound_form():
    text = "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'x')"
    assert findings(text, OUTBOUND) == [
        ("S031", 17, 23, "RELATE is real-time journeys'; outbound marketing joins with "
                         "`.TRAVERSE(relationship, alias, FILTER(...))` and the outbound relationship name")]


def test_an_in_list_in_outbound_is_one_finding():
    assert findings("PROFILE(contact).FILTER(industrycode IN [16, 24])", OUTBOUND) == [
        ("S031", 37, 48, "`IN [..]` lists are real-time journeys'; outbound marketing compares each value: "
                         "`field == 1 || field == 2`")]


def test_a_definition_id_in_outbound():
    assert findings(f"SEGMENT({DEFINITION_ID})", OUTBOUND) == [
        ("S031", 8, 55, f"`{DEFINITION_ID}` is a real-time journeys segment definition id; outbound references "
                        "are `SEGMENT_CRM_ID_<id>` or segment names")]
