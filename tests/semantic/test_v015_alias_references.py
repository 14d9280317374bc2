"""V015, V016, V018 and the alias part of V021: the qualifier of `alias.attribute`.

The alias-references rule's findings, pinned by code, range and message."""

from segquery.semantic import NO_SCHEMA

from semantic_helpers import diagnostics, findings, fixed, only


def test_unknown_alias_with_a_suggestion():
    text = "PROFILE(contact, contact_1).FILTER(contact_2.fullname == 'Ann')"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == ("V015", "unknown alias `contact_2`; did you mean `contact_1`?")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (36, 45)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed(text, diagnostic) == "PROFILE(contact, contact_1).FILTER(contact_1.fullname == 'Ann')"


def test_unknown_alias_lists_the_aliases_or_says_there_are_none():
    assert findings("PROFILE(contact, c).FILTER(zz.fullname == 'Ann')") == [
        ("V015", "1:28-1:30", "unknown alias `zz`; the aliases here are `c`")]
    assert findings("PROFILE(contact).FILTER(c.fullname == 'Ann')") == [
        ("V015", "1:25-1:26", "unknown alias `c`; no alias is declared here")]


def test_alias_used_before_its_declaration():
    text = "PROFILE(account).FILTER(c.fullname == 'Ann').TRAVERSE(contact_account_parentcustomerid, c)"
    (diagnostic,) = diagnostics(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V016", "alias `c` is used before it is declared: TRAVERSE declares it at 1:89")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (25, 26)
    assert diagnostic.related[0].message == "declared here"
    assert diagnostic.related[0].range.start.column == 89


def test_alias_of_earlier_records():
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(a.name == 'Contoso')"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V018", "`a.name` uses alias `a`, but this FILTER reads the records of alias `c`")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (74, 75)
    assert fixed(text, diagnostic).endswith(".FILTER(c.name == 'Contoso')")
    assert diagnostic.fix.applicability.value == "unsafe"


def test_alias_of_earlier_records_when_the_current_ones_have_no_alias():
    text = "PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid).FILTER(a.name == 'Contoso')"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == (
        "V018", "`a.name` uses alias `a`, but this FILTER reads records that have no alias (`contact`)")
    assert fixed(text, diagnostic).endswith(".FILTER(name == 'Contoso')")
    assert only(text, schema=NO_SCHEMA).message == "`a.name` uses alias `a`, but this FILTER reads records that have no alias"


def test_alias_in_traverse_filter_and_paging():
    assert findings("PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c, FILTER(c.statecode == 0))") == []
    assert findings("PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c, FILTER(a.statecode == 0))") == [
        ("V018", "1:74-1:75", "`a.statecode` uses alias `a`, but this FILTER reads the records of alias `c`")]
    assert findings("PROFILE(contact, c).ORDERBY(c.fullname ASC).SKIP(0).TAKE(1).SELECT(c.contactid)") == []


def test_alias_of_an_interaction():
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink, i).FILTER(i.emailDomain == 'a.com').HAVING(COUNT() > 0)"
    assert findings(text) == []


def test_alias_in_another_case():
    text = "PROFILE(contact, c).FILTER(C.fullname == 'x')"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (
        "V021", "warning", "alias `C` is declared as `c`")
    assert fixed(text, diagnostic) == "PROFILE(contact, c).FILTER(c.fullname == 'x')"
    assert diagnostic.fix.applicability.value == "safe"
