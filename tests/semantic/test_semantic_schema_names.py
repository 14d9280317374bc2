"""Names checked against the schema: tables, attributes, relationships, interactions, link types (V020-V026)."""

from segquery.schema import Attribute, AttributeType, Relationship, Schema, Table, default_schema
from segquery.semantic import NO_SCHEMA

from semantic_helpers import diagnostics, findings, fixed, only

# A schema the user configured: the bundled one with nothing added, but not the bundled one itself.
CONFIGURED = default_schema().merge(Schema())


def test_unknown_table_with_suggestion():
    diagnostic = only("PROFILE(contacts)")
    assert (diagnostic.code, diagnostic.message) == ("V020", "unknown table `contacts`; did you mean `contact`?")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (9, 17)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed("PROFILE(contacts)", diagnostic) == "PROFILE(contact)"


def test_unknown_table_without_suggestion():
    assert findings("PROFILE(Membership)", schema=CONFIGURED) == [("V020", "1:9-1:19", "unknown table `Membership`")]


def test_table_in_another_case():
    diagnostic = only("PROFILE(Contact)")
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (
        "V021", "warning", "table `Contact` is named `contact` in the schema")
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed("PROFILE(Contact)", diagnostic) == "PROFILE(contact)"


def test_unknown_attribute():
    text = "PROFILE(contact).FILTER(adress1_city == 'Seattle')"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V022", "`adress1_city` is not an attribute of table `contact`; did you mean `address1_city`?")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (25, 37)
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(address1_city == 'Seattle')"


def test_attribute_of_the_table_after_traverse():
    # `numberofemployees` is an account attribute; after the TRAVERSE the records are contacts.
    text = "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).FILTER(numberofemployees > 5)"
    assert findings(text) == [
        ("V022", "1:68-1:85", "`numberofemployees` is not an attribute of table `contact`; did you mean "
                              "`numberofchildren`?")]


def test_attribute_in_another_case():
    text = "PROFILE(contact).ORDERBY(FullName ASC).SKIP(0).TAKE(1).SELECT(ContactId)"
    assert findings(text) == [
        ("V021", "1:26-1:34", "attribute `FullName` is named `fullname` in the schema"),
        ("V021", "1:63-1:72", "attribute `ContactId` is named `contactid` in the schema"),
    ]


def test_unknown_interaction_attribute():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomian == 'a.com').HAVING(SUM(size) > 1)"
    assert findings(text) == [
        ("V022", "1:58-1:69", "`emailDomian` is not an attribute of interaction `EmailOpened`; did you mean "
                              "`emailDomain`?"),
        ("V022", "1:93-1:97", "`size` is not an attribute of interaction `EmailOpened`"),
    ]


def test_unknown_relationship():
    assert findings("PROFILE(contact).TRAVERSE(HavingAccount)", schema=CONFIGURED) == [
        ("V023", "1:27-1:40", "unknown relationship `HavingAccount`")]
    diagnostic = only("PROFILE(account).TRAVERSE(contact_account_parentcustomerd)")
    assert diagnostic.message == ("unknown relationship `contact_account_parentcustomerd`; did you mean "
                                  "`contact_account_parentcustomerid`?")
    assert diagnostic.fix.applicability.value == "unsafe"


def test_relationship_schema_name_points_to_the_traverse_name():
    text = "PROFILE(account).TRAVERSE(contact_customer_accounts)"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V023", "`contact_customer_accounts` is the Dataverse schema name of a relationship; TRAVERSE names it "
                "`contact_account_parentcustomerid`")
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == "PROFILE(account).TRAVERSE(contact_account_parentcustomerid)"


def test_relationship_that_does_not_touch_the_table():
    assert findings("PROFILE(lead).TRAVERSE(contact_account_parentcustomerid)") == [
        ("V024", "1:24-1:56", "relationship `contact_account_parentcustomerid` connects `contact` and `account`; it "
                              "cannot be traversed from `lead`; did you mean `lead_account_customerid`?"),
    ]


def test_relationship_in_another_case():
    assert findings("PROFILE(account).TRAVERSE(Contact_Account_ParentCustomerId)") == [
        ("V021", "1:27-1:59", "relationship `Contact_Account_ParentCustomerId` is named "
                              "`contact_account_parentcustomerid` in the schema"),
    ]


def test_unknown_interaction():
    text = "INTERACTION(EmailOpen, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V025", "unknown interaction type `EmailOpen`; did you mean `EmailOpened`?")
    assert fixed(text, diagnostic).startswith("INTERACTION(EmailOpened, ")


def test_unknown_link_type():
    text = "INTERACTION(EmailOpened, EmailOpened_LeadLink).HAVING(COUNT() > 0)"
    assert findings(text) == [
        ("V013", "1:26-1:46", "a dynamic segment must end on the `contact` profile type, but this query ends on `lead`"),
        ("V026", "1:26-1:46", "`EmailOpened_LeadLink` is not a link type of interaction `EmailOpened`; did you mean "
                              "`EmailOpenedLeadLink`?"),
    ]
    assert findings("INTERACTION(EmailOpened, Nope).HAVING(COUNT() > 0)") == [
        ("V026", "1:26-1:30", "`Nope` is not a link type of interaction `EmailOpened`; its link types are "
                              "`EmailOpened_ContactLink`, `EmailOpenedLeadLink`"),
    ]


def test_interaction_and_link_type_in_another_case():
    assert findings("INTERACTION(emailopened, emailopened_contactlink).HAVING(COUNT() > 0)") == [
        ("V021", "1:13-1:24", "interaction type `emailopened` is named `EmailOpened` in the schema"),
        ("V021", "1:26-1:49", "link type `emailopened_contactlink` is named `EmailOpened_ContactLink` in the schema"),
    ]


def test_no_schema_skips_every_name_check():
    text = ("PROFILE(Contacts).FILTER(adress1_city == 'x').TRAVERSE(HavingAccount) UNION "
            "SEGMENT(a)")
    assert [d.code for d in diagnostics(text)] == ["V020", "V046"]
    assert [d.code for d in diagnostics(text, schema=CONFIGURED)] == ["V020", "V023"]
    assert findings(text, schema=NO_SCHEMA) == []
    assert findings(text, schema=Schema()) == []


def test_a_custom_schema():
    event = Table("event", {"name": Attribute("name", AttributeType.STRING),
                            "contactid": Attribute("contactid", AttributeType.LOOKUP, targets=("contact",))})
    contact = Table("contact", {"fullname": Attribute("fullname", AttributeType.STRING)})
    relationship = Relationship("event_contact_contactid", "event", "contactid", "contact")
    schema = Schema({"event": event, "contact": contact}, {relationship.name: relationship})
    assert findings("PROFILE(event).FILTER(name CONTAINS 'run').TRAVERSE(event_contact_contactid)", schema=schema) == []
    assert findings("PROFILE(event).FILTER(nam CONTAINS 'run')", schema=schema) == [
        ("V013", "1:1-1:15", "a dynamic segment must end on the `contact` profile type, but this query ends on `event`"),
        ("V022", "1:23-1:26", "`nam` is not an attribute of table `event`; did you mean `name`?"),
    ]
