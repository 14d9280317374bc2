"""V053 and V054: in real-time journeys, the FILTER after a RELATE qualifies every attribute with an
alias of that RELATE's path, and no other FILTER qualifies any.

The realtime-aliases rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'alias_unknown_after_relate': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(acount_1.name == 'A')",
        {},
        [('V053',
          '1:70-1:78',
          '`acount_1` is not an alias of the RELATE before this FILTER; its aliases: `account_1`')]),
    'alias_in_profile_filter': (
        "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'A').FILTER(a.name == 'B')",
        {},
        [('V053', '1:84-1:85', '`a.`: this FILTER reads the profile, whose attributes are written without alias')]),
    'alias_in_interaction': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& i.msdynmkt_details == 'x')"),
        {},
        [('V053',
          '1:107-1:108',
          '`i.`: the attributes of interaction table `msdynmkt_emailopened` are written without alias')]),
    'alias_case': (
        "PROFILE(contact).RELATE(contact_customer_accounts, Account_1).FILTER(account_1.name == 'A')",
        {},
        [('V021', '1:70-1:79', 'alias `account_1` is declared as `Account_1`')]),
    'unqualified_one_owner': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(name == 'A')",
        {},
        [('V054', '1:70-1:74', '`name` is an attribute of the related `account`: write `account_1.name`')]),
    'unqualified_no_owner': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(new_thing == 'A')",
        {},
        [('V054',
          '1:70-1:79',
          "`new_thing` has no alias: after RELATE, attributes name the related records' alias (`account_1`)")]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
