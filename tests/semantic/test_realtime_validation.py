"""Real-time validation as a whole: the reference's public examples, fixes, configured
schemas, the choice of rule set by dialect, and table inference of the dialect."""

import pytest

from segquery.engine import check_text
from segquery.schema import Attribute, AttributeType, InteractionTable, Relationship, Schema, default_schema
from segquery.semantic import NO_SCHEMA, infer_tables, scope_at, validate
from segquery.syntax.parser import parse_tolerant

from realtime_helpers import REALTIME, realtime_diagnostics, realtime_findings
from semantic_helpers import findings, fixed, where

CONSENT = ("compliance_profile_0123456789abcdef0123456789abcdef == 'cp:01234567-89ab-cdef-0123-456789abcdef;"
           "p:11111111-2222-3333-4444-555555555555;ch:Email;ea:emailaddress1;t:22222222-3333-4444-5555-666666666666;"
           "v:OptedIn'")

# The forms realtime-journeys-dialect.md R.1-R.3 and R.5 show, with the reference's placeholders filled in.
PUBLIC_EXAMPLES = [
    "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'Contoso')",
    "PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, account_1).FILTER(ISNULL(account_1.name))",
    "Interaction(msdynmkt_emailopened, msdynmkt_entityid).Filter(msdynmkt_entityid_LogicalName == 'contact')"
    ".Having(Count() >= 1, UTCMONTHS(24))",
    "INTERACTION(msdynmkt_emailsent, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
    "PROFILE(contact) INTERSECT INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
    ".FILTER(msdynmkt_entityid_LogicalName == 'contact')",
    "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.industrycode IN [16, 24])",
    "PROFILE(contact).FILTER(donotbulkemail == false AND (address1_city == 'Seattle' OR address1_city CONTAINS 'Red'))",
    f"PROFILE(contact).FILTER({CONSENT})",
    "SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef) UNION "
    "SEGMENT(SEGMENT_CJO_ID_fedcba9876543210fedcba9876543210)",
    "INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
    "&& msdynmkt_targeturl CONTAINS 'offer').HAVING(COUNT() > 2, UTCDAYS(7))",
]


@pytest.mark.parametrize("text", PUBLIC_EXAMPLES)
def test_public_examples_validate_clean(text):
    assert realtime_diagnostics(text) == []


def test_the_dotted_alias_form_resolves_through_the_alias():
    text = "PROFILE(contact).RELATE(contact_customer_accounts, account.account_1).FILTER(account_1.nam == 'A')"
    result = parse_tolerant(text, dialect=REALTIME)
    assert [d.code for d in result.diagnostics] == ["S033"]
    assert [(d.code, where(d), d.message) for d in validate(result.query, result.source, dialect=REALTIME)] == [
        ("V022", "1:88-1:91", "`nam` is not an attribute of table `account`; did you mean `name`?")]


@pytest.mark.parametrize("text, code, title, result", [
    ("PROFILE(Contact)", "V050", "Write `contact`", "PROFILE(contact)"),
    ("PROFILE(contcat)", "V050", "Rename to `contact`", "PROFILE(contact)"),
    ("PROFILE(contact).RELATE(contact_account_parentcustomerid, a).FILTER(a.name == 'A')", "V051",
     "Write `contact_customer_accounts`",
     "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'A')"),
    ("PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(name == 'A')", "V054", "Write `a.name`",
     "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'A')"),
    ("PROFILE(contact).RELATE(contact_customer_accounts, Acc).FILTER(acc.name == 'A')", "V021", "Write `Acc`",
     "PROFILE(contact).RELATE(contact_customer_accounts, Acc).FILTER(Acc.name == 'A')"),
    ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'Contact')",
     "V059", "Write 'contact'",
     "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')"),
])
def test_fixes(text, code, title, result):
    (diagnostic,) = realtime_diagnostics(text)
    assert (diagnostic.code, diagnostic.fix.message) == (code, title)
    assert fixed(text, diagnostic) == result
    assert realtime_diagnostics(result) == []


def test_fix_safety():
    safe = {d.code: d.fix.applicability.value for d in realtime_diagnostics(
        "PROFILE(Contact).RELATE(contact_customer_accounts, a).FILTER(name == 'A')"
        " UNION PROFILE(contact).RELATE(contact_account_parentcustomerid, b).FILTER(b.name == 'B')")}
    assert safe == {"V050": "safe", "V051": "safe", "V054": "unsafe"}


ORG = Schema(
    tables={"account": default_schema().table("account")},
    relationships={"new_contact_project": Relationship("new_contact_project", "new_project", "new_contactid",
                                                       "contact", "new_contact_project")},
    interaction_tables={"new_webinarjoined": InteractionTable("new_webinarjoined", ("msdynmkt_entityid",), {
        "new_webinarname": Attribute("new_webinarname", AttributeType.STRING)})})


