"""Every request body of the segment API documentation (examples/requests/seed/),
with the exact findings it gets."""

import pytest

from segquery.diagnostics import Severity
from segquery.requests import check_request_file, to_validation_results

from request_helpers import SEED_EXAMPLES, found

E, W = Severity.ERROR, Severity.WARNING

SEED = {
    "static-create.http": [],
    "static-update.http": [("R019", "3:3-3:29", E), ("R023", "4:17-4:26", W)],
    "static-retrieve.http": [],
    "static-retrieve-select.http": [],
    "static-delete.http": [],
    "dynamic-create.http": [("R023", "6:19-6:28", W)],
    "dynamic-update.http": [("R023", "3:19-3:28", W)],
    "dynamic-retrieve.http": [],
    "dynamic-delete.http": [],
    "compound-create.http": [("R023", "6:19-6:28", W)],
    "compound-update.http": [("R023", "3:19-3:28", W)],
    "compound-retrieve.http": [],
    "compound-delete.http": [],
    "validate-definition.json": [("R023", "5:19-5:28", W)],
    "include-exclude-endpoints.http": [("R014", "2:1-2:64", E), ("R014", "3:1-3:65", E), ("R014", "4:1-4:62", E),
                                       ("R014", "5:1-5:63", E)],
    "add-one-member.http": [("R002", "3:2-3:20", E), ("R002", "4:2-4:26", E), ("R019", "4:2-4:26", W),
                            ("R027", "4:28-4:66", E)],
    "add-multiple-members.http": [("R002", "3:4-3:22", E), ("R002", "4:4-4:28", E), ("R019", "4:4-4:28", W)],
    "remove-one-member.http": [("R002", "3:5-3:23", E), ("R002", "4:5-4:29", E)],
    "remove-multiple-members.http": [("R011", "1:1-1:32", E), ("R002", "4:4-4:22", E), ("R002", "5:4-5:28", E),
                                     ("R019", "5:4-5:28", W)],
}


def test_every_seed_example_is_pinned():
    assert sorted(path.name for path in SEED_EXAMPLES.iterdir()) == sorted(SEED)


@pytest.mark.parametrize("name", sorted(SEED))
def test_seed_example(name):
    diagnostics = check_request_file(SEED_EXAMPLES / name)
    assert [(code, where, d.severity) for (code, where), d in zip(found(diagnostics), diagnostics)] == SEED[name]


def test_seed_unquoted_keys_say_exactly_what_is_not_json():
    diagnostics = check_request_file(SEED_EXAMPLES / "remove-one-member.http")
    assert [d.message for d in diagnostics] == [
        'key `msdyncrm_segmentid` is not quoted: JSON needs "msdyncrm_segmentid"',
        'key `msdyncrm_segmentmemberid` is not quoted: JSON needs "msdyncrm_segmentmemberid"',
    ]


def test_seed_static_update_names_the_member_column():
    (variant, jump) = check_request_file(SEED_EXAMPLES / "static-update.http")
    assert variant.message == ("`msdyncrm_segmentmemberid` is not a column of msdyncrm_segment: the column is "
                               "`msdyncrm_segmentmemberids`")
    assert jump.message == ("setting 192350001 (Live) directly skips going live: set 192350006 (Going live) and let "
                            "the service finish the change")


def test_seed_definition_sent_for_validation_is_valid():
    diagnostics = check_request_file(SEED_EXAMPLES / "validate-definition.json", path="msdyncrm_ValidateSegment")
    assert diagnostics == []
    assert to_validation_results(diagnostics) == []


def test_seed_include_exclude_with_known_draft_segment():
    known = {"59ac8bbf-57e7-e811-a9a9-000d3a35f403": ("dynamic", "draft")}
    diagnostics = check_request_file(SEED_EXAMPLES / "remove-one-member.http", known_segments=known)
    assert found(diagnostics) == [("R002", "3:5-3:23"), ("R032", "3:25-3:63"), ("R002", "4:5-4:29")]
    assert diagnostics[1].message == ("the segment is a dynamic segment in status 192350000 (Draft): exclude works on "
                                      "dynamic and compound segments only when they are live or stopped")
