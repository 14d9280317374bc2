from lint_helpers import applicabilities, findings, fixed


def test_repeated_operand_in_a_union():
    text = "SEGMENT(newsletter) UNION SEGMENT(webinar) UNION SEGMENT(newsletter)"
    assert findings(text, "L023") == [
        ("L023", "1:50-1:69", "`SEGMENT(newsletter)` appears twice in one run of UNION; the repetition has no effect")]
    assert applicabilities(text, "L023") == ["safe"]
    assert fixed(text, "L023") == "SEGMENT(newsletter) UNION SEGMENT(webinar)"


def test_runs_follow_the_left_to_right_reading():
    assert fixed("SEGMENT(a) UNION SEGMENT(a) INTERSECT SEGMENT(b)", "L023") == "SEGMENT(a) INTERSECT SEGMENT(b)"
    assert findings("SEGMENT(a) INTERSECT SEGMENT(b) UNION SEGMENT(b)", "L023") == []


def test_except_of_the_first_operand_is_always_empty():
    assert findings("SEGMENT(a) EXCEPT SEGMENT(a)", "L023") == [
        ("L023", "1:19-1:29", "EXCEPT removes `SEGMENT(a)` from records that all belong to it: the result is empty")]
    assert [where for _, where, _ in findings("SEGMENT(a) INTERSECT SEGMENT(b) EXCEPT SEGMENT(a)", "L023")] == \
        ["1:40-1:50"]
    assert applicabilities("SEGMENT(a) EXCEPT SEGMENT(a)", "L023") == [None]


def test_except_after_a_union_is_not_empty():
    assert findings("SEGMENT(a) UNION SEGMENT(b) EXCEPT SEGMENT(a)", "L023") == []
