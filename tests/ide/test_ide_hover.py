"""Hover: exact Markdown and range for each kind of word."""

from __future__ import annotations

from ide_helpers import at, small_schema, workspace_segments

from segquery.ide import Hover, hover
from segquery.source import Span

SCHEMA = small_schema()
QUERY = ("PROFILE(account, a).FILTER(a.numberofemployees > 5)"
         ".TRAVERSE(contact_account_parentcustomerid, c, FILTER(statecode == 0 && c.fullname CONTAINS 'x'))")


def hover_at(marked: str, **kwargs) -> Hover | None:
    text, offset = at(marked)
    return hover(text, offset, schema=SCHEMA, **kwargs)


def hover_word(text: str, word: str, **kwargs) -> Hover | None:
    return hover(text, text.index(word), schema=SCHEMA, **kwargs)


def test_function_shows_signature_and_doc():
    assert hover_word(QUERY, "TRAVERSE") == Hover(
        "```segquery\nTRAVERSE(relationship[, alias][, FILTER(condition)])\n```\n\n"
        "Move along a relationship to the related records, optionally filtering the edges.", Span(52, 60))


def test_table():
    assert hover_word(QUERY, "account") == Hover(
        "**account** (table, 3 attributes)\n\nPrimary id: `accountid`\n\nPrimary name: `name`\n\n"
        "Entity set: `accounts`\n\nRelationships: 2 (TRAVERSE from here)", Span(8, 15))


def test_attribute_of_an_alias_with_type_and_table():
    result = hover_word(QUERY, "numberofemployees")
    assert result == Hover("**numberofemployees** (integer) of `account`", Span(29, 46))


def test_unqualified_attribute_in_traverse_filter_belongs_to_the_related_table_with_options():
    assert hover_word(QUERY, "statecode").markdown == (
        "**statecode** (state) of `contact`\n\nOptions:\n- `0` Active\n- `1` Inactive")


def test_lookup_attribute_names_its_targets():
    text = "PROFILE(contact).FILTER(ISNULL(parentcustomerid))"
    assert hover_word(text, "parentcustomerid").markdown == (
        "**parentcustomerid** (customer → account, contact) of `contact`")


def test_alias_use_and_declaration():
    assert hover_word(QUERY, "c.fullname").markdown == (
        "**c** (alias, declared on line 1)\n\nNames the records of `contact`.")
    assert hover_word(QUERY, "a)").markdown == "**a** (alias, declared here)\n\nNames the records of `account`."


def test_relationship_from_the_current_table():
    assert hover_word(QUERY, "contact_account").markdown == (
        "**contact_account_parentcustomerid** (relationship)\n\nLookup: `contact.parentcustomerid` → `account`\n\n"
        "TRAVERSE from `account` reaches `contact`.\n\nDataverse schema name: `contact_customer_accounts`")


def test_keyword_and_date_part():
    assert hover_word(QUERY, "CONTAINS").markdown == (
        "**CONTAINS** (keyword)\n\nString test: `attribute CONTAINS 'text'` holds when the value contains the text.")
    text = "PROFILE(contact).FILTER(DATEDIFF(day, birthdate, DATETIMEUTCNOW()) > 1)"
    assert hover_word(text, "day").markdown == (
        "**DAY** (date part)\n\nThe unit DATEDIFF counts in and DATEADD shifts by.")


def test_interaction_and_link_type():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(timestamp > DATE(2024, 1, 1))"
    assert hover_word(text, "EmailOpened,").markdown == (
        "**EmailOpened** (interaction type)\n\nLink types: `EmailOpened_ContactLink`, `EmailOpenedLeadLink`\n\n"
        "Attributes: 2")
    assert hover_word(text, "EmailOpened_").markdown == (
        "**EmailOpened_ContactLink** (link type of `EmailOpened`)\n\nLinks the interaction to `contact` records.")
    assert hover_word(text, "timestamp").markdown == "**timestamp** (datetime) of `EmailOpened`"


def test_segment_reference_shows_query_type_status_and_profile():
    segments = workspace_segments()
    text = "SEGMENT(seattle) UNION SEGMENT(Opened)"
    assert hover_word(text, "Opened", segments=segments) == Hover(
        "**Opened** (segment; type: dynamic, status: live, profile: contact)\n\nDefined in `ws/opened.segq`\n\n"
        "```segquery\n// segquery: name = Opened\n// segquery: type = dynamic\n// segquery: status = live\n"
        "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)\n```", Span(31, 37))
    # No type stated: it is read from the query's shape.
    assert hover_word(text, "seattle", segments=segments).markdown.startswith(
        "**seattle** (segment; type: dynamic (from the query), profile: contact)\n\nDefined in `ws/seattle.segq`")


def test_nothing_to_say():
    assert hover_at("PROFILE(contact).FILTER(fullname == 'x|')") is None
    assert hover_at("PROFILE(contact).FILTER(nosuchattribute| == 1)") is None
    assert hover_at("SEGMENT(unknown|)") is None
    assert hover_at("|") is None
    assert hover_at("PROFILE(contact) |   ") is None


def test_hover_works_while_the_text_does_not_parse():
    assert hover_at("PROFILE(contact, c).FILTER(c.full|name == ").markdown == "**fullname** (string) of `contact`"
