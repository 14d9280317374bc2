from lint_helpers import findings


def test_same_relationship_twice_in_a_row():
    text = ("PROFILE(account)\n    .TRAVERSE(contact_account_parentcustomerid)\n"
            "    .TRAVERSE(contact_account_parentcustomerid)")
    assert findings(text, "L027") == [
        ("L027", "3:6-3:48", "TRAVERSE(contact_account_parentcustomerid) right after "
                             "TRAVERSE(contact_account_parentcustomerid) goes back to the starting records: the result "
                             "is the starting records that have a related record")]


def test_a_step_in_between_passes():
    assert findings("PROFILE(account).TRAVERSE(r).FILTER(x == 1).TRAVERSE(r)", "L027") == []
