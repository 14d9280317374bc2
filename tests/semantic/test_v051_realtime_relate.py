"""V051, V052 and the RELATE part of V021 and V046: RELATE names relationship schema names that touch
the table the path is at.

The realtime-relate rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'relate_clean_nested': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, account_1, RELATE(account_primary_contact, '
         "contact_2)).FILTER(account_1.name == 'Contoso' && contact_2.firstname == 'Ann')"),
        {},
        []),
    'relate_optional_clean': (
        'PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, account_1).FILTER(ISNULL(account_1.name))',
        {},
        []),
    'relate_traverse_name': (
        "PROFILE(contact).RELATE(contact_account_parentcustomerid, account_1).FILTER(account_1.name == 'A')",
        {},
        [('V051',
          '1:25-1:57',
          "`contact_account_parentcustomerid` is an outbound TRAVERSE name; RELATE takes the relationship's "
          'Dataverse schema name `contact_customer_accounts`')]),
    'relate_typo': (
        "PROFILE(contact).RELATE(contact_customer_acounts, account_1).FILTER(account_1.name == 'A')",
        {},
        [('V051',
          '1:25-1:49',
          '`contact_customer_acounts` is not the schema name of a relationship of `contact`; did you mean '
          '`contact_customer_accounts`?')]),
    'relate_custom_bundled': (
        "PROFILE(contact).RELATE(new_contact_project, p).FILTER(p.new_name == 'A')",
        {},
        [('V046',
          '1:25-1:44',
          "relationship `new_contact_project` is not in the bundled standard schema; to check your org's own "
          'names, configure its schema (`schema = "..."` in segquery.toml or [tool.segquery])')]),
    'relate_case': (
        "PROFILE(contact).RELATE(Contact_Customer_Accounts, account_1).FILTER(account_1.name == 'A')",
        {},
        [('V021',
          '1:25-1:50',
          'relationship `Contact_Customer_Accounts` is named `contact_customer_accounts` in the schema')]),
    'relate_not_from_table': (
        "PROFILE(lead).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
        {},
        [('V061', '1:9-1:13', 'the segment is of `contact` profiles, but this selects `lead`'),
         ('V052',
          '1:22-1:47',
          '`contact_customer_accounts` relates `contact` and `account`; it cannot be followed from `lead`')]),
    'relate_nested_not_from_table': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, a, RELATE(lead_parent_contact, l)).FILTER(a.name == '
         "'A' && l.subject == 'x')"),
        {},
        [('V052',
          '1:62-1:81',
          '`lead_parent_contact` relates `lead` and `contact`; it cannot be followed from `account`')]),
    'relate_reverse_direction': (
        "PROFILE(contact).RELATE(account_primary_contact, a).FILTER(a.name == 'A')",
        {},
        []),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
