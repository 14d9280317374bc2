"""V061: a real-time segment's query selects profiles of the segment's base table.

The realtime-target-profile-type rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'target_interaction': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead')",
        {},
        [('V061', '1:94-1:100', 'the segment is of `contact` profiles, but this selects `lead`')]),
    'target_profile': (
        'PROFILE(lead)',
        {},
        [('V061', '1:9-1:13', 'the segment is of `contact` profiles, but this selects `lead`')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
