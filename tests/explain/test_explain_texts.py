"""`explain`: the exact text for each kind of node, the one-sentence form, the JSON."""

from __future__ import annotations

import pytest

from segquery.explain import LineKind, explain
from segquery.source import Span
from segquery.syntax.dialects import dialect_named
from segquery.syntax.parser import ParseError

CASES = {
    # PROFILE, FILTER with a comparison and a string literal
    "PROFILE(contact).FILTER(address1_city == 'Seattle')":
        "Contacts\n  whose address1_city is 'Seattle'",
    # one attribute equal to one of several values; option labels from the schema
    "PROFILE(contact, c).FILTER((c.address1_city == 'Seattle' || c.address1_city == 'Redmond' "
    "|| c.address1_city == 'Kent') && c.statecode == 0)":
        "Contacts\n  whose (address1_city is 'Seattle', 'Redmond' or 'Kent') and statecode is Active",
    # all comparison operators, numbers, booleans, nested groups
    "PROFILE(account).FILTER(numberofemployees > 1 || (numberofemployees >= 2 && numberofemployees < 3) "
    "|| numberofemployees <= 4 || donotbulkemail != TRUE)":
        "Accounts\n  whose numberofemployees is greater than 1 or (numberofemployees is at least 2 and "
        "numberofemployees is less than 3) or numberofemployees is at most 4 or donotbulkemail is not true",
    # string tests and null tests
    "PROFILE(contact).FILTER(lastname STARTSWITH 'Mc' && emailaddress1 ENDSWITH '.com' "
    "&& jobtitle CONTAINS 'VP' && ISNULL(birthdate) && ISNOTNULL(mobilephone))":
        "Contacts\n  whose lastname starts with 'Mc' and emailaddress1 ends with '.com' and jobtitle contains 'VP' "
        "and birthdate has no value and mobilephone has a value",
    # NOT as the whole condition, and inside one
    "PROFILE(contact).FILTER(NOT(address1_country == 'USA'))":
        "Contacts\n  except those whose address1_country is 'USA'",
    "PROFILE(contact).FILTER(statecode == 1 || NOT(ISNULL(fullname)))":
        "Contacts\n  whose statecode is Inactive or not (fullname has no value)",
    # date functions: DATE, DATEADD both ways, DATEDIFF, DATETIMEUTCNOW
    "PROFILE(contact).FILTER(birthdate < DATE(1990, 1, 2) && createdon >= DATEADD(DAY, -30, DATETIMEUTCNOW()) "
    "&& modifiedon <= DATEADD(MONTH, 1, DATE(2024, 3, 5, 13, 30)) "
    "&& DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18)":
        "Contacts\n  whose birthdate is before 1990-01-02 and createdon is on or after 30 days before now and "
        "modifiedon is on or before 1 month after 2024-03-05 13:30:00 and the number of years from birthdate "
        "to now is greater than 18",
    # arithmetic and negation
    "PROFILE(contact).FILTER(numberofchildren * 2 + 1 > -annualincome)":
        "Contacts\n  whose numberofchildren * 2 + 1 is greater than -annualincome",
    # TRAVERSE with an alias, with an inline FILTER, then a FILTER on the records reached
    "PROFILE(account, a).FILTER(a.numberofemployees > 500).TRAVERSE(contact_account_parentcustomerid, c)"
    ".FILTER(c.statecode == 0 && a.name == 'Contoso')":
        "Accounts\n  whose numberofemployees is greater than 500\n"
        "  then their related contacts (through `contact_account_parentcustomerid`)\n"
        "  whose statecode is Active and a.name is 'Contoso'",
    "PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(jobtitle CONTAINS 'Manager')).DISTINCT()":
        "Accounts\n  then their related contacts (through `contact_account_parentcustomerid`) whose jobtitle "
        "contains 'Manager'\n  without duplicates",
    # INTERACTION with a FILTER on its own fields, HAVING with each window
    "INTERACTION(EmailClicked, EmailClicked_ContactLink, click).FILTER(click.linkFriendlyName == 'Offer')"
    ".HAVING(COUNT() >= 3, UTCDAYS(7))":
        "Contacts who clicked a link in an email\n  where linkFriendlyName is 'Offer'\n"
        "  at least 3 times in the last 7 days",
    "INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() == 1, UTCMONTHS(1))":
        "Leads who opened an email\n  exactly 1 time in the last month",
    "INTERACTION(LeadScoreBoost, LeadScoreBoost_ContactLink).HAVING(SUM(boostValue) < 10, UTCYEARS(2))":
        "Contacts who had their lead score boosted\n  when the sum of boostValue is less than 10 in the last 2 years",
    "INTERACTION(EmailDelivered, EmailDelivered_Campaign).HAVING(COUNT() != 0)":
        "Profiles who were delivered an email\n  other than 0 times",
    "INTERACTION(ActivityContactBlocked, ActivityContactBlocked_ContactLink).HAVING(COUNT() < 2 && COUNT() <= 1)":
        "Contacts who had a `ActivityContactBlocked` interaction\n"
        "  when the number of interactions is less than 2 and the number of interactions is at most 1",
    "INTERACTION(SurveyResponse, SurveyResponse_ContactLink).HAVING(AVG(score) > 5 || MIN(score) < 1 "
    "|| MAX(score) >= 9)":
        "Contacts who responded to a survey\n  when the average of score is greater than 5 or the smallest score is "
        "less than 1 or the largest score is at least 9",
    "PROFILE(contact).FILTER(modifiedon > DATE(2024, 1, 2, 3, 4, 5, 6) && createdon < DATEADD(HOUR, 1 + 1, "
    "DATE(2024, 1, numberofchildren)))":
        "Contacts\n  whose modifiedon is after 2024-01-02 03:04:05.006 and createdon is before "
        "DATE(2024, 1, numberofchildren) plus "
        "1 + 1 hours",
    # set operations: with segments inline, with anything else as an indented block
    "(SEGMENT(seattle) INTERSECT SEGMENT(openers)) EXCEPT SEGMENT(bounced)":
        "Members of segment `seattle`\nwho are also in segment `openers`\nexcept those in segment `bounced`",
    "SEGMENT(a) UNION PROFILE(contact).FILTER(statecode == 0) MINUS (SEGMENT(b) INTERSECT SEGMENT(c))":
        "Members of segment `a`\ntogether with:\n  Contacts\n    whose statecode is Active\n"
        "except:\n  Members of segment `b`\n  who are also in segment `c`",
    # paging steps on a grouped query
    "(SEGMENT(members)).ORDERBY(createdon DESC, lastname ASC, fullname).SKIP(20).TAKE(10).SELECT(contactid)":
        "Members of segment `members`\n  sorted by createdon descending, then by lastname ascending, then by "
        "fullname\n  skipping the first 20\n  keeping the first 10\n  showing contactid",
    # names the schema does not know are shown as written
    "PROFILE(msevtmgt_event).FILTER(mystery == 3).TRAVERSE(no_such_relationship)":
        "Records of `msevtmgt_event`\n  whose mystery is 3\n  then their related records (through "
        "`no_such_relationship`)",
}


