"""Completion on incomplete text: exact items for each cursor context."""

from __future__ import annotations

from ide_helpers import at, small_schema, workspace_segments

from segquery.ide import CompletionItem, CompletionKind, complete
from segquery.schema import default_schema
from segquery.source import Span

SCHEMA = small_schema()


def items(marked: str, **kwargs) -> list[CompletionItem]:
    text, offset = at(marked)
    return complete(text, offset, schema=SCHEMA, **kwargs)


def labels(marked: str, **kwargs) -> list[str]:
    return [item.label for item in items(marked, **kwargs)]


def by_label(marked: str, label: str, **kwargs) -> CompletionItem:
    return next(item for item in items(marked, **kwargs) if item.label == label)


FUNCTIONS = ["DATE", "DATEADD", "DATEDIFF", "DATETIMEUTCNOW", "ISNOTNULL", "ISNULL", "NOT"]
CONTACT_ATTRIBUTES = ["address1_city", "birthdate", "contactid", "fullname", "parentcustomerid", "statecode"]


def test_empty_text_offers_sources_then_snippets():
    assert labels("|") == ["INTERACTION", "PROFILE", "SEGMENT", "compound union", "interaction having",
                           "member fetch", "profile with filter"]


def test_a_source_is_inserted_as_a_snippet_with_its_parentheses():
    item = by_label("PRO|", "PROFILE")
    assert item == CompletionItem(
        label="PROFILE", kind=CompletionKind.FUNCTION, replace=Span(0, 3), insert_text="PROFILE($1)$0",
        detail="PROFILE(table[, alias])",
        documentation="All records of a profile type (a Dataverse table such as `contact`).",
        sort_key="0:profile", is_snippet=True)


def test_a_call_already_followed_by_a_parenthesis_inserts_only_its_name():
    text = "PRO(contact)"
    item = next(item for item in complete(text, 2, schema=SCHEMA) if item.label == "PROFILE")
    assert (item.insert_text, item.is_snippet, item.replace) == ("PROFILE", False, Span(0, 3))


def test_snippets_for_the_common_shapes():
    item = by_label("|", "member fetch")
    assert item.kind is CompletionKind.SNIPPET and item.is_snippet
    assert item.insert_text == ("(SEGMENT(${1:segment})).ORDERBY(${2:fullname} ASC).SKIP(${3:0}).TAKE(${4:15})"
                                ".SELECT(${5:contactid})$0")
    assert by_label("|", "interaction having").insert_text == (
        "INTERACTION(${1:EmailOpened}, ${2:EmailOpened_ContactLink}).HAVING(COUNT() > ${3:0}, UTCDAYS(${4:30}))$0")


def test_after_a_set_operator_whole_query_snippets_are_left_out():
    assert labels("SEGMENT(a) UNION |") == ["INTERACTION", "PROFILE", "SEGMENT", "interaction having",
                                            "profile with filter"]


def test_tables_in_profile_replace_the_word_being_typed():
    assert labels("PROFILE(|") == ["account", "contact"]
    item = by_label("PROFILE(con|", "contact")
    assert item.kind is CompletionKind.TABLE
    assert item.replace == Span(8, 11)
    assert item.detail == "table, 6 attributes"
    assert item.documentation == ("**contact** (table, 6 attributes)\n\nPrimary id: `contactid`\n\n"
                                  "Primary name: `fullname`\n\nEntity set: `contacts`\n\n"
                                  "Relationships: 2 (TRAVERSE from here)")


def test_the_replaced_word_extends_past_the_cursor():
    text = "PROFILE(contact)"
    assert complete(text, 11, schema=SCHEMA)[0].replace == Span(8, 15)


def test_alias_proposal_uses_the_first_free_designer_number():
    item = by_label("PROFILE(contact, |", "contact_1")
    assert item.kind is CompletionKind.ALIAS
    assert item.detail == "alias for contact"
    assert labels("PROFILE(contact, contact_1).TRAVERSE(contact_account_parentcustomerid, a) "
                  "UNION PROFILE(contact, |") == ["contact_2"]


def test_steps_after_a_dot():
    assert labels("PROFILE(contact).|") == ["DISTINCT", "FILTER", "ORDERBY", "SELECT", "SKIP", "TAKE", "TRAVERSE"]
    item = by_label("PROFILE(contact).FI|", "FILTER")
    assert (item.insert_text, item.replace, item.detail) == ("FILTER($1)$0", Span(17, 19), "FILTER(condition)")
    assert by_label("PROFILE(contact).|", "DISTINCT").insert_text == "DISTINCT()"


def test_steps_after_an_interaction_are_filter_and_having():
    assert labels("INTERACTION(EmailOpened, EmailOpened_ContactLink).|") == ["FILTER", "HAVING"]
    assert labels("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(x == 1).HAVING(COUNT() > 0).|") == [
        "HAVING"]


