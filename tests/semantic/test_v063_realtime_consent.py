"""V063-V065: consent pseudo-fields `compliance_profile_<32 hex>` and their token strings.

The realtime-consent rule's findings, pinned by code, range and message."""

import pytest

from realtime_helpers import assert_realtime_case


# Real-time journeys: name: (query, options, findings)
REALTIME_CASES = {
    'consent_clean': (
        ('PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789ABCDEF == '
         "'cp:01234567-89ab-cdef-0123-456789abcdef;p:11111111-2222-3333-4444-555555555555;ch:Email;ea:emailaddress1;t:{22222222-3333-4444-5555-666666666666};v:OptedIn' "
         '&& ISNOTNULL(compliance_profile_0123456789abcdef0123456789abcdef))'),
        {},
        []),
    'consent_field_name': (
        'PROFILE(contact).FILTER(ISNOTNULL(compliance_profile_0123))',
        {},
        [('V063',
          '1:35-1:58',
          "`compliance_profile_0123`: `compliance_profile_` is followed by the compliance profile's id, 32 "
          'hexadecimal digits without dashes')]),
    'consent_token_faults': (
        "PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == 'cp:x;P:1;cp:2;;v;ch:')",
        {},
        [('V064', '1:80-1:102', 'the consent token needs `p:<guid>` (the purpose)'),
         ('V064', '1:84-1:85', '`cp` (the compliance profile) is a GUID, not `x`'),
         ('V064', '1:86-1:87', 'unknown consent key `P`; did you mean `p`?'),
         ('V064', '1:90-1:92', 'the key `cp` is given twice'),
         ('V064', '1:94-1:95', 'an empty part: remove this `;`'),
         ('V064', '1:96-1:97', '`v` is not `key:value`'),
         ('V064', '1:98-1:101', '`ch` (the channel) has no value')]),
    'consent_token_trailing': (
        ('PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == '
         "';p:11111111-2222-3333-4444-555555555555;')"),
        {},
        [('V064', '1:80-1:122', 'the consent token needs `cp:<guid>` (the compliance profile)'),
         ('V064', '1:81-1:82', 'an empty part: remove this `;`'),
         ('V064', '1:120-1:121', 'an empty part: remove this `;`')]),
    'consent_token_escaped': (
        "PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == 'c\\'p:1')",
        {},
        [('V064', '1:80-1:88', 'the consent token needs `cp:<guid>` (the compliance profile)'),
         ('V064', '1:80-1:88', 'the consent token needs `p:<guid>` (the purpose)'),
         ('V064', '1:80-1:88', "unknown consent key `c'p`; did you mean `cp`?")]),
    'consent_usage': (
        ("PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef != 'x' || "
         'ISNULL(compliance_profile_0123456789abcdef0123456789abcdef) || '
         "compliance_profile_0123456789abcdef0123456789abcdef CONTAINS 'cp' || "
         "compliance_profile_0123456789abcdef0123456789abcdef IN ['a'] || "
         'compliance_profile_0123456789abcdef0123456789abcdef == 3)'),
        {},
        [('V065', '1:25-1:83', 'a consent pseudo-field is compared with `==` and its token string, not with `!=`'),
         ('V065',
          '1:87-1:146',
          "a consent pseudo-field is compared with `== 'token'` or tested with ISNOTNULL, not with ISNULL"),
         ('V065',
          '1:150-1:215',
          "a consent pseudo-field is compared with `== 'token'` or tested with ISNOTNULL, not with CONTAINS"),
         ('V065',
          '1:219-1:279',
          "a consent pseudo-field is compared with `== 'token'` or tested with ISNOTNULL, not with IN"),
         ('V065',
          '1:338-1:339',
          "a consent pseudo-field is compared with a token string ('cp:<guid>;p:<guid>;...'), not with `3`")]),
    'consent_after_relate': (
        ("PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'A' && "
         'ISNOTNULL(compliance_profile_0123456789abcdef0123456789abcdef))'),
        {},
        []),
}


@pytest.mark.parametrize("name", REALTIME_CASES)
def test_realtime_case(name):
    assert_realtime_case(REALTIME_CASES[name])
