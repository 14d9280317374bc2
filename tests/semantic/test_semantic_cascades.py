"""One mistake, one finding: what follows from a reported mistake is not reported again."""

import pytest

from segquery.engine import check_text
from segquery.semantic import validate
from segquery.syntax.parser import parse_tolerant

from semantic_helpers import findings, where


def validator_findings(text: str) -> list[tuple[str, str, str]]:
    """The validator's findings for a text the parser reported problems in (but still read)."""
    result = parse_tolerant(text)
    assert result.query is not None and not result.ok
    return [(d.code, where(d), d.message) for d in validate(result.query, result.source)]


def all_findings(text: str) -> list[tuple[str, str, str]]:
    """Every finding `segquery check` reports for the text, with the default rule selection."""
    return [(d.code, where(d), d.message) for d in check_text(text, path="query.segq").diagnostics]


def test_a_typo_in_a_function_name_is_one_finding():
    text = ("PROFILE(contact, contact_1)"
            ".FILTER(contact_1.statecode == 0 && DATEDIF(DAY, birthdate, DATETIMEUTCNOW()) > 3)")
    assert all_findings(text) == [
        ("S014", "1:64-1:71", "unknown function `DATEDIF`; did you mean `DATEDIFF`?")]


@pytest.mark.parametrize("text, parser_code", [
    ("PROFILE(contact).FILTER(DATEDIFF(DAYS, birthdate, DATETIMEUTCNOW()) > 3)", "S019"),  # unknown date part
    ("PROFILE(contact).FILTER(DATEDIFF(DAY, birthdate) > 3)", "S016"),                      # wrong argument count
    ("PROFILE(contact).FILTER(DATEADDD(MONTH, 1, birthdate) > DATETIMEUTCNOW())", "S014"),  # unknown function
    ("PROFILE(contact).FILTER(SEGMENT(seattle) == 1)", "S017"),                             # a source in a condition
])
def test_bare_words_in_a_reported_call_are_not_looked_up(text, parser_code):
    result = parse_tolerant(text)
    assert [d.code for d in result.diagnostics] == [parser_code]
    assert validator_findings(text) == []


def test_qualified_attributes_and_known_calls_inside_a_reported_call_are_still_checked():
    text = "PROFILE(contact, c).FILTER(FOO(c.birthdat, DATEADD(DAY, 1, c.birthdate), c.fullname == 3))"
    assert validator_findings(text) == [
        ("V022", "1:34-1:42", "`birthdat` is not an attribute of table `contact`; did you mean `birthdate`?"),
        ("V032", "1:74-1:89", "cannot compare `c.fullname` (a string attribute) with the number `3`"),
    ]


def test_a_reported_call_gets_no_type_finding():
    # The result of an unknown function has no known type: `> 3` is not a mismatch.
    assert validator_findings("PROFILE(contact).FILTER(DATEDIF(DAY, birthdate, DATETIMEUTCNOW()) > 'x')") == []


def test_an_unknown_table_in_a_set_operation_is_not_also_a_mix_of_profile_types():
    assert findings("PROFILE(contcat) UNION PROFILE(contact)") == [
        ("V020", "1:9-1:16", "unknown table `contcat`; did you mean `contact`?")]
    assert findings("PROFILE(contact) EXCEPT PROFILE(contcat)") == [
        ("V020", "1:33-1:40", "unknown table `contcat`; did you mean `contact`?")]


def test_an_unknown_table_is_one_finding():
    # Its attributes, relationships and profile type cannot be told: nothing else is reported.
    text = "PROFILE(contcat).FILTER(fulname == 'a').TRAVERSE(contact_account_parentcustomerid).FILTER(name == 'b')"
    assert findings(text) == [("V020", "1:9-1:16", "unknown table `contcat`; did you mean `contact`?")]


def test_an_unknown_relationship_is_one_finding():
    text = "PROFILE(account).TRAVERSE(contact_acount_parentcustomerid).FILTER(fulname == 'a')"
    assert findings(text) == [
        ("V023", "1:27-1:58", "unknown relationship `contact_acount_parentcustomerid`; did you mean "
                              "`contact_account_parentcustomerid`?")]


