"""V055, V056 and the INTERACTION part of V021 and V046: real-time interaction tables and their profile
id columns.

The realtime-interactions rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'interaction_clean': (
        ('INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact' && msdynmkt_linkname == 'Offer').HAVING(COUNT() > 2, UTCDAYS(7))"),
        {},
        []),
    'interaction_unknown_table_typo': (
        "INTERACTION(msdynmkt_emailopend, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V055',
          '1:13-1:32',
          '`msdynmkt_emailopend` is not a real-time interaction table; did you mean `msdynmkt_emailopened`?')]),
    'interaction_custom_table_bundled': (
        ("INTERACTION(new_webinarjoined, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' && "
         "new_webinarname == 'x')"),
        {},
        [('V046',
          '1:13-1:30',
          "interaction table `new_webinarjoined` is not in the bundled standard schema; to check your org's own "
          'names, configure its schema (`schema = "..."` in segquery.toml or [tool.segquery])')]),
    'interaction_outbound_type': (
        "INTERACTION(EmailOpened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V055',
          '1:13-1:24',
          '`EmailOpened` is an outbound marketing interaction; real-time journeys uses the `msdynmkt_*` '
          'interaction tables (such as `msdynmkt_emailopened`)')]),
    'interaction_table_case': (
        "INTERACTION(MSDYNMKT_EmailOpened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V021',
          '1:13-1:33',
          'interaction table `MSDYNMKT_EmailOpened` is named `msdynmkt_emailopened` in the schema')]),
    'interaction_profile_id_column': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityd).FILTER(msdynmkt_entityd_LogicalName == 'contact')",
        {},
        [('V056',
          '1:35-1:51',
          '`msdynmkt_entityd` is not a profile id column of `msdynmkt_emailopened`; did you mean '
          '`msdynmkt_entityid`?'),
         ('V022',
          '1:60-1:88',
          '`msdynmkt_entityd_LogicalName` is not a column of interaction table `msdynmkt_emailopened`; did you '
          'mean `msdynmkt_entityid_LogicalName`?')]),
    'interaction_profileid_clean': (
        "INTERACTION(msdynmkt_emailsent, msdynmkt_profileid).FILTER(msdynmkt_profileid_LogicalName == 'lead')",
        {'target': 'lead'},
        []),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
