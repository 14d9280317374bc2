from lint_helpers import findings


def test_first_paging_step_without_order():
    assert findings("(SEGMENT(newsletter)).SKIP(0).TAKE(15).SELECT(contactid)", "L028") == [
        ("L028", "1:23-1:30", "SKIP without ORDERBY pages through members in no defined order: add `.ORDERBY(...)` "
                              "before it")]
    assert findings("(SEGMENT(x)).TAKE(15)", "L028") == [
        ("L028", "1:14-1:22", "TAKE without ORDERBY pages through members in no defined order: add `.ORDERBY(...)` "
                              "before it")]


def test_ordered_paging_passes():
    assert findings("(SEGMENT(x)).ORDERBY(fullname ASC).SKIP(0).TAKE(15)", "L028") == []
