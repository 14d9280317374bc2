"""Every example of the language documentation (reference part A.4), with the
bundled default schema and with schema checks off.

The documentation uses generic profile types (Contact, Event, CreditCard...)
that the Marketing default schema does not have: with the default schema,
`Contact` is the `contact` table in another case (a warning with a fix) and the
other tables, the made-up attributes and the relationships are names the
bundled schema lacks, as an org's own names would be (V046 warnings); the
attributes and relationships of an unknown table are not checked. With schema
checks off, only the language's own rules apply, and a segment whose profile
type is not `contact` is reported.
"""

import pytest

from segquery.semantic import NO_SCHEMA
from segquery.syntax.parser import parse_tolerant

from semantic_helpers import findings

CONTACT_CASE = ("V021", "1:9-1:16", "table `Contact` is named `contact` in the schema")


def custom(subject, where):
    return ("V046", where, f"{subject} is not in the bundled standard schema; to check your org's own names, "
                           f"configure its schema (`schema = \"...\"` in segquery.toml or [tool.segquery])")


def custom_attribute(name, where):
    return custom(f"attribute `{name}` of table `contact`", where)


def target(where, table):
    return ("V013", where, f"a dynamic segment must end on the `contact` profile type, but this query ends on `{table}`")


PUBLISHED = [
    ("PROFILE(Contact).FILTER(Sex == 'M' && Country == 'USA' && Age >= 15 && Age <= 25 && Income > 50000 )",
     [CONTACT_CASE, custom_attribute("Sex", "1:25-1:28"), custom_attribute("Country", "1:39-1:46"),
      custom_attribute("Age", "1:59-1:62"), custom_attribute("Age", "1:72-1:75"),
      custom_attribute("Income", "1:85-1:91")],
     []),
    ("PROFILE(Contact).FILTER(Position == 'CEO').TRAVERSE(HavingAccount).TRAVERSE(Ordered)"
     ".FILTER(Name == 'Product Xgenerator')",
     [CONTACT_CASE, custom_attribute("Position", "1:25-1:33"),
      custom("relationship `HavingAccount`", "1:53-1:66"),
      custom("relationship `Ordered`", "1:77-1:84")],
     []),
    ("INTERACTION(EmailSoftBounced, EmailSoftBounced_ContactLink).HAVING(COUNT()>10, UTCMONTHS(1))", [], []),
    ("PROFILE(Event).FILTER(Name CONTAINS 'run')",
     [custom("table `Event`", "1:9-1:14")],
     [target("1:1-1:15", "Event")]),
    ("PROFILE(Customer).FILTER(ISNULL(Address))",
     [custom("table `Customer`", "1:9-1:17")],
     [target("1:1-1:18", "Customer")]),
    ("PROFILE(Membership).TRAVERSE(InSubscription, FILTER(Status == 'Active'))",
     [custom("table `Membership`", "1:9-1:19"),
      custom("relationship `InSubscription`", "1:30-1:44")],
     []),
    ("PROFILE(Contact).FILTER(NumberOfActivePurchasedItems > 0 && Product == 'CreditCard' && "
     "DATEDIFF(month, ExpirationDate,DATETIMEUTCNOW()) < 1)",
     [CONTACT_CASE, custom_attribute("NumberOfActivePurchasedItems", "1:25-1:53"),
      custom_attribute("Product", "1:61-1:68"), custom_attribute("ExpirationDate", "1:104-1:118")],
     []),
    ("SEGMENT(segment1) UNION SEGMENT(segment2)", [], []),
]


@pytest.mark.parametrize("text, with_default_schema, without_schema", PUBLISHED)
def test_published_examples(text, with_default_schema, without_schema):
    assert parse_tolerant(text).diagnostics == ()
    assert findings(text) == with_default_schema
    assert findings(text, schema=NO_SCHEMA) == without_schema


def test_published_defect_datetimenowutc():
    # The parser reports the unknown function (S014); the validator adds what the schema knows.
    text = ("PROFILE(CreditCard).FILTER(DATEDIFF(day, ExpirationDate, DateTimeNowUtc()) < 30)"
            ".TRAVERSE(HavingCreditCard)")
    assert [d.code for d in parse_tolerant(text).diagnostics] == ["S014"]
    assert findings(text) == [custom("table `CreditCard`", "1:9-1:19"),
                              custom("relationship `HavingCreditCard`", "1:91-1:107")]
    assert findings(text, schema=NO_SCHEMA) == []


@pytest.mark.parametrize("text", [
    "PROFILE(Subscription).TRAVERSE(InSubscription, FILTER(DATEDIFF(month, SubscriptionEndDate, DATETIMEUTCNOW()) 1))",
    "INTERACTION(EmailOpened, EmailOpenedLeadLink).FILTER(Name == 'Campaign 1')).HAVING(COUNT()>0)",
])
def test_published_defects_that_do_not_parse_leave_nothing_to_validate(text):
    assert parse_tolerant(text).query is None


def test_published_defect_having_before_filter():
    # The parser reports the order (S015, with a fix); the late FILTER still reads the interactions.
    text = ("INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).HAVING(COUNT()>0, UTCDAYS(7))"
            ".FILTER(EmailId=='12345')")
    assert [d.code for d in parse_tolerant(text).diagnostics] == ["S015"]
    assert findings(text) == [
        ("V022", "1:104-1:111", "`EmailId` is not an attribute of interaction `RedirectLinkClicked`")]
    assert findings(text, schema=NO_SCHEMA) == []


def test_published_defect_relationship_as_string():
    text = ("PROFILE(Activity).FILTER(ActivityType == 'Football').TRAVERSE('SubscribedToActivity')"
            ".FILTER(Age > 20 && Age < 35)")
    assert [d.code for d in parse_tolerant(text).diagnostics] == ["S013"]
    assert findings(text) == [custom("table `Activity`", "1:9-1:17"),
                              custom("relationship `SubscribedToActivity`", "1:63-1:85")]
    assert findings(text, schema=NO_SCHEMA) == []  # without relationships, the TRAVERSE's table is unknown


def test_published_defect_assignment():
    text = "SegmentOnProfile = PROFILE(Contact)"
    assert [d.code for d in parse_tolerant(text).diagnostics] == ["S011"]
    assert findings(text) == [("V021", "1:28-1:35", "table `Contact` is named `contact` in the schema")]
    assert findings(text, schema=NO_SCHEMA) == []


def test_published_defect_method_set_operators():
    text = "SEGMENT(SegmentOnProfile).UNION(SegmentOnReceivedEmail).EXCEPT(SegmentRegisteredInEvent)"
    assert [d.code for d in parse_tolerant(text).diagnostics] == ["S012", "S012"]
    # The method calls are kept as invalid steps, which the validator leaves to the parser's findings.
    assert findings(text) == []
