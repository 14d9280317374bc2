"""Completion in the real-time journeys dialect: RELATE arguments, aliases of
RELATE steps (nested too), IN lists and their values, interaction tables."""

from __future__ import annotations

from ide_helpers import at, small_schema

from segquery.ide import CompletionKind, complete
from segquery.source import Span
from segquery.syntax.realtime import REALTIME
from segquery.workspace.loading import load_file

SCHEMA = small_schema()


def labels(marked: str) -> list[str]:
    text, offset = at(marked)
    return [item.label for item in complete(text, offset, schema=SCHEMA, dialect=REALTIME)]


def items(marked: str):
    text, offset = at(marked)
    return complete(text, offset, schema=SCHEMA, dialect=REALTIME)


def test_relate_proposes_the_schema_names_of_the_current_tables_relationships():
    found = items("PROFILE(contact).RELATE(|")
    # contact_account_parentcustomerid has a schema name; the other relationship has none.
    assert [(item.label, item.kind, item.detail) for item in found] == [
        ("contact_customer_accounts", CompletionKind.RELATIONSHIP, "contact → account")]
    assert found[0].documentation == (
        "**contact_customer_accounts** (relationship, `contact` → `account`)\n\n"
        "Lookup: `contact.parentcustomerid` → `account`\n\n"
        "Outbound TRAVERSE name: `contact_account_parentcustomerid`")


def test_relateoptional_and_a_typed_prefix_replace_the_word():
    text, offset = at("PROFILE(contact).RELATEOPTIONAL(contact_cu|stomer)")
    found = complete(text, offset, schema=SCHEMA, dialect=REALTIME)
    assert [(item.label, item.replace) for item in found] == [("contact_customer_accounts", Span(32, 48))]


def test_the_alias_argument_proposes_a_name_for_the_related_table():
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, |") == ["account_1"]
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'a')"
                  ".RELATE(contact_customer_accounts, |") == ["account_2"]


def test_the_third_argument_continues_the_path():
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, a, |") == ["RELATE", "RELATEOPTIONAL"]


def test_a_nested_relate_starts_from_the_related_table():
    # From account, the schema-named relationship leads back to contact.
    found = items("PROFILE(contact).RELATE(contact_customer_accounts, a, RELATE(|")
    assert [(item.label, item.detail) for item in found] == [("contact_customer_accounts", "account → contact")]


def test_after_relate_only_filter_follows():
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, a).|") == ["FILTER"]


def test_steps_of_a_profile_in_real_time():
    assert labels("PROFILE(contact).|") == ["FILTER", "RELATE", "RELATEOPTIONAL"]


def test_the_alias_of_a_relate_gives_the_related_tables_attributes():
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.|") == [
        "accountid", "name", "numberofemployees"]


def test_the_alias_of_a_nested_relate_gives_its_tables_attributes():
    assert labels("PROFILE(contact).RELATE(contact_customer_accounts, a, RELATE(contact_customer_accounts, c))"
                  ".FILTER(c.|") == ["address1_city", "birthdate", "contactid", "fullname", "parentcustomerid",
                                     "statecode"]


def test_aliases_of_relate_are_operands_of_the_filter():
    found = items("PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(|")
    assert [(item.label, item.detail) for item in found if item.kind is CompletionKind.ALIAS] == [
        ("a", "alias of account")]


def test_in_is_proposed_after_an_attribute_and_string_tests_only_contains():
    found = items("PROFILE(contact).FILTER(statecode |")
    assert [(item.label, item.kind, item.insert_text, item.is_snippet) for item in found] == [
        ("CONTAINS", CompletionKind.KEYWORD, "CONTAINS", False),
        ("IN", CompletionKind.KEYWORD, "IN [$1]$0", True)]


def test_option_values_inside_an_in_list():
    found = items("PROFILE(contact).FILTER(statecode IN [|")
    assert [(item.label, item.kind, item.detail, item.documentation) for item in found] == [
        ("0", CompletionKind.VALUE, "Active", "`statecode` of `contact`"),
        ("1", CompletionKind.VALUE, "Inactive", "`statecode` of `contact`")]


def test_values_already_listed_are_not_proposed_again():
    assert labels("PROFILE(contact).FILTER(statecode IN [0, |") == ["1"]


