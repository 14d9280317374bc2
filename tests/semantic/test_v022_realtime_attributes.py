"""V022, V021 and V046 for real-time queries: attributes exist in the profile table, the related table
their alias names, or the interaction table being filtered.

The realtime-attributes rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'unknown_related_attribute': (
        ("PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.nam == 'A' && "
         'account_1.new_tier == 1)'),
        {},
        [('V022', '1:80-1:83', '`nam` is not an attribute of table `account`; did you mean `name`?'),
         ('V046',
          '1:104-1:112',
          "attribute `new_tier` of table `account` is not in the bundled standard schema; to check your org's own "
          'names, configure its schema (`schema = "..."` in segquery.toml or [tool.segquery])')]),
    'interaction_unknown_column': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& msdynmkt_detail == 'x' && msdynmkt_reason == 'y')"),
        {},
        [('V022',
          '1:107-1:122',
          '`msdynmkt_detail` is not a column of interaction table `msdynmkt_emailopened`; did you mean '
          '`msdynmkt_details`?'),
         ('V046',
          '1:133-1:148',
          'column `msdynmkt_reason` of interaction table `msdynmkt_emailopened` is not in the bundled standard '
          'schema; to check your org\'s own names, configure its schema (`schema = "..."` in segquery.toml or '
          '[tool.segquery])')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
