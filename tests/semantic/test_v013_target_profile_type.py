"""V013: a segment's members are of the target profile type, `contact` by default (reference A.3).

The target-profile-type rule's findings, pinned by code, range and message."""

from segquery.semantic import NO_SCHEMA, QueryKind

from semantic_helpers import findings

STATIC = QueryKind.STATIC


def test_target_profile_type():
    assert findings("PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)") == [
        ("V013", "1:18-1:60",
         "a dynamic segment must end on the `contact` profile type, but this query ends on `account`"),
    ]
    assert findings("PROFILE(account)", kind=STATIC) == [
        ("V013", "1:1-1:17", "a static segment must end on the `contact` profile type, but this query ends on `account`"),
    ]
    assert findings("PROFILE(account).TRAVERSE(contact_account_parentcustomerid)") == []


def test_target_profile_type_is_configurable():
    assert findings("PROFILE(account)", target="account") == []
    assert findings("PROFILE(contact)", target="lead") == [
        ("V013", "1:1-1:17", "a dynamic segment must end on the `lead` profile type, but this query ends on `contact`"),
    ]


def test_target_profile_type_of_an_interaction_is_its_link_type():
    assert findings("INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() > 0)") == [
        ("V013", "1:26-1:45", "a dynamic segment must end on the `contact` profile type, but this query ends on `lead`"),
    ]


def test_target_profile_type_is_not_checked_for_fetches_or_unknown_tables():
    assert findings("(PROFILE(account)).ORDERBY(name ASC).SKIP(0).TAKE(1).SELECT(accountid)") == []
    assert [code for code, _, _ in findings("PROFILE(Event)")] == ["V046"]
    assert findings("PROFILE(Event)", schema=NO_SCHEMA) == [
        ("V013", "1:1-1:15", "a dynamic segment must end on the `contact` profile type, but this query ends on `Event`"),
    ]
