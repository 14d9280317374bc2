"""Hover, signature help, semantic tokens, navigation, rename, symbols, folding
and inlay hints on real-time journeys texts (RELATE steps, nested paths, IN lists)."""

from __future__ import annotations

from ide_helpers import at, small_schema

from segquery.diagnostics import TextEdit
from segquery.ide import (Location, folding_ranges, hover, prepare_rename, references, rename, rename_problem,
                          semantic_tokens, signature_help, document_symbols, definition)
from segquery.ide.inlay_hints import inlay_hints
from segquery.ide.model import FoldingKind, FoldingRange
from segquery.source import Span
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME

SCHEMA = small_schema()
QUERY = ("PROFILE(contact).RELATE(contact_customer_accounts, a, RELATE(contact_customer_accounts, c))"
         ".FILTER(a.name == 'x' && c.statecode IN [0, 1] && a.name CONTAINS 'y')")


def hover_text(marked: str) -> str | None:
    text, offset = at(marked)
    found = hover(text, offset, schema=SCHEMA, dialect=REALTIME)
    return found.markdown if found is not None else None


def test_hover_on_relate_and_relateoptional():
    assert hover_text("PROFILE(contact).RE|LATE(contact_customer_accounts, a)") == (
        "```segquery\nRELATE(relationship, alias[, RELATE(...)])\n```\n\n"
        "Join the related records along a Dataverse relationship schema name (such as "
        "`contact_customer_accounts`); profiles without a related record are left out. Follow it with "
        "`.FILTER(...)` on `alias.attribute`.")
    assert hover_text("PROFILE(contact).RELATEOPT|IONAL(contact_customer_accounts, a)") == (
        "```segquery\nRELATEOPTIONAL(relationship, alias[, RELATE(...)])\n```\n\n"
        "Like RELATE, but profiles without a related record are kept (a left join).")


def test_hover_on_the_relationship_says_from_where_to_where():
    assert hover_text("PROFILE(contact).RELATE(contact_cus|tomer_accounts, a)") == (
        "**contact_customer_accounts** (relationship, `contact` → `account`)\n\n"
        "Lookup: `contact.parentcustomerid` → `account`\n\n"
        "Outbound TRAVERSE name: `contact_account_parentcustomerid`")
    nested = QUERY.replace("RELATE(contact_customer_accounts, c)", "RELATE(contact_customer_acc|ounts, c)")
    assert hover_text(nested).startswith("**contact_customer_accounts** (relationship, `account` → `contact`)")


def test_hover_on_aliases_names_their_table():
    assert hover_text(QUERY.replace(", a,", ", |a,")) == (
        "**a** (alias, declared here)\n\nNames the records of `account`.")
    assert hover_text(QUERY.replace(", c)", ", |c)")) == (
        "**c** (alias, declared here)\n\nNames the records of `contact`.")
    assert hover_text(QUERY.replace("c.statecode", "|c.statecode")) == (
        "**c** (alias, declared on line 1)\n\nNames the records of `contact`.")
    assert hover_text(QUERY.replace("a.name ==", "a.na|me ==")) == "**name** (string) of `account`"


def test_hover_says_the_dialect_on_sources_and_explains_in():
    assert hover_text("PRO|FILE(contact)") == (
        "```text\nContacts\n```\n\n---\n\n"   # the first token: the query explained, then the word
        "```segquery\nPROFILE(table)\n```\n\nAll records of a profile type: `contact` or `lead`.\n\n"
        "This file is read in the real-time journeys dialect.")
    assert hover_text(QUERY.replace("IN [", "I|N [")) == (
        "**IN** (keyword)\n\nValue list (real-time journeys): `attribute IN [v1, v2]` holds when the value "
        "equals one of the listed values (option codes, numbers or strings).")


def test_hover_on_interaction_table_and_profile_id_column():
    text = "INTERACTION(msdynmkt_emailsent, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead')"
    assert hover_text(text.replace("emailsent", "email|sent")) == (
        "**msdynmkt_emailsent** (interaction type)\n\n"
        "Profile id columns: `msdynmkt_entityid`, `msdynmkt_profileid`\n\nAttributes: 14")
    assert hover_text(text.replace("msdynmkt_entityid)", "msdynmkt_ent|ityid)")) == (
        "**msdynmkt_entityid** (profile id column of `msdynmkt_emailsent`)\n\n"
        "The FILTER says which profile type it holds: `msdynmkt_entityid_LogicalName == 'contact'` or `'lead'`.")
    assert hover_text(text.replace("_LogicalName ==", "_Logical|Name ==")) == (
        "**msdynmkt_entityid_LogicalName** (entityname) of `msdynmkt_emailsent`")