def test_no_values_for_an_attribute_without_options():
    assert labels("PROFILE(contact).FILTER(fullname IN [|") == []


def test_profile_tables_are_contact_and_lead_only():
    assert labels("PROFILE(|") == ["contact"]  # the small schema has no lead table


def test_profile_takes_no_alias_in_real_time():
    assert labels("PROFILE(contact, |") == []


def test_interaction_tables_and_profile_id_columns():
    tables = labels("INTERACTION(|")
    assert tables[:3] == ["msdynmkt_emailaddressoptedout", "msdynmkt_emailblocked", "msdynmkt_emailbounced"]
    assert len(tables) == 19 and "EmailOpened" not in tables
    found = items("INTERACTION(msdynmkt_emailopened, |")
    assert [(item.label, item.detail) for item in found] == [
        ("msdynmkt_entityid", "profile id column of msdynmkt_emailopened"),
        ("msdynmkt_profileid", "profile id column of msdynmkt_emailopened")]
    assert labels("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid, |") == []


def test_interaction_columns_inside_its_filter():
    columns = [item.label for item in items("INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid).FILTER(|")
               if item.kind is CompletionKind.ATTRIBUTE]
    assert columns == [
        "msdynmkt_actionid", "msdynmkt_businessunitid", "msdynmkt_details", "msdynmkt_emailaddress",
        "msdynmkt_entityid", "msdynmkt_entityid_LogicalName", "msdynmkt_journeyid", "msdynmkt_journeyrunid",
        "msdynmkt_linkname", "msdynmkt_linktext", "msdynmkt_messagetemplateid", "msdynmkt_originaltimestamp",
        "msdynmkt_profileid", "msdynmkt_profileid_LogicalName", "msdynmkt_sourcesystem", "msdynmkt_targetentity",
        "msdynmkt_targeturl"]


def test_profile_types_after_a_logical_name_comparison_and_in_a_list():
    expected = [("'contact'", "the interaction belongs to a contact"), ("'lead'", "the interaction belongs to a lead")]
    for marked in ("INTERACTION(msdynmkt_emailsent, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == |",
                   "INTERACTION(msdynmkt_emailsent, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName IN [|"):
        assert [(item.label, item.detail) for item in items(marked)] == expected


def test_a_comparison_on_another_attribute_keeps_the_operands():
    found = labels("PROFILE(contact).FILTER(statecode == |")
    assert "fullname" in found and "0" not in found


def test_real_time_snippets_at_the_start():
    found = items("|")
    assert [(item.label, item.insert_text) for item in found if item.kind is CompletionKind.SNIPPET] == [
        ("compound union", "SEGMENT(${1:SEGMENT_CJO_ID_}) UNION SEGMENT(${2:SEGMENT_CJO_ID_})$0"),
        ("interaction", "INTERACTION(${1:msdynmkt_emailopened}, msdynmkt_entityid)"
                        ".FILTER(msdynmkt_entityid_LogicalName == '${2|contact,lead|}')$0"),
        ("profile with filter", "PROFILE(${1|contact,lead|}).FILTER($2)$0"),
        ("profile with relate", "PROFILE(${1:contact}).RELATE(${2:contact_customer_accounts}, ${3:account_1})"
                                ".FILTER(${3:account_1}.$4)$0")]


def test_the_same_text_in_outbound_has_no_relate():
    text, offset = at("PROFILE(contact).|")
    assert "RELATE" not in [item.label for item in complete(text, offset, schema=SCHEMA)]


def test_segment_proposes_definition_ids_of_segments_that_have_one():
    segments = [*load_file("ws/engaged.segq", "// segquery: name = Engaged\n"
                           "// segquery: id = 01234567-89AB-CDEF-0123-456789abcdef\nPROFILE(contact)\n").segments,
                *load_file("ws/no_id.segq", "PROFILE(contact)\n").segments]
    found = complete("SEGMENT(", 8, schema=SCHEMA, segments=segments, dialect=REALTIME)
    assert [(item.label, item.kind, item.detail) for item in found] == [
        ("SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef", CompletionKind.SEGMENT, "Engaged: segment")]
    assert [item.label for item in complete("SEGMENT(", 8, schema=SCHEMA, segments=segments)] == [
        "Engaged", "no_id"]
