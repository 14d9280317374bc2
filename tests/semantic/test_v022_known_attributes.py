"""V022, the attribute part of V021 and of V046: attributes exist in the records being read.

The known-attributes rule's findings, pinned by code, range and message."""

from semantic_helpers import findings, fixed, only


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
