"""Names the bundled standard schema lacks: an org's own names are warnings (V046), typos of
standard names stay errors, and a configured schema keeps every unknown name an error."""

import pytest

from segquery.engine import CheckOptions, check_text
from segquery.schema import Schema, default_schema

from semantic_helpers import diagnostics, findings, fixed, where

CONFIGURE = ("to check your org's own names, configure its schema (`schema = \"...\"` in segquery.toml "
             "or [tool.segquery])")
# A schema the user configured: the bundled one with nothing added, but not the bundled one itself.
CONFIGURED = default_schema().merge(Schema())


def test_a_custom_attribute_is_a_warning_without_a_fix():
    (diagnostic,) = diagnostics("PROFILE(contact).FILTER(xyz_leadscore > 50)")
    assert (diagnostic.code, diagnostic.severity.label, where(diagnostic), diagnostic.message) == (
        "V046", "warning", "1:25-1:38",
        f"attribute `xyz_leadscore` of table `contact` is not in the bundled standard schema; {CONFIGURE}")
    assert diagnostic.fix is None


def test_a_custom_table_is_a_warning_and_its_attributes_are_not_checked():
    assert findings("PROFILE(incpt_project).FILTER(incpt_name == 'Apollo' && statecode == 'x')") == [
        ("V046", "1:9-1:22", f"table `incpt_project` is not in the bundled standard schema; {CONFIGURE}")]


def test_a_custom_relationship_is_a_warning():
    text = "PROFILE(account).TRAVERSE(contact_account_new_accountid).FILTER(new_rank == 1)"
    assert findings(text) == [
        ("V046", "1:27-1:56",
         f"relationship `contact_account_new_accountid` is not in the bundled standard schema; {CONFIGURE}")]


@pytest.mark.parametrize("text", [
    "PROFILE(opportunity)",                              # a standard table the bundled schema does not describe
    "PROFILE(contact).FILTER(leadscore > 1)",            # no prefix, and no standard name near it
])
def test_a_name_far_from_every_standard_name_is_a_warning_with_or_without_a_prefix(text):
    assert [(d.code, d.severity.label) for d in diagnostics(text)] == [("V046", "warning")]


def test_a_prefixed_name_close_to_a_standard_one_by_similarity_is_not_taken_for_a_typo():
    # `new_name` is the standard `name` with a publisher prefix: four edits away, so the org's own column.
    assert findings("PROFILE(account).FILTER(new_name == 'a').TRAVERSE(contact_account_parentcustomerid)") == [
        ("V046", "1:25-1:33", f"attribute `new_name` of table `account` is not in the bundled standard schema; "
                              f"{CONFIGURE}")]


@pytest.mark.parametrize("text, code, message, result", [
    ("PROFILE(contact).FILTER(adress1_city == 'Seattle')", "V022",           # one edit
     "`adress1_city` is not an attribute of table `contact`; did you mean `address1_city`?",
     "PROFILE(contact).FILTER(address1_city == 'Seattle')"),
    ("PROFILE(contact).FILTER(adres1_city == 'Seattle')", "V022",            # two edits in a long name
     "`adres1_city` is not an attribute of table `contact`; did you mean `address1_city`?",
     "PROFILE(contact).FILTER(address1_city == 'Seattle')"),
    ("PROFILE(contcat)", "V020", "unknown table `contcat`; did you mean `contact`?",   # adjacent letters swapped
     "PROFILE(contact)"),
    ("PROFILE(account).TRAVERSE(contact_acount_parentcustomerid)", "V023",
     "unknown relationship `contact_acount_parentcustomerid`; did you mean `contact_account_parentcustomerid`?",
     "PROFILE(account).TRAVERSE(contact_account_parentcustomerid)"),
])
def test_a_typo_of_a_standard_name_stays_an_error_with_its_fix(text, code, message, result):
    (diagnostic,) = diagnostics(text)
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (code, "error", message)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed(text, diagnostic) == result


def test_short_names_allow_one_edit_only():
    # `fullnme` is one edit from `fullname`; `fulnme` is two, which is too many for a name of 7 letters or less.
    assert [d.code for d in diagnostics("PROFILE(contact).FILTER(fullnme == 'a')")] == ["V022"]
    assert [d.code for d in diagnostics("PROFILE(contact).FILTER(fulnme == 'a')")] == ["V046"]


def test_a_typo_of_a_relationship_of_another_table_is_an_error():
    assert findings("PROFILE(lead).TRAVERSE(contact_acount_parentcustomerid)") == [
        ("V023", "1:24-1:55", "unknown relationship `contact_acount_parentcustomerid`; did you mean "
                              "`contact_account_parentcustomerid`?")]


def test_a_standard_attribute_of_another_table_is_an_error():
    # After the TRAVERSE the records are contacts; `numberofemployees` is an account column.
    text = "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).FILTER(numberofemployees > 5)"
    assert [(d.code, d.severity.label) for d in diagnostics(text)] == [("V022", "error")]


def test_interactions_are_a_fixed_set_and_stay_errors():
    assert findings("INTERACTION(xyz_WebinarJoined, xyz_WebinarJoined_ContactLink).HAVING(COUNT() > 0)") == [
        ("V025", "1:13-1:30", "unknown interaction type `xyz_WebinarJoined`")]
    assert findings("INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(xyz_tag == 'a').HAVING(COUNT() > 0)") \
        == [("V022", "1:58-1:65", "`xyz_tag` is not an attribute of interaction `EmailOpened`")]


def test_a_configured_schema_keeps_unknown_names_errors():
    text = ("PROFILE(xyz_project) UNION PROFILE(account).FILTER(new_name == 'a')"
            ".TRAVERSE(contact_account_new_accountid)")
    assert findings(text, schema=CONFIGURED) == [
        ("V020", "1:9-1:20", "unknown table `xyz_project`"),
        ("V022", "1:52-1:60", "`new_name` is not an attribute of table `account`; did you mean `name`?"),
        ("V023", "1:78-1:107", "unknown relationship `contact_account_new_accountid`; did you mean "
                               "`account_account_parentaccountid`?"),
    ]


@pytest.mark.parametrize("condition", [
    "new_score > 'high'",
    "new_flag CONTAINS 'a'",
    "DATEDIFF(DAY, new_renewal, DATETIMEUTCNOW()) > 3",
    "new_level == true && ISNULL(new_owner)",
    "new_segment == '2021-13-45'",
    "new_parent == '12345'",
])
def test_an_attribute_of_unknown_type_gets_no_type_finding(condition):
    codes = [d.code for d in diagnostics(f"PROFILE(contact).FILTER({condition})")]
    assert codes and set(codes) == {"V046"}


def test_segquery_check_warns_without_a_schema_and_errs_with_one(tmp_path):
    text = "PROFILE(contact).FILTER(xyz_leadscore > 50)"
    report = check_text(text, path=str(tmp_path / "q.segq"))
    assert [(d.code, d.severity.label) for d in report.diagnostics] == [("V046", "warning")]
    schema = tmp_path / "org.json"
    schema.write_text('{"version": 1, "tables": {"contact": {"attributes": {"xyz_rating": "integer"}}}}')
    report = check_text(text, path=str(tmp_path / "q.segq"), options=CheckOptions(schema=str(schema)))
    assert [(d.code, d.severity.label, d.message) for d in report.diagnostics] == [
        ("V022", "error", "`xyz_leadscore` is not an attribute of table `contact`")]
