"""Codes of the diagnostics the semantic validator reports (V001-V099).

V001-V019 are about the shape of a query and its aliases, V020-V029 check
names against the schema, V030-V039 are type checks, V040-V049 check the
arguments of functions and steps and the usage limitations of HAVING and
interaction filters (the product's documented usage limitations); V046 reports names that the
bundled standard schema does not have, when no schema is configured.
"""

import functools

from segquery.diagnostics import Severity
from segquery.rules.registry import Category, FixAvailability, define


_code = functools.partial(define, category=Category.VALIDATION)


_SCHEMA = Category.SCHEMA

# ---------------------------------------------------------------- shape (A.2, C.10)

PAGING_NOT_ALLOWED = _code(
    "V001", "paging-not-allowed", "Paging steps in a dynamic or compound segment.",
    what="Reports ORDERBY, SKIP, TAKE and SELECT in a query checked as a dynamic or compound segment.",
    why="Paging belongs to static segments and member fetches (reference A.1 and A.2); a dynamic or "
        "compound segment's query defines its members, and the service rejects paging there.",
    example="// segquery: kind = dynamic\nPROFILE(contact).ORDERBY(fullname ASC).SKIP(0).TAKE(10).SELECT(contactid)",
    use_instead="PROFILE(contact)")
PAGING_ORDER = _code(
    "V002", "paging-order", "Paging steps out of order, repeated, incomplete, or not at the end of the query.",
    what="In static segments and member fetches, paging is the four steps ORDERBY, SKIP, TAKE, SELECT, "
         "each once, in this order, ending the whole query. Reports a paging step that is out of order, "
         "given twice, followed by another step, or used inside a set operation or group, and paging that "
         "lacks one of the four steps.",
    why="The grammar of part A.2 has exactly the form `.ORDERBY(...).SKIP(n).TAKE(n).SELECT(...)`, and "
        "the member grid sends it that way; any other order is rejected.",
    example="(SEGMENT(a)).ORDERBY(fullname ASC).TAKE(15).SKIP(0).SELECT(contactid)",
    use_instead="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)")
