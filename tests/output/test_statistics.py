import json

from output_helpers import reports
from segquery.engine import CheckOptions, check_text
from segquery.output.statistics import count_codes, render_statistics, render_statistics_json


def test_counts_per_code_most_frequent_first():
    extra = check_text('PROFILE(contact).FILTER(x == "a" || y == "b")\n', options=CheckOptions(select=("L",)))
    rows = count_codes(reports() + [extra])
    assert render_statistics(rows).splitlines() == [
        "3  L002  double-quoted-string [*]",
        "1  L001  keyword-case         [*]",
    ]
    assert json.loads(render_statistics_json(rows)) == [
        {"code": "L002", "name": "double-quoted-string", "count": 3, "fixable": 3},
        {"code": "L001", "name": "keyword-case", "count": 1, "fixable": 1},
    ]


def test_no_findings_no_lines():
    assert render_statistics([]) == ""
