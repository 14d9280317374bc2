import json

from output_helpers import reports
from segquery.output.json_output import render_json


def test_shape_and_order():
    payload = json.loads(render_json(reports()))
    assert payload["version"] == 1
    assert payload["summary"] == {"files": 2, "findings": 2, "fixed": 0, "fixable": 2}
    assert [(f["path"], f["code"], f["name"], f["category"], f["severity"]) for f in payload["findings"]] == [
        ("segments/q.segq", "L001", "keyword-case", "style", "warning"),
        ("segments/q.segq", "L002", "double-quoted-string", "style", "warning"),
    ]
    first = payload["findings"][0]
    assert first["message"] == "`profile` is a keyword: write it in upper case, `PROFILE`"
    assert first["range"] == {"start": {"line": 1, "column": 1, "offset": 0},
                              "end": {"line": 1, "column": 8, "offset": 7}}
    assert first["fix"] == {"message": "Write `PROFILE`", "applicability": "safe", "edits": [
        {"start": 0, "end": 7, "new_text": "PROFILE",
         "range": {"start": {"line": 1, "column": 1, "offset": 0}, "end": {"line": 1, "column": 8, "offset": 7}}}]}
    assert first["related"] == []


def test_output_is_stable_with_sorted_keys():
    text = render_json(reports())
    assert text == render_json(list(reversed(reports())))
    assert text.splitlines()[1] == '  "findings": ['
