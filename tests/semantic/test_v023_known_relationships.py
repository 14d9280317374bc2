"""V023, V024, the relationship part of V021 and of V046: TRAVERSE follows a relationship of the
current table.

The known-relationships rule's findings, pinned by code, range and message."""

from segquery.schema import Schema, default_schema

from semantic_helpers import findings, fixed, only

# A schema the user configured: the bundled one with nothing added, but not the bundled one itself.
CONFIGURED = default_schema().merge(Schema())


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
