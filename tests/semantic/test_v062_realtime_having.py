"""V062: a real-time HAVING counts interactions: `COUNT() comparison whole number`.

The realtime-having rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'having_not_comparison': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(msdynmkt_details == 'x')"),
        {},
        [('V062',
          '1:112-1:135',
          "HAVING compares COUNT() with a whole number, as in `COUNT() >= 1`, not `msdynmkt_details == 'x'`")]),
    'having_no_number': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() > COUNT())"),
        {},
        [('V062',
          '1:112-1:129',
          'HAVING compares COUNT() with a whole number, as in `COUNT() >= 1`, not `COUNT() > COUNT()`')]),
    'having_negative': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() > -1)"),
        {},
        [('V062', '1:122-1:124', 'COUNT() is compared with a whole number of at least 0, not `-1`')]),
    'having_fraction_window': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(2.5 < COUNT(), UTCYEARS(0))"),
        {},
        [('V062', '1:112-1:115', 'COUNT() is compared with a whole number of at least 0, not `2.5`'),
         ('V041', '1:136-1:137', 'UTCYEARS takes a positive whole number of years, not `0`')]),
    'having_zero_clean': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() >= 0, UTCMONTHS(24))"),
        {},
        []),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
