"""The reference evaluator states the semantics of docs/sql.md, rule by rule."""

from datetime import datetime, timedelta

import pytest

import segquery
from segquery.evaluate import UnknownName, evaluate

NOW = datetime(2026, 3, 31, 12, 0, 0)

CONTACTS = [
    {"contactid": "c1", "firstname": "Ann", "address1_city": "Seattle", "numberofchildren": 2,
     "birthdate": datetime(1990, 2, 28), "parentcustomerid": "a1"},
    {"contactid": "c2", "firstname": "", "address1_city": "SEATTLE", "numberofchildren": 0,
     "birthdate": datetime(2026, 3, 1), "parentcustomerid": "a2"},
    {"contactid": "c3", "firstname": None, "address1_city": None, "numberofchildren": None,
     "birthdate": None, "parentcustomerid": None},
]
ACCOUNTS = [{"accountid": "a1", "name": "Contoso"}, {"accountid": "a2", "name": None}]
OPENED = [
    {"contactId": "c1", "timestamp": NOW - timedelta(days=7)},                      # on the window's first moment
    {"contactId": "c1", "timestamp": NOW},                                          # on its last
    {"contactId": "c2", "timestamp": NOW - timedelta(days=7, seconds=1)},           # just before it
    {"contactId": "c2", "timestamp": NOW + timedelta(seconds=1)},                   # after now
    {"contactId": "ghost", "timestamp": NOW},                                       # no such contact
    {"contactId": None, "timestamp": NOW},
]
DATA = {"contact": CONTACTS, "account": ACCOUNTS, "EmailOpened": OPENED}


def members(text, **options):
    return set(evaluate(segquery.parse(text), DATA, now=NOW, **options))


@pytest.mark.parametrize(("condition", "expected"), [
    # Strings compare without regard to case; null never equals, nor differs.
    ("address1_city == 'seattle'", {"c1", "c2"}),
    ("address1_city != 'seattle'", set()),
    ("NOT(address1_city == 'seattle')", set()),
    ("ISNULL(address1_city)", {"c3"}),
    # The empty string is a value, not null.
    ("firstname == ''", {"c2"}),
    ("ISNOTNULL(firstname)", {"c1", "c2"}),
    ("firstname CONTAINS ''", {"c1", "c2"}),
    ("firstname STARTSWITH 'AN'", {"c1"}),
    ("firstname ENDSWITH 'n'", {"c1"}),
    # Three-valued logic: unknown || true is true, unknown && false is false.
    ("address1_city == 'x' || ISNULL(firstname)", {"c3"}),
    ("NOT(numberofchildren > 1 && ISNOTNULL(firstname))", {"c2", "c3"}),   # c3: NOT(unknown && false)
    # Division by zero is null.
    ("10 / numberofchildren > 1", {"c1"}),
    ("NOT(10 / numberofchildren > 1)", set()),
    # Dates: DATEDIFF counts boundaries; strings read as dates.
    ("DATEDIFF(MONTH, birthdate, DATETIMEUTCNOW()) == 0", {"c2"}),
    ("DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) == 36", {"c1"}),
    ("birthdate < '2000-01-01'", {"c1"}),
    ("birthdate == DATEADD(MONTH, -1, DATE(1990, 3, 31))", {"c1"}),
])
def test_filter(condition, expected):
    assert members(f"PROFILE(contact).FILTER({condition})") == expected


@pytest.mark.parametrize(("having", "expected"), [
    ("COUNT() >= 2, UTCDAYS(7)", {"c1"}),                # both window ends count
    ("COUNT() == 1, UTCDAYS(7)", set()),                 # c2's are outside it
    ("COUNT() >= 2", {"c1", "c2"}),                      # a lifetime count takes every time
    ("COUNT() < 2, UTCDAYS(7)", set()),                  # no interaction in the window: not a member
    ("COUNT() > 0, UTCDAYS(6)", {"c1"}),
])
def test_interaction_counts(having, expected):
    assert members(f"INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING({having})") == expected


def test_traverse_joins_in_both_directions():
    assert members("PROFILE(account).FILTER(name == 'contoso').TRAVERSE(contact_account_parentcustomerid)") == {"c1"}
    assert members("PROFILE(contact, c).FILTER(c.address1_city == 'Seattle')"
                   ".TRAVERSE(contact_account_parentcustomerid, a).FILTER(ISNULL(a.name))") == {"a2"}


def test_a_filter_after_traverse_reads_every_alias_of_the_chain():
    assert members("PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c)"
                   ".FILTER(a.name == 'Contoso' && c.numberofchildren > 1)") == {"c1"}


@pytest.mark.parametrize(("text", "expected"), [
    ("PROFILE(contact) EXCEPT PROFILE(contact).FILTER(ISNULL(firstname))", {"c1", "c2"}),
    ("PROFILE(contact).FILTER(firstname == 'ann') UNION PROFILE(contact).FILTER(firstname == '')", {"c1", "c2"}),
    # Left to right, equal precedence: (A UNION B) INTERSECT C.
    ("PROFILE(contact).FILTER(firstname == 'ann') UNION PROFILE(contact).FILTER(firstname == '') "
     "INTERSECT PROFILE(contact).FILTER(numberofchildren == 0)", {"c2"}),
])
def test_set_operations(text, expected):
    assert members(text) == expected


def test_segments_are_inlined_by_name_in_any_case():
    segments = {"Seattle": segquery.parse("PROFILE(contact).FILTER(address1_city == 'Seattle')")}
    assert members("SEGMENT(seattle) EXCEPT PROFILE(contact).FILTER(firstname == 'Ann')", segments=segments) == {"c2"}
    assert members("SEGMENT(seattle).FILTER(numberofchildren > 0)", segments=segments) == {"c1"}


def test_a_name_the_schema_lacks_raises_unknown_name():
    with pytest.raises(UnknownName, match="^`contact` has no column `nope`$"):
        members("PROFILE(contact).FILTER(nope == 1)")
