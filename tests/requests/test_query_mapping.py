"""Query findings are moved from the decoded query string to their place in the file."""

import json

from segquery.diagnostics import Fix, RelatedLocation, Severity, make_diagnostic
from segquery.requests import check_request_file, read_json, validate_segment
from segquery.requests.query_check import check_query
from segquery.source import SourceText

from request_helpers import apply_fix, at, found, found_messages

HEAD = '{"msdyncrm_segmentname": "a", "msdyncrm_segmenttype": 192350000, "statuscode": 192350000, '


def word_checker(word: str, replacement: str):
    """A stand-in checker that flags `word` in the decoded query and offers `replacement`."""

    def check(text, kind):
        source = SourceText(text)
        start = text.index(word)
        end = start + len(word)
        first = text.index("(")
        return [make_diagnostic(source, "S014", f"unknown `{word}`", start, end, severity=Severity.ERROR,
                                fix=Fix.replace("replace", start, end, replacement),
                                related=(RelatedLocation("first parenthesis", source.range(first, first + 1)),))]

    return check


def test_positions_and_fixes_follow_escapes_in_the_query_string():
    query = 'PROFILE(contact).FILTER(fullname == "Ann \\"A\\"" && x == \'\\u00e9\') BAD'
    text = HEAD + f'"msdyncrm_segmentquery": {json.dumps(query)}}}'
    (diagnostic,) = validate_segment(text, query_checker=word_checker("BAD", 'GOOD "quoted"'))
    assert found_messages([diagnostic]) == [("S014", at(text, "BAD"), "unknown `BAD`")]
    fixed = json.loads(apply_fix(text, diagnostic))
    assert fixed["msdyncrm_segmentquery"] == query.replace("BAD", 'GOOD "quoted"')
    related = diagnostic.related[0]
    assert text[related.range.start.offset:related.range.end.offset] == "("
    assert getattr(diagnostic, "field_name") == "msdyncrm_segmentquery"


def test_unicode_escapes_before_the_finding_shift_its_column():
    text = HEAD + '"msdyncrm_segmentquery": "PROFILE(\\u0063ontact) BAD"}'
    (diagnostic,) = validate_segment(text, query_checker=word_checker("BAD", "X"))
    assert text[diagnostic.start:diagnostic.end] == "BAD"
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (text.index("BAD") + 1, text.index("BAD") + 4)


def test_fix_text_is_escaped_for_a_single_quoted_query():
    text = HEAD + "\"msdyncrm_segmentquery\": 'PROFILE(contact) BAD'}"
    diagnostics = validate_segment(text, query_checker=word_checker("BAD", "it's \"x\""))
    (query_finding,) = [d for d in diagnostics if d.code == "S014"]
    repaired = apply_fix(text, query_finding)
    assert "'PROFILE(contact) it\\'s \"x\"'" in repaired
    assert read_json(repaired).value.get("msdyncrm_segmentquery").value.value == "PROFILE(contact) it's \"x\""


def test_real_parser_findings_land_in_the_file():
    assert [(d.code, d.message) for d in check_query("PROFILE(contact", None)] == [
        ("S007", "`(` is never closed: add `)`")]
    query = "PROFILE(contact).FILTER(DATEDIFF(day, birthdate, DateTimeNowUtc()) < \\\"30\\\")"
    text = "POST {{orgUrl}}/api/data/v9.0/msdyncrm_segments\n" + HEAD + "\n" + f' "msdyncrm_segmentquery": "{query}"}}\n'
    diagnostics = [d for d in check_request_file(text) if d.code.startswith("S")]
    assert found(diagnostics)[0] == ("S014", at(text, "DateTimeNowUtc"))
    assert apply_fix(text, diagnostics[0]).count("DATETIMEUTCNOW()") == 1


def test_comments_in_a_query_sent_to_the_service():
    query = "PROFILE(contact) // adults only"
    text = HEAD + f'"msdyncrm_segmentquery": "{query}"}}'
    (diagnostic,) = validate_segment(text)
    assert found_messages([diagnostic]) == [
        ("R036", at(text, "// adults only"), "a comment in a query sent to the service: the service's query language "
                                             "has no comments")]
    assert json.loads(apply_fix(text, diagnostic))["msdyncrm_segmentquery"] == "PROFILE(contact) "


def test_check_query_returns_offsets_relative_to_the_query():
    (diagnostic,) = check_query("PROFILE(contact", "dynamic")
    assert (diagnostic.code, diagnostic.start, diagnostic.end) == ("S007", 7, 8)
