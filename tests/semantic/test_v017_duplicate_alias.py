"""V017: an alias names one set of records in its chain.

The duplicate-alias rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case
from semantic_helpers import diagnostics, findings


def test_duplicate_alias():
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, A)"
    (diagnostic,) = diagnostics(text)
    assert (diagnostic.code, diagnostic.message) == ("V017", "alias `A` is already declared by PROFILE at 1:18")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (64, 65)
    assert diagnostic.related[0].message == "first declared here"


def test_aliases_of_different_set_operands_do_not_clash():
    assert findings("PROFILE(contact, c) UNION PROFILE(contact, c).FILTER(c.statecode == 0)") == []


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'alias_duplicate': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == '
         "'A').RELATE(contact_customer_contacts, a).FILTER(a.firstname == 'B')"),
        {},
        [('V017', '1:111-1:112', 'alias `a` is already declared by RELATE at 1:52')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
