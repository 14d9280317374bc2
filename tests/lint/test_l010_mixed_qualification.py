from lint_helpers import findings


def test_unqualified_attribute_next_to_qualified_ones():
    text = "PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle' && jobtitle == 'CEO')"
    assert findings(text, "L010") == [
        ("L010", "1:76-1:84", "`jobtitle` is not qualified, but this chain qualifies other attributes "
                              "(`contact_1.address1_city`): write `contact_1.jobtitle`")]


def test_no_alias_suggested_where_the_chain_has_none_in_scope():
    assert findings("PROFILE(account, a).FILTER(a.x == 1).TRAVERSE(r).FILTER(y == 2)", "L010") == [
        ("L010", "1:57-1:58", "`y` is not qualified, but this chain qualifies other attributes (`a.x`)")]


def test_chains_without_aliases_pass():
    assert findings("PROFILE(contact).FILTER(c.x == 1 && y == 2)", "L010") == []
    assert findings("PROFILE(contact, c).FILTER(x == 1 && y == 2)", "L010") == []


def test_bare_words_in_a_reported_call_are_not_taken_for_attributes():
    from segquery.lint import lint
    from segquery.syntax.parser import parse_tolerant

    from lint_helpers import where

    text = "PROFILE(contact, c).FILTER(c.statecode == 0 && DATEDIF(DAY, birthdate, DATETIMEUTCNOW()) > 3 && x == 1)"
    result = parse_tolerant(text)
    assert [d.code for d in result.diagnostics] == ["S014"]
    assert [(d.code, where(d), d.message) for d in lint(result.query, result.source, enabled=lambda c: c == "L010")] \
        == [("L010", "1:97-1:98", "`x` is not qualified, but this chain qualifies other attributes (`c.statecode`): "
                                   "write `c.x`")]


def test_a_chain_is_read_up_to_a_step_the_parser_could_not_read():
    from segquery.lint import lint
    from segquery.syntax.parser import parse_tolerant

    from lint_helpers import where

    text = ("PROFILE(account, a).FILTER(a.name == 'x' && nme == 'y')"
            ".TRAVERS(contact_account_parentcustomerid, c).FILTER(c.x == 1 && y == 2)")
    result = parse_tolerant(text)
    assert [d.code for d in result.diagnostics] == ["S014"]
    assert [(d.code, where(d), d.message) for d in lint(result.query, result.source, enabled=lambda c: c == "L010")] \
        == [("L010", "1:45-1:48", "`nme` is not qualified, but this chain qualifies other attributes (`a.name`): "
                                  "write `a.nme`")]
    result = parse_tolerant("PROFIL(contact, c).FILTER(c.x == 1 && y == 2)")
    assert lint(result.query, result.source, enabled=lambda c: c == "L010") == []
