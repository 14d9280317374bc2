"""Every real-time journeys rule, pinned by exact code, range and message (the outbound
rules that also run in this dialect included)."""

import pytest

from realtime_helpers import realtime_findings

# name: (query, options, findings)
CASES = {
    'profile_lead_clean': (
        "PROFILE(lead).FILTER(firstname == 'Ann')",
        {'target': 'lead'},
        []),
    'profile_case': (
        'PROFILE(Contact)',
        {},
        [('V050', '1:9-1:16', 'the profile table is written `contact`')]),
    'profile_other_table': (
        'PROFILE(account)',
        {},
        [('V050',
          '1:9-1:16',
          'real-time journeys segments are of `contact` or `lead`, not `account`: start from the profile and reach '
          '`account` with RELATE')]),
    'profile_typo': (
        'PROFILE(contcat)',
        {},
        [('V050',
          '1:9-1:16',
          'real-time journeys segments are of `contact` or `lead`, not `contcat`; did you mean `contact`?')]),
    'profile_unknown': (
        'PROFILE(new_member)',
        {},
        [('V050', '1:9-1:19', 'real-time journeys segments are of `contact` or `lead`, not `new_member`')]),
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
    'alias_unknown_after_relate': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(acount_1.name == 'A')",
        {},
        [('V053',
          '1:70-1:78',
          '`acount_1` is not an alias of the RELATE before this FILTER; its aliases: `account_1`')]),
    'alias_in_profile_filter': (
        "PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == 'A').FILTER(a.name == 'B')",
        {},
        [('V053', '1:84-1:85', '`a.`: this FILTER reads the profile, whose attributes are written without alias')]),
    'alias_in_interaction': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& i.msdynmkt_details == 'x')"),
        {},
        [('V053',
          '1:107-1:108',
          '`i.`: the attributes of interaction table `msdynmkt_emailopened` are written without alias')]),
    'alias_case': (
        "PROFILE(contact).RELATE(contact_customer_accounts, Account_1).FILTER(account_1.name == 'A')",
        {},
        [('V021', '1:70-1:79', 'alias `account_1` is declared as `Account_1`')]),
    'alias_duplicate': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.name == '
         "'A').RELATE(contact_customer_contacts, a).FILTER(a.firstname == 'B')"),
        {},
        [('V017', '1:111-1:112', 'alias `a` is already declared by RELATE at 1:52')]),
    'unqualified_one_owner': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(name == 'A')",
        {},
        [('V054', '1:70-1:74', '`name` is an attribute of the related `account`: write `account_1.name`')]),
    'unqualified_no_owner': (
        "PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(new_thing == 'A')",
        {},
        [('V054',
          '1:70-1:79',
          "`new_thing` has no alias: after RELATE, attributes name the related records' alias (`account_1`)")]),
    'unknown_related_attribute': (
        ("PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.nam == 'A' && "
         'account_1.new_tier == 1)'),
        {},
        [('V022', '1:80-1:83', '`nam` is not an attribute of table `account`; did you mean `name`?'),
         ('V046',
          '1:104-1:112',
          "attribute `new_tier` of table `account` is not in the bundled standard schema; to check your org's own "
          'names, configure its schema (`schema = "..."` in segquery.toml or [tool.segquery])')]),
    'interaction_clean': (
        ('INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact' && msdynmkt_linkname == 'Offer').HAVING(COUNT() > 2, UTCDAYS(7))"),
        {},
        []),
    'interaction_unknown_table_typo': (
        "INTERACTION(msdynmkt_emailopend, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V055',
          '1:13-1:32',
          '`msdynmkt_emailopend` is not a real-time interaction table; did you mean `msdynmkt_emailopened`?')]),
    'interaction_custom_table_bundled': (
        ("INTERACTION(new_webinarjoined, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' && "
         "new_webinarname == 'x')"),
        {},
        [('V046',
          '1:13-1:30',
          "interaction table `new_webinarjoined` is not in the bundled standard schema; to check your org's own "
          'names, configure its schema (`schema = "..."` in segquery.toml or [tool.segquery])')]),
    'interaction_outbound_type': (
        "INTERACTION(EmailOpened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V055',
          '1:13-1:24',
          '`EmailOpened` is an outbound marketing interaction; real-time journeys uses the `msdynmkt_*` '
          'interaction tables (such as `msdynmkt_emailopened`)')]),
    'interaction_table_case': (
        "INTERACTION(MSDYNMKT_EmailOpened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
        {},
        [('V021',
          '1:13-1:33',
          'interaction table `MSDYNMKT_EmailOpened` is named `msdynmkt_emailopened` in the schema')]),
    'interaction_profile_id_column': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityd).FILTER(msdynmkt_entityd_LogicalName == 'contact')",
        {},
        [('V056',
          '1:35-1:51',
          '`msdynmkt_entityd` is not a profile id column of `msdynmkt_emailopened`; did you mean '
          '`msdynmkt_entityid`?'),
         ('V022',
          '1:60-1:88',
          '`msdynmkt_entityd_LogicalName` is not a column of interaction table `msdynmkt_emailopened`; did you '
          'mean `msdynmkt_entityid_LogicalName`?')]),
    'interaction_profileid_clean': (
        "INTERACTION(msdynmkt_emailsent, msdynmkt_profileid).FILTER(msdynmkt_profileid_LogicalName == 'lead')",
        {'target': 'lead'},
        []),
    'interaction_unknown_column': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& msdynmkt_detail == 'x' && msdynmkt_reason == 'y')"),
        {},
        [('V022',
          '1:107-1:122',
          '`msdynmkt_detail` is not a column of interaction table `msdynmkt_emailopened`; did you mean '
          '`msdynmkt_details`?'),
         ('V046',
          '1:133-1:148',
          'column `msdynmkt_reason` of interaction table `msdynmkt_emailopened` is not in the bundled standard '
          'schema; to check your org\'s own names, configure its schema (`schema = "..."` in segquery.toml or '
          '[tool.segquery])')]),
    'profile_type_missing': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_details == 'x')",
        {},
        [('V057',
          '1:1-1:53',
          'the FILTER of INTERACTION does not state the profile type: add `msdynmkt_entityid_LogicalName == '
          "'contact'` with `&&`")]),
    'profile_type_no_filter': (
        'INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).HAVING(COUNT() >= 1)',
        {},
        [('V057',
          '1:1-1:53',
          'INTERACTION needs a FILTER that states the profile type: `.FILTER(msdynmkt_entityid_LogicalName == '
          "'contact')`")]),
    'profile_type_twice': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "&& msdynmkt_entityid_LogicalName == 'lead')"),
        {},
        [('V058', '1:107-1:146', 'the profile type is already stated at 1:61: state it once')]),
    'profile_type_value': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'account')",
        {},
        [('V059', '1:94-1:103', "real-time interactions belong to 'contact' or 'lead' profiles, not 'account'")]),
    'profile_type_value_case': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'Contact')",
        {},
        [('V059', '1:94-1:103', "the profile type is written in lower case: 'contact'")]),
    'profile_type_other_column': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_profileid_LogicalName == 'contact')",
        {},
        [('V060',
          '1:61-1:104',
          '`msdynmkt_profileid_LogicalName` is the discriminator of `msdynmkt_profileid`, but this INTERACTION '
          'links profiles by `msdynmkt_entityid`: write `msdynmkt_entityid_LogicalName`')]),
    'profile_type_in_or': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact' "
         "|| msdynmkt_details == 'x')"),
        {},
        [('V060',
          '1:61-1:103',
          'the profile type is stated as a condition of its own, joined to the rest of the FILTER with `&&`: '
          "inside `||` or NOT it does not fix the interaction's profile type")]),
    'profile_type_not_equal': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName != 'lead')",
        {},
        [('V060',
          '1:61-1:100',
          "the profile type is stated with `==` and a string: `msdynmkt_entityid_LogicalName == 'contact'`")]),
    'profile_type_nested_and': (
        ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER((msdynmkt_details == 'x' && "
         "msdynmkt_entityid_LogicalName == 'contact'))"),
        {},
        []),
    'target_interaction': (
        "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead')",
        {},
        [('V061', '1:94-1:100', 'the segment is of `contact` profiles, but this selects `lead`')]),
    'target_profile': (
        'PROFILE(lead)',
        {},
        [('V061', '1:9-1:13', 'the segment is of `contact` profiles, but this selects `lead`')]),
    'mixed_operands': (
        ('PROFILE(contact) EXCEPT INTERACTION(msdynmkt_emailopened, '
         "msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'lead')"),
        {},
        [('V014',
          '1:25-1:125',
          'EXCEPT combines `contact` and `lead` records: every operand must select the same profile type')]),
    'having_not_comparison': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(msdynmkt_details == 'x')"),
        {},
        [('V062',
          '1:112-1:135',
          "HAVING compares COUNT() with a whole number, as in `COUNT() >= 1`, not `msdynmkt_details == 'x'`")]),
    'having_no_number': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() > COUNT())"),
        {},
        [('V062',
          '1:112-1:129',
          'HAVING compares COUNT() with a whole number, as in `COUNT() >= 1`, not `COUNT() > COUNT()`')]),
    'having_negative': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() > -1)"),
        {},
        [('V062', '1:122-1:124', 'COUNT() is compared with a whole number of at least 0, not `-1`')]),
    'having_fraction_window': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(2.5 < COUNT(), UTCYEARS(0))"),
        {},
        [('V062', '1:112-1:115', 'COUNT() is compared with a whole number of at least 0, not `2.5`'),
         ('V041', '1:136-1:137', 'UTCYEARS takes a positive whole number of years, not `0`')]),
    'having_zero_clean': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').HAVING(COUNT() >= 0, UTCMONTHS(24))"),
        {},
        []),
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
    'in_list_clean': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.industrycode IN [16, 24] '
         "&& account_1.name IN ['A', 'B'])"),
        {},
        []),
    'in_list_values': (
        "PROFILE(contact).FILTER(numberofchildren IN [1, '2', firstname, true])",
        {},
        [('V066',
          '1:49-1:52',
          "`numberofchildren` (an integer attribute) is never the string `'2'`: list values of its type"),
         ('V066',
          '1:54-1:63',
          'an IN list holds values written directly (strings, numbers, true, false), not `firstname` (a string '
          'attribute)'),
         ('V066',
          '1:65-1:69',
          '`numberofchildren` (an integer attribute) is never the boolean `true`: list values of its type')]),
    'in_list_options': (
        "PROFILE(contact).FILTER(gendercode IN [1, 7, 'Female'])",
        {},
        [('V033', '1:43-1:44', '`7` is not an option of `gendercode`; its options are 1 (Male), 2 (Female)'),
         ('V033', '1:46-1:54', "`gendercode` holds option codes, not labels: 'Female' is `2`")]),
    'in_list_dates_guids': (
        ("PROFILE(contact).FILTER(birthdate IN ['2020-02-30', '2020-02-01'] && parentcustomerid IN ['12', "
         "'01234567-89ab-cdef-0123-456789abcdef'])"),
        {},
        [('V034', '1:39-1:51', "`'2020-02-30'` is not a valid date: February 2020 has 29 days"),
         ('V035',
          '1:91-1:95',
          "`'12'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids such as "
          "'00000000-0000-0000-0000-000000000000'")]),
    'not_attested': (
        ('PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18 && birthdate > DATE(2000, 1, 1) '
         "&& numberofchildren * 2 > 2 && -numberofchildren < -1 && DATEADD(DAY, 1, birthdate) > '2020-01-01')"),
        {},
        [('V067',
          '1:25-1:68',
          'DATEDIFF is not attested in real-time journeys: no public example or parser of the dialect has it; '
          'check that the service accepts it'),
         ('V067',
          '1:89-1:105',
          'DATE is not attested in real-time journeys: no public example or parser of the dialect has it; check '
          'that the service accepts it'),
         ('V067',
          '1:109-1:129',
          'arithmetic (`*`) is not attested in real-time journeys: no public example or parser of the dialect has '
          'it; check that the service accepts it'),
         ('V067',
          '1:137-1:154',
          'arithmetic (`-`) is not attested in real-time journeys: no public example or parser of the dialect has '
          'it; check that the service accepts it'),
         ('V067',
          '1:163-1:189',
          'DATEADD is not attested in real-time journeys: no public example or parser of the dialect has it; check '
          'that the service accepts it')]),
    'shape_relate_without_filter': (
        'PROFILE(contact).RELATE(contact_customer_accounts, a)',
        {},
        [('V068',
          '1:18-1:54',
          "RELATE is followed by `.FILTER(...)` on its alias's attributes: `.FILTER(ISNOTNULL(a.<attribute>))` "
          'keeps every profile with a related row')]),
    'shape_relate_relate': (
        ('PROFILE(contact).RELATE(contact_customer_accounts, a).RELATE(contact_customer_contacts, '
         "b).FILTER(b.firstname == 'A')"),
        {},
        [('V068',
          '1:18-1:54',
          "RELATE is followed by `.FILTER(...)` on its alias's attributes: `.FILTER(ISNOTNULL(a.<attribute>))` "
          'keeps every profile with a related row')]),
    'shape_interaction_steps': (
        ('INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == '
         "'contact').RELATE(contact_customer_accounts, a).FILTER(msdynmkt_details == 'x').HAVING(COUNT() > "
         '0).HAVING(COUNT() > 1)'),
        {},
        [('V068',
          '1:105-1:141',
          'RELATE cannot follow INTERACTION: an interaction is `INTERACTION(...).FILTER(...)` with an optional '
          '`.HAVING(...)`'),
         ('V068', '1:142-1:173', 'a second FILTER in an interaction: combine the conditions in one'),
         ('V068', '1:194-1:213', 'a second HAVING in an interaction: combine the conditions in one')]),
    'shape_segment_steps': (
        ("(SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef)).FILTER(firstname == 'A') UNION "
         "SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdee).FILTER(firstname == 'B')"),
        {},
        [('V068',
          '1:60-1:84',
          'FILTER cannot follow a parenthesized query: it stands alone or as an operand of UNION, INTERSECT or '
          'EXCEPT'),
         ('V068',
          '1:148-1:172',
          'FILTER cannot follow a segment reference: it stands alone or as an operand of UNION, INTERSECT or '
          'EXCEPT')]),
    'having_outside_interaction': (
        'PROFILE(contact).HAVING(COUNT() > 0)',
        {},
        [('V007', '1:18-1:37', 'HAVING aggregates interactions: it can only follow INTERACTION(...) or its FILTER')]),
    'types_reused': (
        ("PROFILE(contact).FILTER(numberofchildren == 'two' && birthdate < '31/12/1990' && parentcustomerid == "
         "'12' && fullname CONTAINS 3 && gendercode == 7 && ISNULL('x'))"),
        {},
        [('V032', '1:25-1:50', "cannot compare `numberofchildren` (an integer attribute) with the string `'two'`"),
         ('V034',
          '1:66-1:78',
          "`'31/12/1990'` is not an ISO date; write dates as 'YYYY-MM-DD', optionally with a time: "
          "'YYYY-MM-DDTHH:MM:SSZ'"),
         ('V035',
          '1:102-1:106',
          "`'12'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids such as "
          "'00000000-0000-0000-0000-000000000000'"),
         ('V030', '1:128-1:129', 'the pattern of CONTAINS must be a string, not the number `3`'),
         ('V033', '1:147-1:148', '`7` is not an option of `gendercode`; its options are 1 (Male), 2 (Female)'),
         ('V036', '1:159-1:162', "ISNULL takes an attribute, not the string `'x'`")]),
}


@pytest.mark.parametrize("name", CASES)
def test_rule(name):
    text, options, expected = CASES[name]
    assert realtime_findings(text, **options) == expected
