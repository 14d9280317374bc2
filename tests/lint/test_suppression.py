"""Comment directives: ignore, ignore-file, and the findings about directives."""

from __future__ import annotations

from lint_helpers import where
from segquery.engine import CheckOptions, check_text


def run(text: str, *select: str):
    options = CheckOptions(select=select or ("L0", "L100", "L102"))
    return [(d.code, where(d), d.message) for d in check_text(text, options=options).diagnostics]


def fix_unused_directives(text: str):
    """The report of checking `text` with the L0 rules and L101 (unused directive), fixes applied."""
    return check_text(text, options=CheckOptions(select=("L0",), extend_select=("L101",), fix=True))


def test_directive_on_its_own_line_covers_the_next_line_with_code():
    text = "// segquery: ignore[L001]\n\n// a note\nprofile(contact)\n"
    assert run(text) == []


def test_trailing_directive_covers_its_own_line_only():
    text = "profile(contact) // segquery: ignore[L001]\n    .filter(x == 1)\n"
    assert run(text) == [("L001", "2:6-2:12", "`filter` is a keyword: write it in upper case, `FILTER`")]


def test_rule_names_work_like_codes():
    assert run("profile(contact) // segquery: ignore[keyword-case]\n") == []


def test_file_wide_directive():
    text = "// segquery: ignore-file[L001]\nprofile(contact)\n    .filter(x == 1)\n"
    assert run(text) == []


def test_other_codes_on_the_line_are_still_reported():
    text = 'profile(contact).FILTER(x == "a") // segquery: ignore[L001]\n'
    assert [code for code, _, _ in run(text)] == ["L002"]


def test_unknown_code_is_reported_with_a_suggestion():
    text = "profile(contact) // segquery: ignore[L0001]\n"
    assert run(text) == [
        ("L001", "1:1-1:8", "`profile` is a keyword: write it in upper case, `PROFILE`"),
        ("L100", "1:38-1:43", "unknown rule code `L0001` in an ignore directive; did you mean `L001`?"),
    ]


def test_syntax_errors_cannot_be_suppressed():
    text = "PROFILE(contact).FILTER(x == 1)) // segquery: ignore[S006]\n"
    codes = run(text, "ALL")
    assert ("L100", "1:54-1:58", "S006 (unmatched-parenthesis) cannot be suppressed: a query that does not parse is "
                                 "always reported") in codes
    assert "S006" in [code for code, _, _ in codes]


def test_malformed_directives():
    text = "// segquery: ignroe[L001]\n// segquery: kind = statik\n// segquery: ignore\nPROFILE(contact)\n"
    assert run(text) == [
        ("L102", "1:14-1:20", "unknown directive `ignroe`; did you mean `ignore`?"),
        ("L102", "2:21-2:27", "unknown query kind `statik`; did you mean `static`?"),
        ("L102", "3:1-3:20", "`ignore` needs the codes to ignore: `// segquery: ignore[CODE, ...]`"),
    ]


def test_unused_suppression_is_opt_in_and_fixable():
    text = "// segquery: ignore[L002]\nPROFILE(contact)\n"
    assert run(text) == []
    assert run(text, "L0", "L101") == [("L101", "1:21-1:25", "`L002` suppresses nothing here")]
    report = fix_unused_directives(text)
    assert report.source.text == "PROFILE(contact)\n"


def test_unused_codes_are_removed_from_a_directive_that_is_partly_used():
    text = "profile(contact) // segquery: ignore[L001, L002]\n"
    report = fix_unused_directives(text)
    assert report.source.text == "profile(contact) // segquery: ignore[L001]\n"
    assert report.diagnostics == []


def test_suppressing_a_rule_that_is_not_enabled_is_unused():
    text = "PROFILE(contact) // segquery: ignore[L011]\n"
    assert run(text, "L011", "L101") == [("L101", "1:38-1:42", "`L011` suppresses nothing here")]
    assert run(text, "L001", "L101") == [("L101", "1:38-1:42", "`L011` suppresses nothing here (L011 is not enabled)")]


def test_block_comment_directives():
    assert run("/* segquery: ignore[L001] */\nprofile(contact)\n") == []
    assert run("profile(contact) /* segquery: ignore[L001] */\n") == []


def test_removing_an_unused_block_directive_keeps_the_code_after_it_on_its_line():
    text = "PROFILE(contact)\n/* segquery: ignore[L002] */ .FILTER(fullname == 'x')\n"
    report = fix_unused_directives(text)
    assert report.source.text == "PROFILE(contact)\n.FILTER(fullname == 'x')\n"
    assert report.fixed == {"L101": 1}
    assert report.fix_problem is None


def test_removing_an_unused_block_directive_between_code_keeps_both_sides_apart():
    text = "PROFILE(contact) /* segquery: ignore[L002] */.FILTER(fullname == 'x')\n"
    report = fix_unused_directives(text)
    assert report.source.text == "PROFILE(contact).FILTER(fullname == 'x')\n"


def test_removing_an_unused_block_directive_between_words_leaves_a_space():
    text = "SEGMENT(a) UNION /* segquery: ignore[L002] */SEGMENT(b)\n"
    report = fix_unused_directives(text)
    assert report.source.text == "SEGMENT(a) UNION SEGMENT(b)\n"
    assert report.fix_problem is None