def test_an_unknown_interaction_is_one_finding():
    text = "INTERACTION(EmailOpen, EmailOpened_ContactLink).FILTER(emailDomian == 'a').HAVING(SUM(xx) > 1)"
    assert findings(text) == [
        ("V025", "1:13-1:22", "unknown interaction type `EmailOpen`; did you mean `EmailOpened`?")]


def test_an_unknown_alias_is_one_finding_per_use():
    # `d.birthdate > 3` would be a type mismatch if `d` meant the contact: it is not judged.
    text = "PROFILE(contact, c).FILTER(c.fullname == 'a' && d.birthdate > 3)"
    assert findings(text) == [("V015", "1:49-1:50", "unknown alias `d`; the aliases here are `c`")]


def test_an_unknown_step_is_one_finding():
    text = "PROFILE(contact).FILTR(fulname == 'a').FILTER(jobtitle == 3)"
    assert all_findings(text) == [("S014", "1:18-1:23", "unknown step `FILTR`; did you mean `FILTER`?")]


def test_a_duplicate_alias_is_one_finding():
    # The FILTER reads the records of the latest `a`; it is not also "the alias of other records".
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, a).FILTER(a.fullname == 'x')"
    assert findings(text) == [("V017", "1:64-1:65", "alias `a` is already declared by PROFILE at 1:18")]
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, a).FILTER(a.fulname == 'x')"
    assert [code for code, _, _ in findings(text)] == ["V017", "V022"]


def test_aliases_after_a_source_or_step_the_parser_could_not_read_are_not_judged():
    # `PROFIL(contact, c)` and `TRAVERS(..., a)` would have declared the aliases used after them.
    assert all_findings("PROFIL(contact, c).FILTER(c.fulname == 'a' && jobtitle == 3)") == [
        ("S014", "1:1-1:7", "unknown query source `PROFIL`; did you mean `PROFILE`?")]
    text = ("PROFILE(account, a).FILTER(a.name == 'x')"
            ".TRAVERS(contact_account_parentcustomerid, c).FILTER(c.fulname == 'y' && a.name == 'z')")
    assert all_findings(text) == [
        ("S014", "1:43-1:50", "unknown step `TRAVERS`; did you mean `TRAVERSE`?")]
    # Before the unreadable step, everything is still checked.
    text = "PROFILE(account, a).FILTER(b.name == 'x').TRAVERS(contact_account_parentcustomerid, c)"
    assert validator_findings(text) == [("V015", "1:28-1:29", "unknown alias `b`; the aliases here are `a`")]


@pytest.mark.parametrize("text, parser_finding", [
    # An aggregate the parser could not read is not also "not an aggregate comparison" (V043).
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT(emailDomain) > 0)",
     ("S016", "1:58-1:76", "COUNT takes no arguments, but 1 was given: COUNT()")),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(CONT() > 0)",
     ("S014", "1:58-1:62", "unknown function `CONT`; did you mean `COUNT`?")),
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(CONT())",
     ("S014", "1:58-1:62", "unknown function `CONT`; did you mean `COUNT`?")),
    # A window the parser could not read is not also "not a window" (V041).
    ("INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAY(7))",
     ("S014", "1:71-1:77", "unknown function `UTCDAY`; did you mean `UTCDAYS`?")),
    # A misspelled paging step is not also a missing one (V002).
    ("(SEGMENT(a)).ORDERBY(fullname ASC).SKP(0).TAKE(15).SELECT(contactid)",
     ("S014", "1:36-1:39", "unknown step `SKP`; did you mean `SKIP`?")),
    # A misspelled TRAVERSE does not make the DISTINCT after it useless (V012).
    ("PROFILE(account).TRAVRSE(contact_account_parentcustomerid).DISTINCT()",
     ("S014", "1:18-1:25", "unknown step `TRAVRSE`; did you mean `TRAVERSE`?")),
])
def test_a_misspelled_function_or_step_is_one_finding(text, parser_finding):
    assert all_findings(text) == [parser_finding]


def test_the_other_side_of_a_having_comparison_is_still_checked():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(SUM(emailDomain) > FOO())"
    assert validator_findings(text) == [
        ("V043", "1:62-1:73", "SUM needs a numeric attribute, not `emailDomain` (a string attribute)")]
