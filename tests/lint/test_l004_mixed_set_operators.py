from lint_helpers import findings, fixed

MESSAGE = ("UNION and EXCEPT are mixed without parentheses; set operators apply left to right, so this is "
           "`(A UNION B) EXCEPT C`: add the parentheses")


def test_parentheses_keep_the_left_to_right_reading():
    text = "SEGMENT(a) UNION SEGMENT(b) EXCEPT SEGMENT(c)"
    assert findings(text, "L004") == [("L004", "1:29-1:35", MESSAGE)]
    assert fixed(text, "L004") == "(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)"


def test_every_change_of_operator_gets_a_group():
    text = "SEGMENT(a) UNION SEGMENT(b) EXCEPT SEGMENT(c) INTERSECT SEGMENT(d)"
    assert fixed(text, "L004") == "((SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)) INTERSECT SEGMENT(d)"


def test_grouped_or_uniform_chains_pass():
    assert findings("(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)", "L004") == []
    assert findings("SEGMENT(a) UNION SEGMENT(b) UNION SEGMENT(c)", "L004") == []
