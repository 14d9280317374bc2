"""V067: date functions and arithmetic have no public evidence in real-time journeys.

The realtime-not-attested rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'not_attested': (
        ('PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18 && birthdate > DATE(2000, 1, 1) '
         "&& numberofchildren * 2 > 2 && -numberofchildren < -1 && DATEADD(DAY, 1, birthdate) > '2020-01-01')"),
        {},
        [('V067',
          '1:25-1:68',
          'DATEDIFF is not attested in real-time journeys: no public example or parser of the dialect has it; '
          'check that the service accepts it'),
         ('V067',
          '1:89-1:105',
          'DATE is not attested in real-time journeys: no public example or parser of the dialect has it; check '
          'that the service accepts it'),
         ('V067',
          '1:109-1:129',
          'arithmetic (`*`) is not attested in real-time journeys: no public example or parser of the dialect has '
          'it; check that the service accepts it'),
         ('V067',
          '1:137-1:154',
          'arithmetic (`-`) is not attested in real-time journeys: no public example or parser of the dialect has '
          'it; check that the service accepts it'),
         ('V067',
          '1:163-1:189',
          'DATEADD is not attested in real-time journeys: no public example or parser of the dialect has it; check '
          'that the service accepts it')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
