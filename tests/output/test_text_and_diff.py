from output_helpers import QUERY, reports
from segquery.engine import CheckOptions, check_text
from segquery.output.diff import render_diff
from segquery.output.text import fix_summary, render_text, summary_line


def test_text_report():
    found = reports()
    assert render_text(found).splitlines()[:4] == [
        "segments/q.segq:1:1: L001 [warning] `profile` is a keyword: write it in upper case, `PROFILE`",
        "   1 | profile(contact).FILTER(x == \"a\")",
        "       ^^^^^^^",
        "     = fix (safe): Write `PROFILE`",
    ]
    assert summary_line(found) == "Found 2 problems in 1 of 2 files."
    assert fix_summary(found, fixing=False, unsafe_fixes=False) == "[*] 2 fixable with --fix."


def test_fix_summaries():
    unsafe = [check_text("PROFILE(contact).FILTER(emailaddress1 == '')\n", options=CheckOptions(select=("L",)))]
    assert fix_summary(unsafe, fixing=False, unsafe_fixes=False) == "(1 more fix available with --unsafe-fixes.)"
    assert fix_summary(unsafe, fixing=False, unsafe_fixes=True) == "[*] 1 fixable with --fix --unsafe-fixes."
    fixed = reports(fix=True)
    assert fix_summary(fixed, fixing=True, unsafe_fixes=False) == "Fixed 2 problems."


def test_diff_of_fixes():
    fixed = reports(fix=True)
    assert fixed[0].original == QUERY
    assert render_diff(fixed) == (
        "--- a/segments/q.segq\n+++ b/segments/q.segq\n@@ -1 +1 @@\n"
        "-profile(contact).FILTER(x == \"a\")\n+PROFILE(contact).FILTER(x == 'a')\n")
    no_newline = check_text("profile(contact)", path="n.segq", options=CheckOptions(select=("L",), fix=True))
    assert render_diff([no_newline]) == ("--- a/n.segq\n+++ b/n.segq\n@@ -1 +1 @@\n-profile(contact)\n"
                                         "\\ No newline at end of file\n+PROFILE(contact)\n"
                                         "\\ No newline at end of file\n")
