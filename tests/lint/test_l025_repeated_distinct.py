from lint_helpers import findings, fixed


def test_distinct_repeated_after_filters():
    text = ("PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)"
            ".DISTINCT()")
    assert findings(text, "L025") == [
        ("L025", "1:95-1:105", "DISTINCT() has no effect here: it repeats an earlier DISTINCT(), and only FILTER "
                               "steps came since")]
    assert fixed(text, "L025") == \
        "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT().FILTER(statecode == 0)"


def test_cases_the_validator_reports_are_left_to_it():
    assert findings("PROFILE(contact).DISTINCT()", "L025") == []                     # V012
    assert findings("PROFILE(account).TRAVERSE(r).DISTINCT().DISTINCT()", "L025") == []  # V012


def test_distinct_after_a_traverse_passes():
    assert findings("PROFILE(account).TRAVERSE(r).DISTINCT().TRAVERSE(s).DISTINCT()", "L025") == []