@pytest.mark.parametrize("query", CASES)
def test_each_kind_of_node_reads_as_exact_english(query):
    assert explain(query).text() == CASES[query]


def test_the_sentence_runs_conditions_on_from_their_source_and_separates_the_rest_by_commas():
    explanation = explain("PROFILE(contact).FILTER(address1_city == 'Seattle' || address1_city == 'Redmond') "
                          "INTERSECT INTERACTION(EmailClicked, EmailClicked_ContactLink).HAVING(COUNT() >= 3, "
                          "UTCDAYS(7)) EXCEPT SEGMENT(unsubscribed)")
    assert explanation.summary() == (
        "Contacts whose address1_city is 'Seattle' or 'Redmond', who are also: Contacts who clicked a link in an "
        "email at least 3 times in the last 7 days, except those in segment `unsubscribed`")


def test_each_line_knows_its_depth_kind_and_the_part_it_explains():
    text = "SEGMENT(a)\n  EXCEPT PROFILE(contact).TAKE(5)"
    lines = explain(text).lines
    assert [(line.depth, line.kind, text[line.span.start:line.span.end]) for line in lines] == [
        (0, LineKind.SOURCE, "SEGMENT(a)"),
        (0, LineKind.SET_OPERATION, "EXCEPT PROFILE(contact).TAKE(5)"),
        (1, LineKind.SOURCE, "PROFILE(contact)"),
        (2, LineKind.STEP, "TAKE(5)"),
    ]


def test_json_has_the_text_and_every_line_with_its_range():
    assert explain("PROFILE(lead)\n.FILTER(leadqualitycode == 1)", path="hot.segq").to_json() == {
        "path": "hot.segq",
        "text": "Leads\n  whose leadqualitycode is Hot",
        "summary": "Leads whose leadqualitycode is Hot",
        "lines": [
            {"depth": 0, "kind": "source", "text": "Leads",
             "range": {"start": {"line": 1, "column": 1, "offset": 0},
                       "end": {"line": 1, "column": 14, "offset": 13}}},
            {"depth": 1, "kind": "step", "text": "whose leadqualitycode is Hot",
             "range": {"start": {"line": 2, "column": 2, "offset": 15},
                       "end": {"line": 2, "column": 30, "offset": 43}}},
        ],
    }


def test_a_user_schema_gives_the_option_labels(tmp_path):
    from segquery.schema import Attribute, AttributeType, Schema, Table
    schema = Schema({"contact": Table("contact", {"tier": Attribute("tier", AttributeType.PICKLIST,
                                                                    options={7: "Gold"})})})
    assert explain("PROFILE(contact).FILTER(tier == 7 || tier == 8)", schema=schema).text() == (
        "Contacts\n  whose tier is Gold or 8")


