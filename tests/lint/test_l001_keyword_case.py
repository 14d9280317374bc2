from lint_helpers import applicabilities, findings, fixed


def test_reports_each_keyword_not_in_upper_case():
    text = "profile(contact).Filter(DATEDIFF(day, birthdate, DateTimeUtcNow()) < 30 && x == True)"
    assert findings(text, "L001") == [
        ("L001", "1:1-1:8", "`profile` is a keyword: write it in upper case, `PROFILE`"),
        ("L001", "1:18-1:24", "`Filter` is a keyword: write it in upper case, `FILTER`"),
        ("L001", "1:34-1:37", "`day` is a keyword: write it in upper case, `DAY`"),
        ("L001", "1:50-1:64", "`DateTimeUtcNow` is a keyword: write it in upper case, `DATETIMEUTCNOW`"),
        ("L001", "1:81-1:85", "`True` is a keyword: write it in upper case, `TRUE`"),
    ]
    assert applicabilities(text, "L001") == ["safe"] * 5
    assert fixed(text, "L001") == "PROFILE(contact).FILTER(DATEDIFF(DAY, birthdate, DATETIMEUTCNOW()) < 30 && x == TRUE)"


def test_operators_and_directions():
    assert fixed("PROFILE(contact).ORDERBY(fullname asc)", "L001") == "PROFILE(contact).ORDERBY(fullname ASC)"
    assert fixed("SEGMENT(a) union SEGMENT(b)", "L001") == "SEGMENT(a) UNION SEGMENT(b)"
    assert findings("PROFILE(contact).FILTER(x contains 'a')", "L001") == [
        ("L001", "1:27-1:35", "`contains` is a keyword: write it in upper case, `CONTAINS`")]


def test_names_that_look_like_keywords_are_left_alone():
    assert findings("PROFILE(contact).FILTER(date == 1 && count == 2 && name == day)", "L001") == []


def test_minus_and_logic_words_belong_to_other_rules():
    assert findings("SEGMENT(a) minus SEGMENT(b)", "L001") == []
    assert findings("PROFILE(contact).FILTER(a == 1 and b == 2)", "L001") == []
