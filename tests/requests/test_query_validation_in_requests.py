"""Queries inside request bodies are validated in the kind the segment type implies,
and findings are reported at their place in the file."""

from segquery.requests import check_request_file

BODY = ('{\n  "msdyncrm_segmentname": "Seattle",\n  "msdyncrm_segmenttype": %d,\n  "statuscode": 192350000,\n'
        '  "msdyncrm_segmentquery": "%s"\n}\n')


def findings(text):
    return [(d.code, f"{d.range.start.line}:{d.range.start.column}-{d.range.end.line}:{d.range.end.column}",
             d.message) for d in check_request_file(text)]


def test_unknown_attribute_inside_an_escaped_json_string_is_positioned_in_the_file():
    text = BODY % (192350000, 'PROFILE(contact).FILTER(adress1_city == \\"Seattle\\")')
    assert findings(text) == [
        ("V022", "5:53-5:65", "`adress1_city` is not an attribute of table `contact`; did you mean `address1_city`?"),
    ]


def test_a_dynamic_segment_query_is_checked_as_dynamic():
    clean = BODY % (192350000, "PROFILE(contact).FILTER(address1_city == 'Seattle')")
    assert findings(clean) == []
    paged = BODY % (192350000, "PROFILE(contact).ORDERBY(fullname).TAKE(10)")
    assert findings(paged) == [
        ("V001", "5:46-5:63", "ORDERBY is allowed only in static segments and member fetches, not in a dynamic segment"),
        ("V001", "5:64-5:72", "TAKE is allowed only in static segments and member fetches, not in a dynamic segment"),
    ]
