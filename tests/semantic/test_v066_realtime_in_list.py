"""V066 and the IN list part of V033: IN list values are literals of the attribute's type.

The realtime-in-list rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'in_list_clean': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.industrycode IN [16, 24] '
         "&& account_1.name IN ['A', 'B'])"),
        {},
        []),
    'in_list_values': (
        "PROFILE(contact).FILTER(numberofchildren IN [1, '2', firstname, true])",
        {},
        [('V066',
          '1:49-1:52',
          "`numberofchildren` (an integer attribute) is never the string `'2'`: list values of its type"),
         ('V066',
          '1:54-1:63',
          'an IN list holds values written directly (strings, numbers, true, false), not `firstname` (a string '
          'attribute)'),
         ('V066',
          '1:65-1:69',
          '`numberofchildren` (an integer attribute) is never the boolean `true`: list values of its type')]),
    'in_list_options': (
        "PROFILE(contact).FILTER(gendercode IN [1, 7, 'Female'])",
        {},
        [('V033', '1:43-1:44', '`7` is not an option of `gendercode`; its options are 1 (Male), 2 (Female)'),
         ('V033', '1:46-1:54', "`gendercode` holds option codes, not labels: 'Female' is `2`")]),
    'in_list_dates_guids': (
        ("PROFILE(contact).FILTER(birthdate IN ['2020-02-30', '2020-02-01'] && parentcustomerid IN ['12', "
         "'01234567-89ab-cdef-0123-456789abcdef'])"),
        {},
        [('V034', '1:39-1:51', "`'2020-02-30'` is not a valid date: February 2020 has 29 days"),
         ('V035',
          '1:91-1:95',
          "`'12'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids such as "
          "'00000000-0000-0000-0000-000000000000'")]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
