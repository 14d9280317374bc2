"""`// segquery: ...` directives: one syntax for every directive."""

from segquery import parse_tolerant
from segquery.directives import find_directives


def directives(text):
    result = parse_tolerant(text)
    return [(d.name, d.argument, d.line, d.own_line) for d in find_directives(result.query.comments, result.source)]


def test_line_and_block_comment_directives():
    text = "// segquery: name = Seattle contacts\nPROFILE(contact) /* segquery: ignore[L001, s014] */\n"
    assert directives(text) == [("name", "= Seattle contacts", 1, True), ("ignore", "[L001, s014]", 2, False)]
    found = find_directives(parse_tolerant(text).query.comments, parse_tolerant(text).source)
    assert found[0].value == "Seattle contacts"
    assert found[1].codes == ("L001", "S014")


def test_a_block_comment_directive_ends_at_its_line():
    text = "/* segquery: kind = static\n   the rest is prose, segquery: name = ignored */\nPROFILE(contact)"
    assert directives(text) == [("kind", "= static", 1, True)]


def test_comments_that_are_not_directives_are_ignored():
    assert directives("// a note about segquery\nPROFILE(contact)") == []


def test_the_profile_directive_is_the_segments_target_in_check():
    from segquery.engine import check_text

    lead_segment = "PROFILE(lead).FILTER(statecode == 0)\n"
    assert [d.code for d in check_text(lead_segment).diagnostics] == ["V013"]
    assert [d.code for d in check_text("// segquery: profile = lead\n" + lead_segment).diagnostics] == []
    realtime = "// segquery: dialect = realtime\n" + lead_segment
    assert [d.code for d in check_text(realtime).diagnostics] == ["V061"]
    assert [d.code for d in check_text("// segquery: profile = lead\n" + realtime).diagnostics] == []
