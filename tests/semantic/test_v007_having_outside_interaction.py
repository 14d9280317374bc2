"""V007: HAVING aggregates interactions, so only an INTERACTION chain has it (reference A.2).

The having-outside-interaction rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case
from semantic_helpers import findings


def test_having_outside_interaction():
    having = "HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER"
    assert findings("PROFILE(contact).HAVING(COUNT() > 0)") == [("V007", "1:18-1:37", having)]
    assert findings("SEGMENT(a).HAVING(COUNT() > 0)") == [("V007", "1:12-1:31", having)]


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'having_outside_interaction': (
        'PROFILE(contact).HAVING(COUNT() > 0)',
        {},
        [('V007', '1:18-1:37', 'HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
