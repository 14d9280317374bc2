"""V014: every operand of a set operation selects the same profile type (reference A.3).

The mixed-profile-types rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case
from semantic_helpers import diagnostics, findings


def test_mixed_profile_types():
    (diagnostic,) = diagnostics("PROFILE(contact) UNION PROFILE(account)")
    assert (diagnostic.code, diagnostic.range.start.column, diagnostic.range.end.column, diagnostic.message) == (
        "V014", 24, 40, "UNION combines `contact` and `account` records: every operand must select the same profile "
                        "type")
    (related,) = diagnostic.related
    assert (related.message, related.range.start.column, related.range.end.column) == (
        "this operand selects `contact`", 1, 17)


def test_mixed_profile_types_names_the_operator_before_the_operand():
    text = "PROFILE(contact) INTERSECT PROFILE(contact) EXCEPT PROFILE(lead)"
    assert [(code, message.split(" combines")[0]) for code, _, message in findings(text)] == [("V014", "EXCEPT")]


def test_set_operations_of_one_type_are_fine():
    assert findings("PROFILE(contact) UNION PROFILE(account).TRAVERSE(contact_account_parentcustomerid)") == []


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'mixed_operands': (
        ('PROFILE(contact) EXCEPT INTERACTION(msdynmkt_emailopened, '
         "msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead')"),
        {},
        [('V014',
          '1:25-1:125',
          'EXCEPT combines `contact` and `lead` records: every operand must select the same profile type')]),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