def test_a_configured_schema_knows_custom_interaction_tables_and_relationships():
    schema = default_schema().merge(ORG)
    assert realtime_findings(
        "INTERACTION(new_webinarjoined, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' && "
        "new_webinarname == 'Q3' && new_webinarnam == 'x')", schema=schema) == [
        ("V022", "1:131-1:145", "`new_webinarnam` is not a column of interaction table `new_webinarjoined`; "
                                "did you mean `new_webinarname`?")]
    assert realtime_findings("PROFILE(contact).RELATE(new_contact_project, p).FILTER(ISNOTNULL(p.new_name))",
                             schema=schema) == []


def test_with_a_configured_schema_unknown_names_are_errors():
    schema = default_schema().merge(ORG)
    assert realtime_findings("INTERACTION(new_other, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == "
                             "'contact')", schema=schema) == [
        ("V055", "1:13-1:22", "`new_other` is not a real-time interaction table")]
    assert realtime_findings("PROFILE(contact).RELATE(new_rel, r).FILTER(ISNOTNULL(r.x))", schema=schema) == [
        ("V051", "1:25-1:32", "`new_rel` is not the schema name of a relationship of `contact`")]


def test_without_a_schema_only_the_language_rules_apply():
    text = ("PROFILE(contact).RELATE(no_such_relationship, a).FILTER(a.x == 1 && y == 2)"
            " UNION INTERACTION(no_such_table, msdynmkt_entityid).FILTER(z == 1)")
    assert realtime_findings(text, schema=NO_SCHEMA) == [
        ("V054", "1:69-1:70", "`y` has no alias: after RELATE, attributes name the related records' alias (`a`)"),
        ("V057", "1:83-1:128", "the FILTER of INTERACTION does not state the profile type: add "
                               "`msdynmkt_entityid_LogicalName == 'contact'` with `&&`"),
    ]


def test_the_dialect_chooses_the_rule_set_and_outbound_is_unchanged():
    text = "PROFILE(contact).FILTER(fullname == 1)"
    outbound = findings(text)
    assert outbound == [("V032", "1:25-1:38", "cannot compare `fullname` (a string attribute) with the number `1`")]
    result = parse_tolerant(text)
    for dialect in ("outbound", "Outbound", None):
        assert [(d.code, where(d), d.message) for d in validate(result.query, result.source, dialect=dialect)] \
            == outbound
    interaction = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
    assert [code for code, _, _ in findings(interaction)] == ["V004"]
    assert realtime_findings(interaction) == [
        ("V057", "1:1-1:50", "the FILTER of INTERACTION does not state the profile type: add "
                             "`EmailOpened_ContactLink_LogicalName == 'contact'` with `&&`"),
        ("V055", "1:13-1:24", "`EmailOpened` is an outbound marketing interaction; real-time journeys uses the "
                              "`msdynmkt_*` interaction tables (such as `msdynmkt_emailopened`)"),
    ]


def test_check_text_validates_in_the_dialect_of_the_directive():
    report = check_text("// segquery: dialect = realtime\nPROFILE(contact).RELATE(contact_customer_accounts, a)"
                        ".FILTER(a.nam == 'A')\n")
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("V022", "`nam` is not an attribute of table `account`; did you mean `name`?")]


def test_table_inference_follows_relate_paths_and_discriminators():
    text = ("PROFILE(contact).RELATE(contact_customer_accounts, a, RELATE(account_primary_contact, c))"
            ".FILTER(a.name == 'A') INTERSECT INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
            ".FILTER(msdynmkt_entityid_LogicalName == 'contact')")
    query = parse_tolerant(text, dialect=REALTIME).query
    info = infer_tables(query, dialect="realtime")
    assert info.result == "contact"
    chain = query.body.operands[0]
    relate, related_filter = chain.steps
    assert [(b.name, b.table) for b in info.declared(chain)] == [("a", "account"), ("c", "contact")]
    scope = info.step(related_filter)
    assert (scope.before, scope.after, scope.alias.name) == ("account", "contact", "a")
    assert info.step(relate).before == "contact"
    interaction = query.body.operands[1]
    assert info.table_of(interaction) == "contact"
    assert info.step(interaction.steps[0]).interaction == "msdynmkt_emailopened"
    at_alias = scope_at(query, text.index("a.name") + 2, dialect="realtime")
    assert (at_alias.table, at_alias.alias, dict(at_alias.aliases)) == ("account", "a",
                                                                          {"a": "account", "c": "contact"})


def test_what_the_parser_reported_is_not_reported_again():
    text = ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')"
            ".HAVING(SUM(x) > 1)")
    result = parse_tolerant(text, dialect=REALTIME)
    assert [d.code for d in result.diagnostics] == ["S030"]
    assert validate(result.query, result.source, dialect=REALTIME) == []


def test_a_traverse_name_in_relate_still_leads_to_the_related_table():
    assert realtime_findings("PROFILE(contact).RELATE(contact_account_parentcustomerid, a).FILTER(a.nam == 'x')") == [
        ("V051", "1:25-1:57", "`contact_account_parentcustomerid` is an outbound TRAVERSE name; RELATE takes the "
                              "relationship's Dataverse schema name `contact_customer_accounts`"),
        ("V022", "1:71-1:74", "`nam` is not an attribute of table `account`; did you mean `name`?"),
    ]
