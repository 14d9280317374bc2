"""V045: no date functions or string tests in the FILTER of an INTERACTION query (reference A.3).

The interaction-filter-function rule's findings, pinned by code, range and message."""

from semantic_helpers import findings

OPENED = "INTERACTION(EmailOpened, EmailOpened_ContactLink)"


def test_interaction_filter_functions():
    text = (f"{OPENED}.FILTER(emailDomain CONTAINS 'contoso' && timestamp > DATEADD(DAY, -3, DATETIMEUTCNOW())"
            " && timestamp < Date(2024, 1, 1)).HAVING(COUNT() > 0)")
    why = "is not supported in the FILTER of an INTERACTION query (PROFILE and SEGMENT queries support it)"
    assert findings(text) == [
        ("V045", "1:70-1:78", f"CONTAINS {why}"),
        ("V045", "1:104-1:111", f"DATEADD {why}"),
        ("V045", "1:154-1:158", f"DATE {why}"),
    ]


def test_date_functions_are_fine_in_profile_filters_and_traverse_filters():
    text = ("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(birthdate < DATETIMEUTCNOW() "
            "&& fullname CONTAINS 'a'))")
    assert findings(text) == []