def test_the_next_paging_step_comes_first():
    assert labels("(SEGMENT(a)).ORDERBY(fullname ASC).|")[0] == "SKIP"
    assert labels("(SEGMENT(a)).ORDERBY(fullname).SKIP(0).|")[0] == "TAKE"


def test_no_steps_after_a_dot_inside_a_condition():
    assert labels("PROFILE(contact).FILTER(ISNULL(x).|") == []


def test_attributes_of_an_alias_after_its_dot():
    assert labels("PROFILE(contact, c).FILTER(c.|") == CONTACT_ATTRIBUTES
    item = by_label("PROFILE(contact, c).FILTER(c.sta|", "statecode")
    assert item == CompletionItem(
        label="statecode", kind=CompletionKind.ATTRIBUTE, replace=Span(29, 32), insert_text="statecode",
        detail="state, contact", documentation="**statecode** (state) of `contact`\n\nOptions:\n- `0` Active\n"
                                               "- `1` Inactive", sort_key="0:statecode")


def test_an_unknown_alias_has_no_attributes():
    assert labels("PROFILE(contact, c).FILTER(d.|") == []


def test_aliases_are_resolved_along_the_chain():
    marked = ("PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c)"
              ".FILTER(a.numberofemployees > 5 && c.|")
    assert labels(marked) == CONTACT_ATTRIBUTES
    assert labels(marked.replace("c.|", "a.|")) == ["accountid", "name", "numberofemployees"]


def test_operands_inside_filter():
    assert labels("PROFILE(contact, c).FILTER(|") == CONTACT_ATTRIBUTES + ["c"] + FUNCTIONS + ["FALSE", "TRUE"]
    alias = by_label("PROFILE(contact, c).FILTER(|", "c")
    assert (alias.kind, alias.detail) == (CompletionKind.ALIAS, "alias of contact")
    date_diff = by_label("PROFILE(contact, c).FILTER(|", "DATEDIFF")
    assert date_diff.insert_text == ("DATEDIFF(${1|YEAR,MONTH,DAY,HOUR,MINUTE,SECOND,MILLISECOND|}, ${2:start}, "
                                     "${3:end})$0")


def test_operands_after_an_operator():
    assert labels("PROFILE(contact).FILTER(fullname == 'x' && |") == CONTACT_ATTRIBUTES + FUNCTIONS + [
        "FALSE", "TRUE"]
    assert labels("PROFILE(contact).FILTER(NOT(fullname == |") == CONTACT_ATTRIBUTES + FUNCTIONS + [
        "FALSE", "TRUE"]


def test_string_tests_after_an_operand():
    assert labels("PROFILE(contact).FILTER(fullname |") == ["CONTAINS", "ENDSWITH", "STARTSWITH"]
    assert labels("PROFILE(contact).FILTER(fullname ST|") == ["CONTAINS", "ENDSWITH", "STARTSWITH"]
    assert labels("PROFILE(contact).FILTER(fullname == 'x' |") == []


def test_interaction_filter_offers_its_attributes_but_no_date_functions():
    assert labels("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(|") == [
        "emailAddressUsed", "timestamp", "ISNOTNULL", "ISNULL", "NOT", "FALSE", "TRUE"]
    assert labels("INTERACTION(EmailOpened, EmailOpened_ContactLink, e).FILTER(e.|") == [
        "emailAddressUsed", "timestamp"]


def test_relationships_of_the_table_reached_before_traverse():
    assert labels("PROFILE(account).TRAVERSE(|") == ["account_contact_primarycontactid",
                                                      "contact_account_parentcustomerid"]
    item = by_label("PROFILE(account).TRAVERSE(|", "contact_account_parentcustomerid")
    assert item.kind is CompletionKind.RELATIONSHIP
    assert item.detail == "account → contact"
    assert item.documentation == ("**contact_account_parentcustomerid** (relationship)\n\n"
                                  "Lookup: `contact.parentcustomerid` → `account`\n\n"
                                  "TRAVERSE from `account` reaches `contact`.\n\n"
                                  "Dataverse schema name: `contact_customer_accounts`")
    second = by_label("PROFILE(account).TRAVERSE(contact_account_parentcustomerid).TRAVERSE(|",
                      "account_contact_primarycontactid")
    assert second.detail == "contact → account"


def test_traverse_alias_and_filter_arguments():
    assert labels("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, |") == ["contact_1", "FILTER"]
    assert labels("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c, |") == ["FILTER"]
    assert labels("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c, FILTER(c.|") == \
        CONTACT_ATTRIBUTES
    assert labels("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(|")[:6] == \
        CONTACT_ATTRIBUTES


