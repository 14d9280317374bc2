"""The recommended requests in examples/requests/good/ are clean; each file in
examples/requests/bad/ gets exactly its findings."""

import json

import pytest

from segquery.requests import check_request_file, read_json, to_python

from request_helpers import EXAMPLES, apply_all_fixes, found

GOOD = sorted(path.name for path in (EXAMPLES / "good").iterdir())

BAD = {
    "hand-written.json": [("R005", "2:3-2:29"), ("R002", "3:3-3:23"), ("R003", "3:25-3:44"), ("R002", "4:3-4:23"),
                          ("R002", "5:3-5:13"), ("R002", "6:3-6:24"), ("R003", "6:26-6:79"), ("R004", "6:79-6:80")],
    "labels-and-strings.json": [("R020", "3:27-3:36"), ("R021", "4:17-4:29"), ("R016", "5:49-5:53"),
                                ("R035", "6:21-6:35"), ("R019", "7:3-7:19")],
    "member-ids.http": [("R029", "3:36-3:72"), ("R028", "3:78-3:115"), ("R034", "3:121-3:160"),
                        ("R031", "9:31-9:117")],
    "query-errors.json": [("S014", "5:78-5:92"), ("R036", "5:102-5:118")],
    "truncated.json": [("R001", "5:1-5:1")],
    "wrong-endpoints.http": [("R013", "1:32-1:49"), ("R013", "4:30-4:47"), ("R012", "7:31-7:64"),
                             ("R026", "10:48-10:83"), ("R018", "10:93-10:106")],
}


def test_there_are_good_examples_of_each_kind():
    assert len(GOOD) == 8
    assert sorted(path.name for path in (EXAMPLES / "bad").iterdir()) == sorted(BAD)


@pytest.mark.parametrize("name", GOOD)
def test_good_example_is_clean(name):
    assert check_request_file(EXAMPLES / "good" / name) == []


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_example(name):
    assert found(check_request_file(EXAMPLES / "bad" / name)) == BAD[name]


def test_fixing_the_hand_written_body_gives_strict_json_with_the_same_value():
    text = (EXAMPLES / "bad" / "hand-written.json").read_text()
    repaired = apply_all_fixes(text, check_request_file(text))
    assert json.loads(repaired) == to_python(read_json(text).value)
    assert json.loads(repaired)["msdyncrm_segmentquery"] == "PROFILE(contact).FILTER(lastname == 'O\\'Brien')"
    assert check_request_file(repaired) == []


def test_fixing_the_labels_gives_option_values():
    text = (EXAMPLES / "bad" / "labels-and-strings.json").read_text()
    repaired = json.loads(apply_all_fixes(text, check_request_file(text)))
    assert repaired == {
        "msdyncrm_segmentname": "Adults", "msdyncrm_segmenttype": 192350000, "statuscode": 192350006,
        "msdyncrm_segmentrefreshrateintervalminutes": 60, "msdyncrm_scope": 270100000,
        "msdyncrm_segmentquery": "PROFILE(contact).FILTER(DATEDIFF(year, birthdate, DATETIMEUTCNOW()) >= 18)"}
