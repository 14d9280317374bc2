"""Every translation rule of `segquery.migrate`, pinned: outbound text in, real-time text and findings out.

Each case gives the outbound query, the real-time text (None when something is
unsupported, so no text is written) and every finding as (code, the outbound
text its range covers, what was done).
"""

import pytest

from segquery.migrate import Outcome, migrate
from segquery.migrate import codes
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.realtime import REALTIME

IDS = {"adults": "a" * 32, "SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d": "b" * 32}

CASES = [
    # profile_alias
    ("PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')",
     "PROFILE(contact).FILTER(address1_city == 'Seattle')\n",
     [('M001', 'contact_1', 'alias `contact_1` dropped')]),
    # unqualified_kept
    ("PROFILE(lead).FILTER(address1_city == 'Seattle' && ISNOTNULL(emailaddress1))",
     "PROFILE(lead).FILTER(address1_city == 'Seattle' && ISNOTNULL(emailaddress1))\n",
     []),
    # traverse_from_account
    ("PROFILE(account, account_1)\n    .FILTER(account_1.numberofemployees > 500)\n    .TRAVERSE(contact_account_parentcustomerid, contact_2)\n    .FILTER(contact_2.address1_city == 'Seattle')",
     "PROFILE(contact)\n    .FILTER(address1_city == 'Seattle')\n    .RELATE(contact_customer_accounts, account_1)\n    .FILTER(account_1.numberofemployees > 500)\n",
     [('M002', 'TRAVERSE(contact_account_parentcustomerid, contact_2)', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, account_1) from `contact`'),
      ('M001', 'contact_2', 'alias `contact_2` dropped')]),
    # traverse_without_condition
    ('PROFILE(account).TRAVERSE(contact_account_parentcustomerid)',
     'PROFILE(contact)\n    .RELATE(contact_customer_accounts, account_1)\n    .FILTER(ISNOTNULL(account_1.accountid))\n',
     [('M002', 'TRAVERSE(contact_account_parentcustomerid)', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, account_1) from `contact`')]),
    # two_steps
    ("PROFILE(contact, c).FILTER(c.fullname == 'A').TRAVERSE(contact_account_parentcustomerid, a).FILTER(a.name == 'Contoso').TRAVERSE(contact_account_parentcustomerid)",
     "PROFILE(contact)\n    .RELATE(contact_customer_accounts, a, RELATE(contact_customer_accounts, c))\n    .FILTER(c.fullname == 'A' && a.name == 'Contoso')\n",
     [('M002', 'TRAVERSE(contact_account_parentcustomerid, a)', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, c) from `account`'),
      ('M002', 'TRAVERSE(contact_account_parentcustomerid)', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, a) from `contact`')]),
    # conditions_on_related_records_join_one_chain
    ('PROFILE(lead, l).FILTER(a == 1 && b == 2).FILTER(c == 3 || d == 4).TRAVERSE(lead_contact_parentcontactid)',
     'PROFILE(contact)\n    .RELATE(lead_parent_contact, l)\n    .FILTER(l.a == 1 && l.b == 2 && (l.c == 3 || l.d == 4))\n',
     [('M002', 'TRAVERSE(lead_contact_parentcontactid)', 'TRAVERSE(lead_contact_parentcontactid) written RELATE(lead_parent_contact, l) from `contact`')]),
    # table_name_qualifier
    ("PROFILE(account).FILTER(account.name == 'Contoso').TRAVERSE(contact_account_parentcustomerid).FILTER(contact.fullname == 'A')",
     "PROFILE(contact)\n    .FILTER(fullname == 'A')\n    .RELATE(contact_customer_accounts, account_1)\n    .FILTER(account_1.name == 'Contoso')\n",
     [('M002', 'TRAVERSE(contact_account_parentcustomerid)', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, account_1) from `contact`')]),
    # unknown_qualifier
    ("PROFILE(contact, c).FILTER(x.fullname == 'A')",
     None,
     [('M024', 'x.fullname', 'kept as written')]),
    # traverse_filter
    ('PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(statecode == 0))',
     'PROFILE(contact)\n    .FILTER(statecode == 0)\n    .RELATE(contact_customer_accounts, account_1)\n    .FILTER(ISNOTNULL(account_1.accountid))\n',
     [('M002', 'TRAVERSE(contact_account_parentcustomerid, FILTER(statecode == 0))', 'TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, account_1) from `contact`'),
      ('M007', 'FILTER(statecode == 0)', 'the inner FILTER tests the related records')]),
    # self_relationship
    ("PROFILE(contact, parent).FILTER(parent.fullname == 'A').TRAVERSE(contact_contact_parentcustomerid, child)",
     "PROFILE(contact)\n    .RELATE(contact_customer_contacts, parent)\n    .FILTER(parent.fullname == 'A')\n",
     [('M002', 'TRAVERSE(contact_contact_parentcustomerid, child)', 'TRAVERSE(contact_contact_parentcustomerid) written RELATE(contact_customer_contacts, parent) from `contact`'),
      ('M003', 'contact_contact_parentcustomerid', 'RELATE(contact_customer_contacts) assumed to follow `contact_contact_parentcustomerid` the same way'),
      ('M001', 'child', 'alias `child` dropped')]),
    # ends_on_account
    ("PROFILE(contact).TRAVERSE(contact_account_parentcustomerid, account_1).FILTER(account_1.name == 'Contoso')",
     None,
     [('M005', "PROFILE(contact).TRAVERSE(contact_account_parentcustomerid, account_1).FILTER(account_1.name == 'Contoso')", 'kept as written')]),
    # unknown_relationship
    ('PROFILE(account).TRAVERSE(contact_account_nosuchid)',
     None,
     [('M004', 'contact_account_nosuchid', 'TRAVERSE(contact_account_nosuchid) kept as written')]),
    # mixed_condition
    ('PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(c.address1_city == a.address1_city)',
     None,
     [('M006', 'c.address1_city == a.address1_city', 'kept as written')]),
    # interaction
    ("INTERACTION(EmailClicked, EmailClicked_ContactLink).FILTER(originalUrl CONTAINS 'contoso' || linkFriendlyName == 'Buy').HAVING(COUNT() > 2, UTCDAYS(7))",
     "INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid)\n    .FILTER(\n        msdynmkt_entityid_LogicalName == 'contact'\n        && (msdynmkt_targeturl CONTAINS 'contoso' || msdynmkt_linkname == 'Buy')\n    )\n    .HAVING(COUNT() > 2, UTCDAYS(7))\n",
     [('M008', 'INTERACTION(EmailClicked, EmailClicked_ContactLink)', 'INTERACTION(EmailClicked, EmailClicked_ContactLink) written INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid) for contacts')]),
    # interaction_lead_alias
    ("INTERACTION(EmailOpened, EmailOpenedLeadLink, e).FILTER(e.emailAddressUsed == 'a@b.c').HAVING(COUNT() > 0)",
     "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)\n    .FILTER(msdynmkt_entityid_LogicalName == 'lead' && msdynmkt_emailaddress == 'a@b.c')\n    .HAVING(COUNT() > 0)\n",
     [('M008', 'INTERACTION(EmailOpened, EmailOpenedLeadLink, e)', 'INTERACTION(EmailOpened, EmailOpenedLeadLink) written INTERACTION(msdynmkt_emailopened, msdynmkt_entityid) for leads'),
      ('M013', 'e', 'alias `e` dropped')]),
    # unknown_interaction
    ('INTERACTION(EventCheckIn, EventCheckIn_ContactLink).HAVING(COUNT() > 0, UTCDAYS(60))',
     None,
     [('M009', 'EventCheckIn', 'INTERACTION(EventCheckIn, ...) kept as written')]),
    # unknown_link
    ('INTERACTION(EmailDelivered, EmailDelivered_Campaign).HAVING(COUNT() > 0)',
     None,
     [('M011', 'EmailDelivered_Campaign', '`EmailDelivered_Campaign` kept as written')]),
    # unmapped_attribute
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(messageId == 'm1').HAVING(COUNT() > 0)",
     None,
     [('M008', 'INTERACTION(EmailOpened, EmailOpened_ContactLink)', 'INTERACTION(EmailOpened, EmailOpened_ContactLink) written INTERACTION(msdynmkt_emailopened, msdynmkt_entityid) for contacts'),
      ('M010', 'messageId', '`messageId` kept as written')]),
    # sum
    ('INTERACTION(EmailClicked, EmailClicked_ContactLink).HAVING(SUM(x) > 2)',
     None,
     [('M008', 'INTERACTION(EmailClicked, EmailClicked_ContactLink)', 'INTERACTION(EmailClicked, EmailClicked_ContactLink) written INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid) for contacts'),
      ('M012', 'SUM(x)', 'SUM kept as written')]),
    # segments_minus
    ('SEGMENT(adults) MINUS SEGMENT(SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d)',
     'SEGMENT(SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\nEXCEPT\nSEGMENT(SEGMENT_CJO_ID_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb)\n',
     [('M014', 'adults', '`adults` written `SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`'),
      ('M016', 'MINUS', 'MINUS written EXCEPT'),
      ('M014', 'SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d', '`SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d` written `SEGMENT_CJO_ID_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`')]),
    # unmapped_segment
    ('SEGMENT(adults) UNION SEGMENT(teenagers)',
     None,
     [('M014', 'adults', '`adults` written `SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`'),
      ('M015', 'teenagers', 'SEGMENT(teenagers) kept as written')]),
    # segment_steps
    ('SEGMENT(adults).TRAVERSE(contact_account_parentcustomerid)',
     None,
     [('M024', 'TRAVERSE(contact_account_parentcustomerid)', 'kept as written')]),
    # dates
    ('PROFILE(contact).FILTER(DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) < 30)',
     'PROFILE(contact).FILTER(DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) < 30)\n',
     [('M017', 'DATEDIFF(DAY, createdon, DATETIMEUTCNOW())', 'DATEDIFF kept as written'),
      ('M017', 'DATETIMEUTCNOW()', 'DATETIMEUTCNOW kept as written')]),
    # arithmetic
    ('PROFILE(contact).FILTER(annualincome / 12 > 1000)',
     'PROFILE(contact).FILTER(annualincome / 12 > 1000)\n',
     [('M022', 'annualincome / 12', 'arithmetic kept as written')]),
    # startswith
    ("PROFILE(contact).FILTER(emailaddress1 ENDSWITH '@contoso.com')",
     None,
     [('M018', "emailaddress1 ENDSWITH '@contoso.com'", 'ENDSWITH kept as written')]),
    # member_fetch
    ('(SEGMENT(adults)).ORDERBY(fullname ASC).SELECT(contactid)',
     'SEGMENT(SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\n',
     [('M014', 'adults', '`adults` written `SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`'),
      ('M020', 'ORDERBY(fullname ASC)', 'ORDERBY dropped'),
      ('M020', 'SELECT(contactid)', 'SELECT dropped')]),
    # paging
    ('(SEGMENT(adults)).ORDERBY(fullname ASC).SKIP(0).TAKE(15)',
     None,
     [('M014', 'adults', '`adults` written `SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`'),
      ('M020', 'ORDERBY(fullname ASC)', 'ORDERBY dropped'),
      ('M021', 'SKIP(0)', 'SKIP kept as written'),
      ('M021', 'TAKE(15)', 'TAKE kept as written')]),
    # distinct
    ("PROFILE(contact).FILTER(address1_city == 'Seattle').DISTINCT()",
     "PROFILE(contact).FILTER(address1_city == 'Seattle')\n",
     [('M019', 'DISTINCT()', 'DISTINCT() dropped')]),
    # comments
    ("// Seattle contacts\n// segquery: type = dynamic\nPROFILE(contact) // the profile\n    .FILTER(address1_city == 'Seattle')",
     "// Seattle contacts\n// the profile\nPROFILE(contact).FILTER(address1_city == 'Seattle')\n",
     []),
    # does_not_parse
    ("PROFILE(contact).FILTER(address1_city == 'Seattle'",
     None,
     [('M023', '(', 'not migrated')]),
    # set_of_chains
    ('(PROFILE(contact, c).FILTER(c.x == 1) UNION PROFILE(contact).FILTER(y == 2)) INTERSECT SEGMENT(adults)',
     '(PROFILE(contact).FILTER(x == 1) UNION PROFILE(contact).FILTER(y == 2))\nINTERSECT\nSEGMENT(SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\n',
     [('M001', 'c', 'alias `c` dropped'),
      ('M014', 'adults', '`adults` written `SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`')]),
]


@pytest.mark.parametrize(("outbound", "realtime", "findings"), CASES)
def test_rule(outbound, realtime, findings):
    result = migrate(outbound, id_map=IDS)
    assert result.text == realtime
    assert [(f.code, outbound[f.range.start.offset:f.range.end.offset], f.done) for f in result.findings] == findings
    if realtime is not None:
        assert parse_tolerant(realtime, dialect=REALTIME).diagnostics == ()


def test_findings_say_why_and_where():
    text = "PROFILE(account, account_1)\n    .TRAVERSE(contact_account_parentcustomerid)"
    [finding] = migrate(text).findings
    assert finding.code == codes.TRAVERSE_TO_RELATE
    assert (finding.range.start.line, finding.range.start.column, finding.range.end.line,
            finding.range.end.column) == (2, 6, 2, 48)
    assert finding.outcome is Outcome.TRANSLATED
    assert finding.message == ("TRAVERSE(contact_account_parentcustomerid) written RELATE(contact_customer_accounts, "
                               "account_1) from `contact`: real-time journeys joins from the profile along the "
                               "relationship's schema name")


def test_unsupported_findings_say_why():
    result = migrate("INTERACTION(EventCheckIn, EventCheckIn_ContactLink).HAVING(COUNT() > 0)")
    assert result.outcome is Outcome.UNSUPPORTED
    assert [f.why for f in result.findings] == ["the interaction map has no real-time table for `EventCheckIn`"]


def test_the_parser_finding_is_quoted_when_a_query_does_not_parse():
    [finding] = migrate("PROFILE(contact).FILTER(address1_city == 'Seattle'").findings
    assert finding.why.startswith("the outbound query does not parse: ")
    assert finding.outcome is Outcome.UNSUPPORTED


def test_review_outcome_keeps_the_text():
    result = migrate("PROFILE(contact, parent).TRAVERSE(contact_contact_parentcustomerid, child)")
    assert result.outcome is Outcome.REVIEW
    assert result.text == ("PROFILE(contact)\n    .RELATE(contact_customer_contacts, parent)\n"
                           "    .FILTER(ISNOTNULL(parent.contactid))\n")


def test_partial_migration_keeps_unsupported_constructs_as_written():
    text = "PROFILE(contact).FILTER(emailaddress1 ENDSWITH '@contoso.com' && address1_city == 'Seattle')"
    assert migrate(text).text is None
    assert migrate(text, allow_partial=True).text == (
        "PROFILE(contact)\n    .FILTER(emailaddress1 ENDSWITH '@contoso.com' && address1_city == 'Seattle')\n")


def test_partial_migration_keeps_an_unsupported_chain_and_translates_the_rest():
    text = "SEGMENT(adults) UNION PROFILE(account).TRAVERSE(contact_account_nosuchid)"
    result = migrate(text, id_map=IDS, allow_partial=True)
    assert result.text == ("SEGMENT(SEGMENT_CJO_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)\nUNION\n"
                           "PROFILE(account).TRAVERSE(contact_account_nosuchid)\n")
    assert [f.code for f in result.findings] == [codes.SEGMENT_MAPPED, codes.UNKNOWN_RELATIONSHIP]


def test_the_selected_profile_type_is_known():
    assert migrate("PROFILE(lead).FILTER(x == 1)").profile == "lead"
    assert migrate("INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() > 0)").profile == "lead"
    assert migrate("SEGMENT(adults)", id_map=IDS).profile is None


def test_the_compact_text_is_the_query_alone():
    result = migrate("// note\nPROFILE(contact, c).FILTER(c.x == 1)")
    assert result.compact == "PROFILE(contact).FILTER(x == 1)"