DISPLAY_SCHEMA = """{"version": 1, "tables": {
  "contact": {"display_name": "Contact", "primary_id": "contactid", "attributes": {
    "contactid": "uniqueidentifier",
    "address1_city": {"type": "string", "display_name": "City"},
    "emailaddress1": {"type": "string", "display_name": "Email"},
    "new_urlcode": {"type": "string", "display_name": "URL code"},
    "parentcustomerid": {"type": "customer", "targets": ["account"]},
    "firstname": "string"}},
  "account": {"display_name": "Company", "primary_id": "accountid", "attributes": {
    "accountid": "uniqueidentifier",
    "numberofemployees": {"type": "integer", "display_name": "Number of Employees"}}}},
 "relationships": {"contact_account_parentcustomerid": {"referencing_table": "contact",
   "referencing_attribute": "parentcustomerid", "referenced_table": "account"}}}"""


def test_attributes_and_tables_read_by_their_display_names(tmp_path):
    from segquery.schema import parse_json_schema
    schema = parse_json_schema(DISPLAY_SCHEMA)
    explained = explain("PROFILE(account, a).FILTER(a.numberofemployees > 100)"
                        ".TRAVERSE(contact_account_parentcustomerid, c)"
                        ".FILTER((c.address1_city == 'Seattle' || c.address1_city == 'Redmond') "
                        "&& ISNOTNULL(emailaddress1) && new_urlcode == 'x' && firstname == 'Ann')", schema=schema)
    # An acronym keeps its case; an attribute without a display name keeps its logical name.
    assert explained.text() == (
        "Companies\n"
        "  whose number of Employees is greater than 100\n"
        "  then their related contacts (through `contact_account_parentcustomerid`)\n"
        "  whose (city is 'Seattle' or 'Redmond') and email has a value and URL code is 'x' and firstname is 'Ann'")


def test_the_bundled_schema_gives_the_display_names_its_reference_gives():
    assert explain("PROFILE(msdyncrm_segment).FILTER(msdyncrm_segmenttype == 192350000 "
                   "&& msdyncrm_segmentname STARTSWITH 'VIP')").text() == (
        "Segments\n  whose segment type is Dynamic segment and name starts with 'VIP'")
    assert explain("PROFILE(list).FILTER(ISNULL(cost))").text() == "Marketing Lists\n  whose cost has no value"


def test_an_invalid_query_raises_parse_error_with_positions():
    with pytest.raises(ParseError) as raised:
        explain("PROFILE(contact).FILTER(")
    assert [(d.code, d.range.start.line, d.range.start.column) for d in raised.value.diagnostics] == [
        ("S007", 1, 24)]
    assert explain("PROFILE(contact)").lines[0].span == Span(0, 16)


REALTIME_CASES = {
    # RELATE and RELATEOPTIONAL (nested), through Dataverse schema names; IN lists with option labels
    "PROFILE(contact).RELATE(contact_customer_accounts, account_1, RELATEOPTIONAL(account_primary_contact, c2))"
    ".FILTER(account_1.industrycode IN [1, 24] && c2.fullname == 'x' && statecode == 0)":
        "Contacts\n  with a related account `account_1` (through `contact_customer_accounts`), which may have a "
        "related contact `c2` (through `account_primary_contact`)\n  whose account_1.industrycode is Accounting or "
        "Petrochemical Extraction and Distribution and c2.fullname is 'x' and statecode is Active",
    "PROFILE(lead).RELATEOPTIONAL(unknown_relationship, z).FILTER(z.name IN ['a', 'b'])":
        "Leads\n  with or without a related record `z` (through `unknown_relationship`)\n  whose z.name is 'a' or 'b'",
    # an interaction table whose profile type is named by the discriminator; HAVING optional
    "INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead' "
    "&& msdynmkt_linkname CONTAINS 'offer').HAVING(COUNT() >= 1, UTCMONTHS(24))":
        "Leads who clicked a link in an email\n  where the profile is a lead and msdynmkt_linkname contains 'offer'\n"
        "  at least 1 time in the last 24 months",
    "INTERACTION(msdynmkt_smssent, msdynmkt_profileid).FILTER(msdynmkt_profileid_LogicalName != 'lead')":
        "Profiles who were sent a text message\n  where the profile is not a lead",
    "PROFILE(contact) EXCEPT SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef)":
        "Contacts\nexcept those in segment `SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef`",
}


@pytest.mark.parametrize("query", REALTIME_CASES)
def test_the_real_time_dialect_reads_as_exact_english(query):
    assert explain(query, dialect=dialect_named("realtime")).text() == REALTIME_CASES[query]
