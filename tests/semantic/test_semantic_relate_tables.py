"""Table inference through RELATE steps (real-time journeys): the chain keeps
its table; each RELATE alias, nested ones too, stands for the related table."""

from __future__ import annotations

from segquery.schema import default_schema
from segquery.semantic.tables import infer_tables
from segquery.syntax import ast
from segquery.syntax.parser import parse
from segquery.syntax.realtime import REALTIME


def test_relate_aliases_reach_the_related_tables_and_the_chain_stays_on_the_profile():
    query = parse("PROFILE(contact).RELATE(contact_customer_accounts, a, RELATEOPTIONAL(account_primary_contact, p))"
                  ".FILTER(a.name == 'x' && p.fullname == 'y')", dialect=REALTIME)
    info = infer_tables(query, default_schema())
    chain = query.body
    assert isinstance(chain, ast.Chain)
    relate, filter_step = chain.steps
    scope = info.step(filter_step)
    assert (scope.before, scope.alias) == ("contact", None)
    assert scope.aliases == {"a": "account", "p": "contact"}
    assert [binding.declared_by for binding in scope.bindings] == [relate, relate.nested]
    assert info.result == "contact"


def test_an_unknown_relationship_leaves_its_alias_and_the_nested_path_unknown():
    query = parse("PROFILE(contact).RELATE(no_such_relationship, a, RELATE(account_primary_contact, p))"
                  ".FILTER(a.name == 'x')", dialect=REALTIME)
    info = infer_tables(query, default_schema())
    assert info.step(query.body.steps[1]).aliases == {"a": None, "p": None}