STATIC_SHAPE = _code(
    "V003", "static-shape", "A static segment's query is not `PROFILE(t)[.FILTER(c)]` plus paging.",
    what="For queries checked as static segments, reports anything but one PROFILE source, at most one "
         "FILTER and the paging steps: TRAVERSE, HAVING, DISTINCT, a second FILTER, SEGMENT, INTERACTION, "
         "set operations and groups.",
    why="Part A.2 defines a static query as `profile`, `profile.filter`, or either followed by paging.",
    example="// segquery: kind = static\nPROFILE(account).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="// segquery: kind = static\nPROFILE(contact).FILTER(statecode == 0)")
INTERACTION_NEEDS_HAVING = _code(
    "V004", "interaction-needs-having", "An INTERACTION query without HAVING.",
    what="Reports an INTERACTION(...) chain that has no HAVING step.",
    why="Part A.2: an interaction query is `interaction.having` or `interaction.filter.having`; without "
        "HAVING the service cannot tell which profiles qualify.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")
INTERACTION_SHAPE = _code(
    "V005", "interaction-shape", "An INTERACTION query with steps beyond one FILTER and one HAVING.",
    what="Reports a second FILTER, a second HAVING, DISTINCT, and steps other than paging after HAVING "
         "in an INTERACTION chain. (FILTER after HAVING is reported by the parser, S015.)",
    why="Part A.2: an interaction query is INTERACTION[.FILTER].HAVING and nothing else.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'a.com')"
            ".FILTER(emailDomain != 'b.com').HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink)"
                ".FILTER(emailDomain == 'a.com' && emailDomain != 'b.com').HAVING(COUNT() > 0)")
TRAVERSE_AFTER_INTERACTION = _code(
    "V006", "traverse-after-interaction", "TRAVERSE in an INTERACTION query.",
    what="Reports TRAVERSE anywhere in a chain that starts with INTERACTION(...).",
    why="Part A.3: INTERACTION may not be followed by TRAVERSE. Save the interaction query as a segment "
        "and combine it with the profile query instead.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)"
            ".TRAVERSE(contact_account_parentcustomerid)",
    use_instead="SEGMENT(email_openers) INTERSECT SEGMENT(account_contacts)")
HAVING_OUTSIDE_INTERACTION = _code(
    "V007", "having-outside-interaction", "HAVING in a query that does not start with INTERACTION.",
    what="Reports HAVING after PROFILE, SEGMENT or a parenthesized query.",
    why="HAVING aggregates interactions; part A.2 allows it only in `interaction.having` and "
        "`interaction.filter.having`.",
    example="PROFILE(contact).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)")
SEGMENT_STEPS = _code(
    "V008", "segment-steps", "Steps other than paging after SEGMENT(x) or a parenthesized query.",
    what="Reports FILTER, TRAVERSE, HAVING and DISTINCT after `SEGMENT(name)` and after `(query)`.",
    why="In part A.2 a segment reference stands alone or as an operand of a set operation; only the "
        "paging of a member fetch may follow a parenthesized query.",
    example="SEGMENT(contacts_in_seattle).FILTER(jobtitle == 'CEO')",
    use_instead="SEGMENT(contacts_in_seattle) INTERSECT SEGMENT(ceos)")
COMPOUND_WITHOUT_SEGMENT = _code(
    "V009", "compound-without-segment", "A compound segment that references no segment.",
    what="For queries checked as compound segments, reports a query with no `SEGMENT(name)`.",
    why="A compound segment is made of other segments; a query of profiles only is a dynamic segment.",
    example="// segquery: kind = compound\nPROFILE(contact)",
    use_instead="// segquery: kind = compound\nSEGMENT(contacts_in_seattle) UNION SEGMENT(account_contacts)")
SEGMENT_IN_DYNAMIC = _code(
    "V010", "segment-in-dynamic", "A dynamic segment that references other segments.",
    what="For queries checked as dynamic segments, reports each `SEGMENT(name)`.",
    why="Referencing segments is what makes a segment compound (reference A.1); the service expects "
        "the compound segment type for such a query.",
    example="// segquery: kind = dynamic\nSEGMENT(a) UNION SEGMENT(b)",
    use_instead="// segquery: kind = compound\nSEGMENT(a) UNION SEGMENT(b)")
INTERACTION_IN_SET_OPERATION = _code(
    "V011", "interaction-in-set-operation", "An INTERACTION query used directly as an operand of a set operator.",
    what="Reports an INTERACTION(...) chain that is an operand of UNION, INTERSECT or EXCEPT.",
    why="Part A.2: the operands of a set operation are segment references, profile queries or other set "
        "operations. Save the interaction query as a segment and reference it.",
    example="PROFILE(contact) EXCEPT INTERACTION(EmailHardBounced, EmailHardBounced_ContactLink).HAVING(COUNT() > 0)",
    use_instead="PROFILE(contact) EXCEPT SEGMENT(hard_bounced)")
DISTINCT_PLACEMENT = _code(
    "V012", "distinct-placement", "DISTINCT() where it has no effect.",
    what="Reports DISTINCT() in a profile chain before any TRAVERSE, and DISTINCT() right after another "
         "DISTINCT(). (DISTINCT in interaction, segment and static queries is reported by V005, V008 "
         "and V003.)",
    why="The records of PROFILE(t) are already distinct; only a TRAVERSE can produce the same record "
        "twice, so DISTINCT() belongs after one.",
    example="PROFILE(contact).DISTINCT().FILTER(statecode == 0)",
    use_instead="PROFILE(contact).FILTER(statecode == 0)",
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="Removing a DISTINCT() that cannot remove anything keeps the members the same.")
TARGET_PROFILE_TYPE = _code(
    "V013", "target-profile-type", "A segment's query does not end on the target profile type.",
    what="For segments (dynamic, static, compound), reports a query whose records are not of the target "
         "profile type (`contact` unless configured otherwise). The range is the part of the query that "
         "decides the final table: the PROFILE, the last TRAVERSE, or the link type of an interaction.",
    why="Part A.3: a dynamic segment of the Marketing app must end on the contact profile type; the "
        "segment's members are contacts.",
    example="PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid)")
MIXED_PROFILE_TYPES = _code(
    "V014", "mixed-profile-types", "A set operation combines queries of different profile types.",
    what="Reports each operand of UNION, INTERSECT or EXCEPT whose profile type differs from the first "
         "operand of known type; the first operand is shown as a related location.",
    why="Part A.3: every operand of a set operation must select the same profile type; a contact cannot "
        "be subtracted from a set of accounts.",
    example="PROFILE(contact) UNION PROFILE(account)",
    use_instead="PROFILE(contact) UNION PROFILE(account).TRAVERSE(contact_account_parentcustomerid)")

# ---------------------------------------------------------------- aliases

UNKNOWN_ALIAS = _code(
    "V015", "unknown-alias", "A qualified attribute uses an alias that no source or step declares.",
    what="Reports `x.attribute` when no PROFILE, TRAVERSE or INTERACTION of the chain declares `x`, with "
         "the closest declared alias.",
    why="The service cannot tell which records the attribute belongs to.",
    example="PROFILE(contact, contact_1).FILTER(contact_2.fullname == 'Ann')",
    use_instead="PROFILE(contact, contact_1).FILTER(contact_1.fullname == 'Ann')",
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest alias is unsafe: the author may have meant another one.")
ALIAS_BEFORE_DECLARATION = _code(
    "V016", "alias-before-declaration", "An alias is used before the step that declares it.",
    what="Reports `x.attribute` in a step that comes before the PROFILE, TRAVERSE or INTERACTION "
         "declaring `x`, and shows the declaration.",
    why="An alias names the records of the step that declares it; earlier steps do not see them.",
    example="PROFILE(account).FILTER(c.fullname == 'Ann').TRAVERSE(contact_account_parentcustomerid, c)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c).FILTER(c.fullname == 'Ann')")
DUPLICATE_ALIAS = _code(
    "V017", "duplicate-alias", "Two sources or steps of one chain declare the same alias.",
    what="Reports the second declaration of an alias in a chain (aliases are compared without regard to "
         "case), and shows the first.",
    why="A qualified attribute could not tell which records it means.",
    example="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, a)",
    use_instead="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c)")
WRONG_ALIAS = _code(
    "V018", "wrong-alias", "A qualified attribute uses the alias of other records than those being filtered.",
    what="Reports `x.attribute` in a step that reads the records of another alias (or of records without "
         "an alias), and says which alias is current there.",
    why="A FILTER tests the records it follows; an attribute of earlier records is not available there, "
        "so the query does not mean what it seems to.",
    example="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(a.name == 'Contoso')",
    use_instead="PROFILE(account, a).FILTER(a.name == 'Contoso').TRAVERSE(contact_account_parentcustomerid, c)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Using the current alias (or dropping the qualifier) is offered as an unsafe fix: it makes "
               "the attribute refer to other records.")

# ---------------------------------------------------------------- schema

UNKNOWN_TABLE = _code(
    "V020", "unknown-table", "PROFILE names a table the schema does not have.",
    what="Checks the table of PROFILE(...) against the schema, with the closest table name.",
    why="The service rejects unknown profile types; a misspelled table is the usual cause.",
    example="PROFILE(contacts)", use_instead="PROFILE(contact)", category=_SCHEMA,
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest table is unsafe: it may not be the table the author meant.")
NAME_CASE = _code(
    "V021", "name-case", "A table, attribute, relationship, interaction, link type or alias in another case.",
    what="Reports a name that the schema (or the alias declaration) spells with other upper/lower case, "
         "such as `Contact` for the table `contact`.",
    why="Dataverse logical names are lower case and interaction names are fixed; writing them as the "
        "schema does keeps queries consistent and avoids surprises where a consumer compares names exactly.",
    example="PROFILE(Contact).FILTER(Address1_City == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')", category=_SCHEMA,
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="Only the case changes, and names are matched without regard to case.")
UNKNOWN_ATTRIBUTE = _code(
    "V022", "unknown-attribute", "An attribute the table (or interaction) being filtered does not have.",
    what="Checks every attribute in FILTER, HAVING, ORDERBY and SELECT against the table (or the "
         "interaction type) of the records at that point, with the closest attribute name.",
    why="The service rejects unknown attributes; after a TRAVERSE the current table changes, which makes "
        "this an easy mistake.",
    example="PROFILE(contact).FILTER(adress1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')", category=_SCHEMA,
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest attribute is unsafe: it may not be the attribute the author meant.")
UNKNOWN_RELATIONSHIP = _code(
    "V023", "unknown-relationship", "TRAVERSE names a relationship the schema does not have.",
    what="Checks the relationship of TRAVERSE(...) against the schema, suggesting the closest relationship "
         "of the current table. A Dataverse relationship schema name is pointed to its TRAVERSE name.",
    why="The service rejects unknown relationships. TRAVERSE names are "
        "`<referencing table>_<referenced table>_<lookup attribute>` (reference part B).",
    example="PROFILE(account).TRAVERSE(contact_customer_accounts)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid)", category=_SCHEMA,
    fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a schema name by the TRAVERSE name of the same relationship is safe; renaming to "
               "the closest name is unsafe.")
RELATIONSHIP_NOT_FROM_TABLE = _code(
    "V024", "relationship-not-from-table", "TRAVERSE uses a relationship that does not touch the current table.",
    what="Reports a known relationship that neither starts nor ends at the table of the records being "
         "traversed, and says which tables it connects.",
    why="A relationship can only be followed from one of its two tables.",
    example="PROFILE(lead).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(lead).TRAVERSE(lead_contact_parentcontactid)", category=_SCHEMA)
UNKNOWN_INTERACTION = _code(
    "V025", "unknown-interaction", "INTERACTION names an interaction type the schema does not have.",
    what="Checks the first argument of INTERACTION(...) against the schema's interaction types.",
    why="The service rejects unknown interaction types.",
    example="INTERACTION(EmailOpen, EmailOpened_ContactLink).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)", category=_SCHEMA,
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest interaction type is unsafe: it may not be the one the author meant.")
UNKNOWN_LINK_TYPE = _code(
    "V026", "unknown-link-type", "INTERACTION names a link type its interaction type does not have.",
    what="Checks the second argument of INTERACTION(...) against the link types of the interaction type.",
    why="The link type decides which profiles the interactions are linked to; a wrong one is rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_LeadLink).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpenedLeadLink).HAVING(COUNT() > 0)", category=_SCHEMA,
    fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest link type is unsafe: it may link to other profiles.")

NOT_IN_BUNDLED_SCHEMA = _code(
    "V046", "not-in-bundled-schema", "A table, attribute or relationship the bundled standard schema does not have.",
    what="When no schema is configured, reports a table, attribute or relationship name that the bundled "
         "standard schema does not have and that is not a typo of a name it has (one edit away for names "
         "of up to 7 characters, two for longer ones; see docs/validation.md). Typos of standard names "
         "stay errors (V020, V022, V023) with a did-you-mean fix. In real-time journeys the same holds for "
         "RELATE relationship schema names (V051), interaction tables (V055) and their columns.",
    why="Every real org has custom tables and columns (with a publisher prefix such as `new_` or `xyz_`) "
        "and standard tables the bundled schema does not describe: a name the bundled schema does not "
        "know is not evidence of a mistake, but nothing about it is checked either. Configure your org's "
        "schema (`schema = \"...\"` in segquery.toml, or in [tool.segquery] of pyproject.toml) and such "
        "names are checked, with errors for the unknown ones.",
    example="PROFILE(contact).FILTER(xyz_leadscore > 50)",
    use_instead="// checked with `schema = \"schema/contoso.json\"` in segquery.toml: the org's schema has "
                "xyz_leadscore\nPROFILE(contact).FILTER(xyz_leadscore > 50)",
    category=_SCHEMA, severity=Severity.WARNING)

# ---------------------------------------------------------------- types

STRING_OPERATOR_TYPE = _code(
    "V030", "string-operator-type", "CONTAINS, STARTSWITH or ENDSWITH on something that is not a string.",
    what="Reports a string test whose subject is not a string (a number, date, identifier, option set or "
         "boolean attribute, or such a value) or whose pattern is not a string.",
    why="String tests compare text; on other types the service rejects the query.",
    example="PROFILE(contact).FILTER(birthdate CONTAINS '1990')",
    use_instead="PROFILE(contact).FILTER(birthdate >= DATE(1990, 1, 1) && birthdate < DATE(1991, 1, 1))")
DATE_FUNCTION_TYPE = _code(
    "V031", "date-function-type", "DATEDIFF or DATEADD applied to something that is not a date.",
    what="Reports DATEDIFF arguments and the date of DATEADD that are not dates, and a DATEADD amount "
         "that is not a number.",
    why="Date arithmetic needs dates; `DATEDIFF(day, fullname, DATETIMEUTCNOW())` is rejected.",
    example="PROFILE(contact).FILTER(DATEDIFF(YEAR, fullname, DATETIMEUTCNOW()) > 18)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18)")
TYPE_MISMATCH = _code(
    "V032", "type-mismatch", "A comparison or arithmetic of incompatible types.",
    what="Reports comparisons of values of different types (a number with a string, a boolean with a "
         "number, a date with a number...) and arithmetic on values that are not numbers.",
    why="Such a comparison never matches, or is rejected by the service.",
    example="PROFILE(contact).FILTER(numberofchildren == '2')",
    use_instead="PROFILE(contact).FILTER(numberofchildren == 2)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Comparing a boolean attribute with 0 or 1 gets a safe fix to false or true. Removing the "
               "quotes of a numeric string is offered as an unsafe fix.")
INVALID_OPTION_VALUE = _code(
    "V033", "invalid-option-value", "An option set attribute compared with a value that is not one of its options.",
    what="For option set (picklist, state, status) attributes with known options, reports numbers that "
         "are not option codes and strings, which are labels rather than codes. A label that names one "
         "option is pointed to its code.",
    why="Option set attributes hold codes; comparing with a label or an unknown code never matches.",
    example="PROFILE(contact).FILTER(gendercode == 'Female')",
    use_instead="PROFILE(contact).FILTER(gendercode == 2)",
    category=_SCHEMA, fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a label by its code is offered as an unsafe fix: labels can be changed in an org.")
INVALID_DATE_STRING = _code(
    "V034", "invalid-date-string", "A string compared with a date is not an ISO date.",
    what="Reports a string compared with a date attribute (or used as a DATEDIFF/DATEADD date) that is not "
         "`YYYY-MM-DD`, optionally followed by a time `THH:MM[:SS[.fff]]` and a zone `Z` or `+HH:MM`, "
         "or that names a day that does not exist.",
    why="Dates are written as strings (reference part B); `'31/12/2020'` is not understood.",
    example="PROFILE(contact).FILTER(birthdate < '31/12/1990')",
    use_instead="PROFILE(contact).FILTER(birthdate < '1990-12-31')")
INVALID_GUID_STRING = _code(
    "V035", "invalid-guid-string", "A string compared with an identifier or lookup is not a GUID.",
    what="Reports a string compared with a lookup or unique identifier attribute that is not a GUID "
         "(`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal, optionally in braces).",
    why="Record ids are GUIDs written as strings (reference part B); anything else never matches.",
    example="PROFILE(contact).FILTER(parentcustomerid == '12345')",
    use_instead="PROFILE(contact).FILTER(parentcustomerid == '0b6bd7e1-9c8e-4a5f-9d0e-2f1c3b4a5d6e')")
NULL_TEST_OPERAND = _code(
    "V036", "null-test-operand", "ISNULL or ISNOTNULL applied to something that is not an attribute.",
    what="Reports ISNULL(x) and ISNOTNULL(x) whose argument is a literal, a function or an expression.",
    why="Only attributes can be empty (reference A.2: `ISNULL(attr)`).",
    example="PROFILE(contact).FILTER(ISNULL('emailaddress1'))",
    use_instead="PROFILE(contact).FILTER(ISNULL(emailaddress1))")
AGGREGATE_OUTSIDE_HAVING = _code(
    "V037", "aggregate-outside-having", "COUNT, SUM, AVG, MIN or MAX outside HAVING.",
    what="Reports aggregates in FILTER, ORDERBY, SELECT and other places than the condition of HAVING.",
    why="Aggregates summarize the interactions of a profile; they exist only in HAVING.",
    example="PROFILE(contact).FILTER(COUNT() > 1)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 1)")
NOT_A_CONDITION = _code(
    "V038", "not-a-condition", "FILTER, NOT, `&&` or `||` applied to a value instead of a condition.",
    what="Reports a FILTER argument, NOT argument or `&&`/`||` operand that is a value (an attribute, a "
         "literal, arithmetic, a date) rather than a comparison, string test, null test, NOT or "
         "combination of those. A boolean attribute gets a fix to `attribute == true`.",
    why="Part A.2: a condition is a comparison, a string test, ISNULL/ISNOTNULL, NOT or a logical "
        "combination; `FILTER(fullname)` says nothing about which records to keep.",
    example="PROFILE(contact).FILTER(donotbulkemail)",
    use_instead="PROFILE(contact).FILTER(donotbulkemail == true)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="`== true` is added only to attributes the schema types as boolean, which keeps the meaning.")

# ---------------------------------------------------------------- functions and limitations (A.3)

DATE_ARGUMENT_RANGE = _code(
    "V040", "date-argument-range", "A DATE(...) argument out of range or not a whole number.",
    what="Checks the literal arguments of DATE(year, month, day[, hour[, minute[, second[, millisecond]]]]): "
         "year 1-9999, month 1-12, day valid for the month (leap years included), hour 0-23, minute and "
         "second 0-59, millisecond 0-999, all whole numbers.",
    why="`DATE(2023, 2, 30)` names no day; the service rejects it or evaluates something unexpected.",
    example="PROFILE(contact).FILTER(birthdate < DATE(2023, 2, 30))",
    use_instead="PROFILE(contact).FILTER(birthdate < DATE(2023, 3, 1))")
WINDOW_ARGUMENT = _code(
    "V041", "window-argument", "A HAVING window that is not UTCDAYS/UTCMONTHS/UTCYEARS of a positive whole number.",
    what="Reports a window count that is not a positive whole number, a second HAVING argument that is "
         "not a window, and a window used anywhere but as the second argument of HAVING.",
    why="A window is the last n days, months or years; zero, negative or fractional counts are rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(0))",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCDAYS(1))")
PAGING_ARGUMENT = _code(
    "V042", "paging-argument", "A SKIP/TAKE count that is not a whole number, or an ORDERBY key that is not an attribute.",
    what="Reports SKIP and TAKE counts with a fraction (negative and non-numeric counts are reported by the "
         "parser, S018) and ORDERBY keys that are not attributes.",
    why="Paging counts records and sorts by columns.",
    example="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(1.5).SELECT(contactid)",
    use_instead="(SEGMENT(a)).ORDERBY(fullname ASC).SKIP(0).TAKE(15).SELECT(contactid)")
HAVING_CONDITION = _code(
    "V043", "having-condition", "HAVING's condition is not `aggregate comparison number`.",
    what="Reports a HAVING condition that is not one comparison between an aggregate (COUNT(), SUM(a), "
         "AVG(a), MIN(a), MAX(a)) and a number, an aggregate whose argument is not an attribute, and "
         "SUM/AVG of an attribute that is not numeric (MIN/MAX also accept dates).",
    why="Part A.1: HAVING(aggregate cmp number[, window]); other conditions are rejected.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(emailDomain == 'contoso.com')",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")
FORBIDDEN_HAVING_CONDITION = _code(
    "V044", "forbidden-having-condition", "A HAVING condition that part A.3 of the reference forbids.",
    what="Reports, for COUNT(): `>=` or `!=` with a positive integer, any comparison with a negative or "
         "non-integer number, and `== 0` (also when COUNT() is written on the right). SUM, AVG, MIN and MAX "
         "have no such limitation (the table's `none / none` row): they are checked only as V043 says.",
    why="The service does not evaluate these conditions. `COUNT() >= n` has the exact equivalent "
        "`COUNT() > n-1`; `COUNT() == 0` cannot be evaluated because profiles without interactions have "
        "no interaction data: use EXCEPT with the segment of those who have one.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() >= 3)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 2)",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Rewriting `COUNT() >= n` as `COUNT() > n-1` is safe: counts are whole numbers. The other "
               "cases have no equivalent condition.")
INTERACTION_FILTER_FUNCTION = _code(
    "V045", "interaction-filter-function", "A date function or string test in the FILTER of an INTERACTION query.",
    what="Reports DATE, DATEDIFF, DATEADD, DATETIMEUTCNOW, CONTAINS, STARTSWITH and ENDSWITH in the FILTER "
         "of an INTERACTION chain (only the outermost date function of a nested expression).",
    why="Part A.3: FILTER inside an INTERACTION segment supports none of them; PROFILE and SEGMENT chains "
        "have no such limit. Use the HAVING window for time limits.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain CONTAINS 'contoso')"
            ".HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'contoso.com')"
                ".HAVING(COUNT() > 0)")