def test_signature_help_for_relate_and_inside_in_lists():
    text, offset = at("PROFILE(contact).RELATE(contact_customer_accounts, |")
    found = signature_help(text, offset, dialect=REALTIME)
    assert (found.label, found.active_parameter, [p.label for p in found.parameters]) == (
        "RELATE(relationship, alias[, RELATE(...)])", 1, ["relationship", "alias", "RELATE(...)"])
    assert found.parameters[1].documentation == (
        "A name for the related records, used as `alias.attribute` in the FILTER that follows.")
    text, offset = at("PROFILE(contact).FILTER(statecode IN [0, 1, |")
    found = signature_help(text, offset, dialect=REALTIME)
    assert (found.label, found.active_parameter) == ("FILTER(condition)", 0)


def test_semantic_tokens_of_relate_steps_and_in_lists():
    text = "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.statecode IN [0, 1])"
    tokens = [(text[token.start:token.start + token.length], token.type, token.modifiers)
              for token in semantic_tokens(text, dialect=REALTIME)]
    assert tokens == [
        ("PROFILE", "step", ()), ("contact", "table", ()), ("RELATE", "step", ()),
        ("contact_customer_accounts", "relationship", ()), ("a", "alias", ("declaration",)),
        ("FILTER", "step", ()), ("a", "alias", ()), ("statecode", "attribute", ()), ("IN", "keyword", ()),
        ("[", "operator", ()), ("0", "number", ()), ("1", "number", ()), ("]", "operator", ())]


def test_definition_and_references_of_relate_aliases():
    use = QUERY.index("c.statecode")
    assert definition(QUERY, use, dialect=REALTIME) == [Location(None, Span(88, 89))]
    declaration = QUERY.index(", a,") + 2
    assert references(QUERY, declaration, dialect=REALTIME) == [
        Location(None, Span(51, 52)), Location(None, Span(99, 100)), Location(None, Span(141, 142))]


def test_rename_of_a_relate_alias_updates_every_use():
    edits = rename(QUERY, QUERY.index("a.name"), "account_1", dialect=REALTIME)
    assert edits == {None: [TextEdit(51, 52, "account_1"), TextEdit(99, 100, "account_1"),
                            TextEdit(141, 142, "account_1")]}
    assert rename(QUERY, QUERY.index(", c)") + 2, "contact_2", dialect=REALTIME) == {
        None: [TextEdit(88, 89, "contact_2"), TextEdit(116, 117, "contact_2")]}


def test_rename_refusals_in_real_time():
    offset = QUERY.index("a.name")
    assert rename_problem(QUERY, offset, "c", dialect=REALTIME) == "an alias named `c` is already in scope"
    assert rename_problem(QUERY, offset, "in", dialect=REALTIME) == "`in` is a word of the language"
    assert rename_problem(QUERY, offset, "relate", dialect=REALTIME) == "`relate` is a word of the language"
    assert prepare_rename(QUERY, QUERY.index("IN ["), dialect=REALTIME).reason == "`IN` is a keyword"
    reference = "SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef)"
    assert prepare_rename(reference, 10, dialect=REALTIME).reason == (
        "`SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef` is the backend name derived from the segment's id; "
        "it changes only with the id")


def test_outline_shows_relate_steps_with_their_aliases_and_nested_paths():
    [query] = document_symbols(QUERY, dialect=REALTIME)
    [chain] = query.children
    source, relate, filter_step = chain.children
    assert (source.name, relate.name, filter_step.name) == (
        "PROFILE(contact)", "RELATE(contact_customer_accounts)", "FILTER")
    assert relate.selection == Span(17, 23)
    alias, nested = relate.children
    assert (alias.name, alias.span, nested.name, nested.span) == (
        "a", Span(51, 52), "RELATE(contact_customer_accounts)", Span(54, 90))
    assert [(child.name, child.detail) for child in nested.children] == [("c", "alias of the related records")]


def test_folding_of_a_multi_line_in_list():
    text = "PROFILE(contact).FILTER(statecode IN [\n    0,\n    1\n])"
    assert folding_ranges(text, dialect=REALTIME) == [FoldingRange(1, 4, FoldingKind.REGION)]


def test_inlay_hints_for_relate_aliases_and_option_values_in_lists():
    hints = inlay_hints(QUERY, schema=SCHEMA, dialect=REALTIME)
    assert [(hint.offset, hint.label) for hint in hints] == [
        (52, ": account"), (89, ": contact"), (133, "Active"), (136, "Inactive")]


def test_hover_on_a_source_gives_the_reason_for_the_dialect_when_told():
    found = hover("PROFILE(contact)", 2, schema=SCHEMA, dialect=OUTBOUND, dialect_reason="auto: TRAVERSE at 1:18")
    assert found.markdown.endswith("\n\nThis file is read in the outbound marketing dialect (auto: TRAVERSE at 1:18).")
    assert hover("PROFILE(contact)", 2, schema=SCHEMA).markdown == (
        "```text\nContacts\n```\n\n---\n\n"
        "```segquery\nPROFILE(table[, alias])\n```\n\n"
        "All records of a profile type (a Dataverse table such as `contact`).")
