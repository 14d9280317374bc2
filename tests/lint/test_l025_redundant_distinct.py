from lint_helpers import findings, fixed


def test_distinct_repeated_without_traverse():
    text = ("PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)"
            ".DISTINCT()")
    assert findings(text, "L025") == [
        ("L025", "1:95-1:105", "DISTINCT() has no effect here: it repeats an earlier DISTINCT() with no TRAVERSE in "
                               "between")]
    assert fixed(text, "L025") == \
        "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)"


def test_distinct_of_a_source():
    assert findings("PROFILE(contact).DISTINCT()", "L025") == [
        ("L025", "1:18-1:28", "DISTINCT() has no effect here: the records of a PROFILE or SEGMENT are already "
                              "distinct, and no TRAVERSE came since")]
    assert fixed("SEGMENT(x).DISTINCT()", "L025") == "SEGMENT(x)"


def test_distinct_after_traverse_passes():
    assert findings("PROFILE(account).TRAVERSE(r).DISTINCT()", "L025") == []
    assert findings("INTERACTION(EmailOpened, EmailOpened_ContactLink).DISTINCT()", "L025") == []
