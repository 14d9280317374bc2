"""V031: DATEDIFF and DATEADD work on dates (a string literal is checked as a date by V034).

The date-function-type rule's findings, pinned by code, range and message."""

from semantic_helpers import findings


def test_date_functions_on_non_dates():
    text = "PROFILE(contact).FILTER(DATEDIFF(YEAR, fullname, DATETIMEUTCNOW()) > 18 && DATEADD(DAY, 'x', birthdate) > birthdate)"
    assert findings(text) == [
        ("V031", "1:40-1:48", "DATEDIFF works on dates, not on `fullname` (a string attribute)"),
        ("V031", "1:89-1:92", "the amount of DATEADD must be a number, not the string `'x'`"),
    ]
    assert findings("PROFILE(contact).FILTER(DATEADD(DAY, 1, 5) > birthdate)") == [
        ("V031", "1:41-1:42", "DATEADD works on dates, not on the number `5`")]