def test_interaction_types_then_their_link_types():
    assert labels("INTERACTION(|") == ["EmailClicked", "EmailOpened"]
    item = by_label("INTERACTION(|", "EmailOpened")
    assert (item.kind, item.documentation) == (CompletionKind.INTERACTION,
                                               "Link types: `EmailOpened_ContactLink`, `EmailOpenedLeadLink`")
    assert labels("INTERACTION(EmailOpened, |") == ["EmailOpened_ContactLink", "EmailOpenedLeadLink"]
    link = by_label("INTERACTION(emailopened, E|", "EmailOpened_ContactLink")
    assert (link.kind, link.detail, link.replace) == (CompletionKind.LINK_TYPE, "link type of EmailOpened",
                                                      Span(25, 26))
    assert labels("INTERACTION(Unknown, |") == []
    assert labels("INTERACTION(EmailOpened, EmailOpened_ContactLink, |") == ["EmailOpened_1"]


def test_date_parts_in_the_first_argument_of_datediff_and_dateadd_in_their_order():
    expected = ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND"]
    assert labels("PROFILE(contact).FILTER(DATEDIFF(|") == expected
    assert labels("PROFILE(contact).FILTER(birthdate > DATEADD(d|") == expected
    assert by_label("PROFILE(contact).FILTER(DATEDIFF(|", "DAY").kind is CompletionKind.DATE_PART
    assert labels("PROFILE(contact).FILTER(DATEDIFF(DAY, |")[:6] == CONTACT_ATTRIBUTES


def test_aggregates_then_windows_in_having():
    prefix = "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING("
    assert labels(prefix + "|") == ["AVG", "COUNT", "MAX", "MIN", "SUM"]
    assert by_label(prefix + "|", "COUNT").insert_text == "COUNT()"
    assert labels(prefix + "COUNT() > 0, |") == ["UTCDAYS", "UTCMONTHS", "UTCYEARS"]
    assert labels(prefix + "COUNT() > |") == []
    assert labels(prefix + "SUM(|") == ["emailAddressUsed", "timestamp"]


def test_set_operators_after_a_complete_query():
    assert labels("PROFILE(contact).FILTER(fullname == 'x') |") == ["EXCEPT", "INTERSECT", "UNION"]
    assert by_label("SEGMENT(a) |", "UNION").detail == "set operator"
    assert labels("PROFILE(contact).FILTER(fullname == 'x' |") == []


def test_segment_names_in_segment():
    segments = workspace_segments()
    assert labels("SEGMENT(|", segments=segments) == ["again", "both", "Opened", "seattle"]
    opened = by_label("SEGMENT(|", "Opened", segments=segments)
    assert (opened.kind, opened.detail) == (CompletionKind.SEGMENT, "dynamic segment, live")
    assert opened.documentation == (
        "**Opened** (segment; type: dynamic, status: live)\n\nDefined in `ws/opened.segq`\n\n```segquery\n"
        "// segquery: name = Opened\n// segquery: type = dynamic\n// segquery: status = live\n"
        "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)\n```")


def test_a_segment_source_gives_the_segments_table():
    segments = workspace_segments()
    assert labels("SEGMENT(seattle).FILTER(|", segments=segments)[:6] == CONTACT_ATTRIBUTES
    # An interaction segment selects the profiles its link type leads to.
    assert labels("SEGMENT(Opened).TRAVERSE(|", segments=segments) == [
        "account_contact_primarycontactid", "contact_account_parentcustomerid"]


def test_member_fetch_steps_see_the_groups_table():
    assert labels("(PROFILE(contact)).ORDERBY(|") == CONTACT_ATTRIBUTES
    assert labels("(PROFILE(contact)).ORDERBY(fullname |") == ["ASC", "DESC"]
    assert labels("(PROFILE(contact)).SELECT(contactid, |") == CONTACT_ATTRIBUTES


def test_nothing_inside_strings_comments_and_numbers():
    assert labels("PROFILE(contact).FILTER(fullname == 'Se|") == []
    assert labels("// PRO|") == []
    assert labels("/* PRO|") == []
    assert labels("PROFILE(contact).TAKE(1|") == []
    assert labels("PROFILE(contact).TAKE(|") == []


def test_after_a_closed_block_comment_completion_resumes():
    assert labels("/* note */ |")[:3] == ["INTERACTION", "PROFILE", "SEGMENT"]


def test_the_default_schema_knows_the_marketing_relationship():
    text = "PROFILE(account).TRAVERSE("
    names = [item.label for item in complete(text, len(text), schema=default_schema())]
    assert "contact_account_parentcustomerid" in names
    assert all(name.startswith("account_") or "_account_" in name for name in names)
