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
