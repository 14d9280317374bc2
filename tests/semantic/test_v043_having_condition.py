"""V043: HAVING(aggregate comparison number[, window]) (reference A.1).

The having-condition rule's findings, pinned by code, range and message."""

from semantic_helpers import findings

OPENED = "INTERACTION(EmailOpened, EmailOpened_ContactLink)"


def test_having_condition_shape():
    shape = "HAVING needs a comparison of an aggregate with a number, such as `COUNT() > 0`"
    assert findings(f"{OPENED}.HAVING(emailDomain == 'contoso.com')") == [
        ("V043", "1:58-1:86", f"{shape}, not `emailDomain == 'contoso.com'`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 1 && COUNT() < 5)") == [
        ("V043", "1:58-1:84", f"{shape}, not `COUNT() > 1 && COUNT() < 5`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > '5')") == [
        ("V043", "1:68-1:71", "HAVING compares COUNT with a number, not the string `'5'`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > COUNT())") == [
        ("V043", "1:68-1:75", "HAVING compares an aggregate with a number, not with another aggregate")]


def test_aggregate_arguments():
    assert findings(f"{OPENED}.HAVING(SUM(emailDomain) > 5)") == [
        ("V043", "1:62-1:73", "SUM needs a numeric attribute, not `emailDomain` (a string attribute)")]
    assert findings(f"{OPENED}.HAVING(MAX(timestamp) > 5)") == []
    assert findings(f"{OPENED}.HAVING(AVG(1) > 5)") == [
        ("V043", "1:62-1:63", "AVG takes an attribute of the interaction, not the number `1`")]
