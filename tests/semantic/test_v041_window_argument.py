"""V041: HAVING's window is UTCDAYS/UTCMONTHS/UTCYEARS of a positive whole number, and only there.

The window-argument rule's findings, pinned by code, range and message."""

from semantic_helpers import findings

OPENED = "INTERACTION(EmailOpened, EmailOpened_ContactLink)"


def test_window_count():
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCDAYS(0))") == [
        ("V041", "1:79-1:80", "UTCDAYS takes a positive whole number of days, not `0`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCMONTHS(1.5))") == [
        ("V041", "1:81-1:84", "UTCMONTHS takes a positive whole number of months, not `1.5`")]
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, UTCYEARS(-1))") == [
        ("V041", "1:80-1:82", "UTCYEARS takes a positive whole number of years, not `-1`")]


def test_window_position():
    assert findings(f"{OPENED}.HAVING(COUNT() > 0, 7)") == [
        ("V041", "1:71-1:72", "the second argument of HAVING is a window: UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n), "
                              "not `7`")]
    assert findings("PROFILE(contact).FILTER(UTCDAYS(3) > 1)") == [
        ("V041", "1:25-1:35", "UTCDAYS(...) is a window: it can only be the second argument of HAVING")]
