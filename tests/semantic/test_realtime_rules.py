"""The outbound type rules that also run in real-time journeys, together in one query; each
rule's own real-time cases are in its test module (test_v0NN_<rule>.py, REALTIME_CASES)."""

import pytest

from realtime_helpers import assert_realtime_case

# name: (query, options, findings)
CASES = {
    'types_reused': (
        ("PROFILE(contact).FILTER(numberofchildren == 'two' && birthdate < '31/12/1990' && parentcustomerid == "
         "'12' && fullname CONTAINS 3 && gendercode == 7 && ISNULL('x'))"),
        {},
        [('V032', '1:25-1:50', "cannot compare `numberofchildren` (an integer attribute) with the string `'two'`"),
         ('V034',
          '1:66-1:78',
          "`'31/12/1990'` is not an ISO date; write dates as 'YYYY-MM-DD', optionally with a time: "
          "'YYYY-MM-DDTHH:MM:SSZ'"),
         ('V035',
          '1:102-1:106',
          "`'12'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids such as "
          "'00000000-0000-0000-0000-000000000000'"),
         ('V030', '1:128-1:129', 'the pattern of CONTAINS must be a string, not the number `3`'),
         ('V033', '1:147-1:148', '`7` is not an option of `gendercode`; its options are 1 (Male), 2 (Female)'),
         ('V036', '1:159-1:162', "ISNULL takes an attribute, not the string `'x'`")]),
}


@pytest.mark.parametrize("name", CASES)
def test_rule(name):
    assert_realtime_case(CASES[name])
