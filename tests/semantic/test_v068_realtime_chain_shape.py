"""V068: the step order of reference R.1 (PROFILE with FILTERs and RELATE(...).FILTER(...) pairs,
INTERACTION(...).FILTER(...)[.HAVING(...)], a segment reference alone).

The realtime-chain-shape rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'shape_relate_without_filter': (
        'PROFILE(contact).RELATE(contact_customer_accounts, a)',
        {},
        [('V068',
          '1:18-1:54',
          "RELATE is followed by `.FILTER(...)` on its alias's attributes: `.FILTER(ISNOTNULL(a.<attribute>))` "
          'keeps every profile with a related row')]),
    'shape_relate_relate': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, a).RELATE(contact_customer_contacts, '
         "b).FILTER(b.firstname == 'A')"),
        {},
        [('V068',
          '1:18-1:54',
          "RELATE is followed by `.FILTER(...)` on its alias's attributes: `.FILTER(ISNOTNULL(a.<attribute>))` "
          'keeps every profile with a related row')]),
    'shape_interaction_steps': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').RELATE(contact_customer_accounts, a).FILTER(msdynmkt_details == 'x').HAVING(COUNT() > "
         '0).HAVING(COUNT() > 1)'),
        {},
        [('V068',
          '1:105-1:141',
          'RELATE cannot follow INTERACTION: an interaction is `INTERACTION(...).FILTER(...)` with an optional '
          '`.HAVING(...)`'),
         ('V068', '1:142-1:173', 'a second FILTER in an interaction: combine the conditions in one'),
         ('V068', '1:194-1:213', 'a second HAVING in an interaction: combine the conditions in one')]),
    'shape_segment_steps': (
        ("(SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef)).FILTER(firstname == 'A') UNION "
         "SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdee).FILTER(firstname == 'B')"),
        {},
        [('V068',
          '1:60-1:84',
          'FILTER cannot follow a parenthesized query: it stands alone or as an operand of UNION, INTERSECT or '
          'EXCEPT'),
         ('V068',
          '1:148-1:172',
          'FILTER cannot follow a segment reference: it stands alone or as an operand of UNION, INTERSECT or '
          'EXCEPT')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
