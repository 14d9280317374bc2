"""Query kinds, table inference and scopes."""

import pytest

from segquery.semantic import NO_SCHEMA, QueryKind, infer_kind, infer_tables, link_type_table, scope_at
from segquery.syntax import ast
from segquery.syntax.parser import parse, parse_tolerant


@pytest.mark.parametrize("text, kind", [
    ("PROFILE(contact)", QueryKind.DYNAMIC),
    ("PROFILE(contact).FILTER(statecode == 0)", QueryKind.DYNAMIC),
    ("PROFILE(contact) UNION PROFILE(account).TRAVERSE(contact_account_parentcustomerid)", QueryKind.DYNAMIC),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)", QueryKind.DYNAMIC),
    ("SEGMENT(a)", QueryKind.COMPOUND),
    ("PROFILE(contact) EXCEPT (SEGMENT(a) UNION SEGMENT(b))", QueryKind.COMPOUND),
    ("PROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(5).SELECT(contactid)", QueryKind.STATIC),
    ("PROFILE(contact).FILTER(x == 1).ORDERBY(fullname ASC).SKIP(0).TAKE(5).SELECT(contactid)", QueryKind.STATIC),
    ("PROFILE(account).TRAVERSE(r).ORDERBY(fullname ASC).SKIP(0).TAKE(5).SELECT(contactid)", QueryKind.FETCH),
    ("(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)", QueryKind.FETCH),
    ("SEGMENT(a).TAKE(15)", QueryKind.FETCH),
])
def test_infer_kind(text, kind):
    assert infer_kind(parse(text)) is kind


def test_query_kind_parse():
    assert QueryKind.parse(" Static ") is QueryKind.STATIC
    with pytest.raises(ValueError, match="unknown query kind 'segment'; expected one of dynamic, static, compound, fetch"):
        QueryKind.parse("segment")


@pytest.mark.parametrize("interaction, link, table", [
    ("EmailOpened", "EmailOpened_ContactLink", "contact"),
    ("EmailOpened", "EmailOpenedLeadLink", "lead"),
    ("EmailOpen", "EmailOpened_ContactLink", "contact"),
    ("Custom", "Custom_AccountLink", "account"),
    ("EmailOpened", "EmailOpened_Link", None),
    ("EmailOpened", "Contact", None),
])
def test_link_type_table(interaction, link, table):
    assert link_type_table(interaction, link) == table


def test_tables_of_chain_steps_and_aliases():
    query = parse("PROFILE(Account, a).FILTER(a.name == 'x').TRAVERSE(contact_account_parentcustomerid, c, "
                  "FILTER(c.statecode == 0)).DISTINCT()")
    info = infer_tables(query)
    chain = query.body
    source, filter_step, traverse, distinct = chain.source, *chain.steps
    assert info.result == "contact"
    assert info.table_of(chain) == "contact"
    assert info.step(source).after == "account"
    assert (info.step(filter_step).before, info.step(filter_step).after) == ("account", "account")
    assert info.step(filter_step).aliases == {"a": "account"}
    assert info.step(filter_step).alias.name == "a"
    assert (info.step(traverse).before, info.step(traverse).after) == ("account", "contact")
    assert info.step(traverse.filter).aliases == {"a": "account", "c": "contact"}
    assert info.step(traverse.filter).alias.name == "c"
    assert info.step(distinct).before == "contact"
    assert [binding.name for binding in info.declared(chain)] == ["a", "c"]


def test_equal_steps_in_different_chains_are_told_apart():
    query = parse("PROFILE(contact).FILTER(x == 1) UNION PROFILE(account).FILTER(x == 1)")
    left, right = query.body.operands
    assert left.steps[0] == right.steps[0]
    info = infer_tables(query)
    assert info.step(left.steps[0]).before == "contact"
    assert info.step(right.steps[0]).before == "account"
    assert info.table_of(query.body) is None  # the operands disagree


def test_tables_of_interactions():
    query = parse("INTERACTION(EmailOpened, EmailOpened_ContactLink, i).FILTER(i.emailDomain == 'a')"
                  ".HAVING(COUNT() > 0)")
    info = infer_tables(query)
    filter_step, having = query.body.steps
    scope = info.step(filter_step)
    assert (scope.before, scope.interaction, scope.aliases) == (None, "EmailOpened", {"i": "EmailOpened"})
    assert scope.alias.interaction is True
    assert (info.step(having).interaction, info.step(having).after) == ("EmailOpened", "contact")
    assert info.result == "contact"


def test_segment_types_as_mapping_and_function():
    query = parse("SEGMENT(a) UNION SEGMENT(b)")
    assert infer_tables(query).result is None
    assert infer_tables(query, segment_types={"a": "Contact"}).result == "contact"
    assert infer_tables(query, segment_types=lambda name: "account").result == "account"
    mixed = infer_tables(query, segment_types={"a": "contact", "b": "account"})
    assert [mixed.table_of(operand) for operand in query.body.operands] == ["contact", "account"]
    assert mixed.result is None


def test_without_schema_names_are_kept_as_written():
    query = parse("PROFILE(Contact).TRAVERSE(contact_account_parentcustomerid)")
    info = infer_tables(query, NO_SCHEMA)
    assert info.step(query.body.source).after == "Contact"
    assert info.result is None  # TRAVERSE needs the schema's relationships
    assert infer_tables(query).result == "account"


def test_grouped_queries_keep_the_table_of_their_body():
    query = parse("(PROFILE(contact)).ORDERBY(fullname ASC).SKIP(0).TAKE(1).SELECT(contactid)")
    info = infer_tables(query)
    assert info.result == "contact"
    assert info.step(query.body.steps[0]).aliases == {}


def test_scope_at_positions():
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(c.fullname == 'x')"
    query = parse(text)
    in_filter = scope_at(query, text.index("fullname"))
    assert (in_filter.table, in_filter.alias, dict(in_filter.aliases)) == ("contact", "c", {"a": "account", "c": "contact"})
    in_traverse = scope_at(query, text.index("contact_account"))
    assert (in_traverse.table, in_traverse.alias) == ("account", "a")
    at_dot = scope_at(query, text.index(".TRAVERSE"))
    assert at_dot.table == "account"
    at_end = scope_at(query, len(text))
    assert at_end.table == "contact"


def test_scope_at_in_an_interaction_filter():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a').HAVING(COUNT() > 0)"
    scope = scope_at(parse(text), text.index("emailDomain"))
    assert (scope.table, scope.interaction) == ("EmailOpened", "EmailOpened")


def test_scope_at_outside_any_chain():
    text = "SEGMENT(a) UNION SEGMENT(b)"
    scope = scope_at(parse(text), text.index("UNION"))
    assert (scope.table, dict(scope.aliases)) == (None, {})


def test_invalid_steps_make_the_table_unknown():
    result = parse_tolerant("PROFILE(account).TRAVRSE(contact_account_parentcustomerid).FILTER(x == 1)")
    info = infer_tables(result.query)
    invalid, filter_step = result.query.body.steps
    assert isinstance(invalid, ast.InvalidCall)
    assert info.step(filter_step).before is None
