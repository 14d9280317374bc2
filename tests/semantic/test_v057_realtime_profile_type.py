"""V057-V060: an INTERACTION's FILTER states its profile type exactly once, with a discriminator
`<profile id column>_LogicalName == 'contact'` (or `'lead'`).

The realtime-profile-type rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'profile_type_missing': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_details == 'x')",
        {},
        [('V057',
          '1:1-1:53',
          'the FILTER of INTERACTION does not state the profile type: add `msdynmkt_entityid_LogicalName == '
          "'contact'` with `&&`")]),
    'profile_type_no_filter': (
        'INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).HAVING(COUNT() >= 1)',
        {},
        [('V057',
          '1:1-1:53',
          'INTERACTION needs a FILTER that states the profile type: `.FILTER(msdynmkt_entityid_LogicalName == '
          "'contact')`")]),
    'profile_type_twice': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& msdynmkt_entityid_LogicalName == 'lead')"),
        {},
        [('V058', '1:107-1:146', 'the profile type is already stated at 1:61: state it once')]),
    'profile_type_value': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'account')",
        {},
        [('V059', '1:94-1:103', "real-time interactions belong to 'contact' or 'lead' profiles, not 'account'")]),
    'profile_type_value_case': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'Contact')",
        {},
        [('V059', '1:94-1:103', "the profile type is written in lower case: 'contact'")]),
    'profile_type_other_column': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_profileid_LogicalName == 'contact')",
        {},
        [('V060',
          '1:61-1:104',
          '`msdynmkt_profileid_LogicalName` is the discriminator of `msdynmkt_profileid`, but this INTERACTION '
          'links profiles by `msdynmkt_entityid`: write `msdynmkt_entityid_LogicalName`')]),
    'profile_type_in_or': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "|| msdynmkt_details == 'x')"),
        {},
        [('V060',
          '1:61-1:103',
          'the profile type is stated as a condition of its own, joined to the rest of the FILTER with `&&`: '
          "inside `||` or NOT it does not fix the interaction's profile type")]),
    'profile_type_not_equal': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName != 'lead')",
        {},
        [('V060',
          '1:61-1:100',
          "the profile type is stated with `==` and a string: `msdynmkt_entityid_LogicalName == 'contact'`")]),
    'profile_type_nested_and': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER((msdynmkt_details == 'x' && "
         "msdynmkt_entityid_LogicalName == 'contact'))"),
        {},
        []),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
