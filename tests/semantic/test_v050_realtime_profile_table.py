"""V050: a real-time segment's PROFILE is `contact` or `lead`.

The realtime-profile-table rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'profile_lead_clean': (
        "PROFILE(lead).FILTER(firstname == 'Ann')",
        {'target': 'lead'},
        []),
    'profile_case': (
        'PROFILE(Contact)',
        {},
        [('V050', '1:9-1:16', 'the profile table is written `contact`')]),
    'profile_other_table': (
        'PROFILE(account)',
        {},
        [('V050',
          '1:9-1:16',
          'real-time journeys segments are of `contact` or `lead`, not `account`: start from the profile and reach '
          '`account` with RELATE')]),
    'profile_typo': (
        'PROFILE(contcat)',
        {},
        [('V050',
          '1:9-1:16',
          'real-time journeys segments are of `contact` or `lead`, not `contcat`; did you mean `contact`?')]),
    'profile_unknown': (
        'PROFILE(new_member)',
        {},
        [('V050', '1:9-1:19', 'real-time journeys segments are of `contact` or `lead`, not `new_member`')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
