"""Codes of the semantic findings of the real-time journeys dialect (V050-V079).

The checks that mean the same in both dialects (types, option values, date and
GUID strings, windows, duplicate aliases, set operands of one profile type)
keep their outbound codes; these are the rules only real-time journeys has.
docs/validation.md explains each decision where the evidence is thin.
"""

import functools

from segquery.diagnostics import Severity
from segquery.rules.registry import Category, FixAvailability, define

_code = functools.partial(define, category=Category.VALIDATION, dialects=("realtime",))
_schema_code = functools.partial(define, category=Category.SCHEMA, dialects=("realtime",))

_INTERACTION = ("INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
                ".FILTER(msdynmkt_entityid_LogicalName == 'contact')")

# ---------------------------------------------------------------- profile and RELATE

REALTIME_PROFILE_TABLE = _code(
    "V050", "realtime-profile-table", "PROFILE names a table other than `contact` or `lead`.",
    what="Reports the table of PROFILE(...) when it is not `contact` or `lead`, with the closest of the two "
         "when the name is a typo, and `Contact` written in other case (safe fix).",
    why="Real-time journeys segments are built on contacts or leads only (the vendor's Web API article: "
        "\"only supports contacts and leads\"); the segment's `msdynmkt_baseentitylogicalname` names one of "
        "the two. Other tables are reached with RELATE.",
    example="PROFILE(account).FILTER(name == 'Contoso')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'Contoso')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Lower-casing `Contact` is safe (names are matched without regard to case); renaming a typo to "
               "`contact` or `lead` is unsafe.")
UNKNOWN_RELATIONSHIP_SCHEMA_NAME = _schema_code(
    "V051", "unknown-relationship-schema-name", "RELATE names a relationship schema name the schema does not have.",
    what="Checks the relationship of RELATE(...) and RELATEOPTIONAL(...) against the Dataverse relationship "
         "schema names of the schema, suggesting the closest one that touches the current table. An outbound "
         "TRAVERSE name (`contact_account_parentcustomerid`) is pointed to the schema name of the same "
         "relationship (`contact_customer_accounts`). With the bundled schema alone, a name that is not a typo "
         "of a standard one gets the V046 warning instead.",
    why="RELATE joins along a Dataverse relationship, named by its schema name; the service rejects other names.",
    example="PROFILE(contact).RELATE(contact_account_parentcustomerid, account_1).FILTER(account_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Replacing a TRAVERSE name by the schema name of the same relationship is safe; renaming to the "
               "closest name is unsafe.")
RELATE_NOT_FROM_TABLE = _schema_code(
    "V052", "relate-not-from-table", "RELATE uses a relationship that does not touch the current table.",
    what="Reports a known relationship that neither starts nor ends at the table RELATE starts from: the "
         "profile table, or for a nested RELATE the table the enclosing one reached. Says which tables it "
         "connects.",
    why="A relationship can only be followed from one of its two tables; the path of a nested RELATE "
        "continues from the related table, not from the profile.",
    example="PROFILE(lead).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')")
REALTIME_UNKNOWN_ALIAS = _code(
    "V053", "realtime-unknown-alias", "A qualified attribute whose alias the RELATE before the FILTER does not declare.",
    what="In real-time journeys only the FILTER right after a RELATE qualifies attributes, with the aliases of "
         "that RELATE's path (nested ones included). Reports `x.attribute` where `x` is not one of them: an "
         "alias of another RELATE, a misspelled alias, or any qualifier in a FILTER that reads the profile or "
         "an interaction (their attributes are written alone).",
    why="The alias tells which joined table an attribute belongs to; an alias that is not in scope there "
        "names no records, and the service rejects the query.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(acount_1.name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')")
UNQUALIFIED_AFTER_RELATE = _code(
    "V054", "unqualified-after-relate", "An attribute without alias in the FILTER that follows a RELATE.",
    what="Reports an attribute written alone in the FILTER right after RELATE(...): that FILTER tests the "
         "related records, whose attributes are qualified with the alias. When exactly one table of the path "
         "has the attribute, a fix qualifies it with that table's alias. (The consent pseudo-fields "
         "`compliance_profile_...` are not reported.)",
    why="The reference and every public example qualify these attributes (`account_1.name`); an unqualified "
        "name there is ambiguous between the profile and the related table.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(name == 'A')",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Qualifying the attribute is offered as an unsafe fix: the author may have meant another table.")

# ---------------------------------------------------------------- interactions

UNKNOWN_INTERACTION_TABLE = _schema_code(
    "V055", "unknown-interaction-table", "INTERACTION names a table that is not a real-time interaction table.",
    what="Checks the first argument of INTERACTION(...) against the schema's real-time interaction tables "
         "(`msdynmkt_emailopened`, `msdynmkt_emaillinkclicked`...), with the closest one. An outbound "
         "interaction type (`EmailOpened`) is said to be outbound's. With the bundled schema alone, a name "
         "that is not a typo of a standard table gets the V046 warning instead (orgs add custom trigger "
         "interactions; configure them under `interaction_tables` in the schema).",
    why="The service knows the interaction tables of the org and rejects other names.",
    example="INTERACTION(msdynmkt_emailopen, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')",
    use_instead=_INTERACTION, fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest table is unsafe: it may not be the one the author meant.")
UNKNOWN_PROFILE_ID_COLUMN = _schema_code(
    "V056", "unknown-profile-id-column", "INTERACTION's second argument is not a profile id column of its table.",
    what="Checks the second argument of INTERACTION(...) against the profile id columns of the interaction "
         "table (`msdynmkt_entityid` and `msdynmkt_profileid` for the standard tables), with the closest one.",
    why="The column links each interaction to its profile; other columns do not hold profile ids.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_contactid)"
            ".FILTER(msdynmkt_contactid_LogicalName == 'contact')",
    use_instead=_INTERACTION, fix=FixAvailability.UNSAFE,
    fix_safety="Renaming to the closest column is unsafe: it may not be the one the author meant.")
MISSING_PROFILE_TYPE = _code(
    "V057", "missing-profile-type", "An INTERACTION whose FILTER does not state its profile type.",
    what="Reports an INTERACTION(...) chain whose FILTER has no discriminator "
         "`<profile id column>_LogicalName == 'contact'` (or `'lead'`) as one of its `&&` conditions, or that "
         "has no FILTER at all.",
    why="A profile id column can point at contacts or leads; without the discriminator the operand is "
        "ambiguous (reference R.1), and designer output always states it.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).HAVING(COUNT() >= 1)",
    use_instead=_INTERACTION + ".HAVING(COUNT() >= 1)")
REPEATED_PROFILE_TYPE = _code(
    "V058", "repeated-profile-type", "An INTERACTION's FILTER states its profile type more than once.",
    what="Reports every discriminator condition after the first in the FILTER of an INTERACTION chain.",
    why="The profile type is stated exactly once; a second statement is redundant at best, and with another "
        "value selects no interaction at all.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == "
            "'contact' && msdynmkt_entityid_LogicalName == 'lead')",
    use_instead=_INTERACTION)
INVALID_PROFILE_TYPE = _code(
    "V059", "invalid-profile-type", "A discriminator compared with something other than 'contact' or 'lead'.",
    what="Reports the value a `..._LogicalName` discriminator is compared with when it is not the string "
         "'contact' or 'lead' (lower case: `'Contact'` gets a safe fix).",
    why="Real-time journeys segments are of contacts or leads; table logical names are lower case.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'account')",
    use_instead=_INTERACTION, fix=FixAvailability.SOMETIMES,
    fix_safety="Lower-casing 'Contact' or 'Lead' is safe; other values have no fix.")
PROFILE_TYPE_PLACEMENT = _code(
    "V060", "profile-type-placement", "A discriminator that does not state the interaction's profile type.",
    what="Reports a `..._LogicalName` condition that is not `<profile id column>_LogicalName == '<type>'` "
         "joined to the rest of the FILTER with `&&`: one written with another operator, inside `||` or "
         "NOT, or on another profile id column than the INTERACTION's second argument.",
    why="Only a discriminator that every selected interaction satisfies fixes the operand's profile type; "
        "inside `||` or on another column it leaves the operand ambiguous.",
    example="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_profileid_LogicalName == 'contact')",
    use_instead=_INTERACTION)
REALTIME_TARGET_PROFILE_TYPE = _code(
    "V061", "realtime-target-profile-type", "A real-time segment's query selects another profile type than the segment's.",
    what="For segments, reports a query whose profile type (its PROFILE table, or an INTERACTION's "
         "discriminator value) is not the target profile type: the segment's base table "
         "(`msdynmkt_baseentitylogicalname`), `contact` unless configured (`target = \"lead\"`). Operands that "
         "disagree among themselves are reported by V014.",
    why="The segment's members are of its base table; a query of other profiles defines no members for it.",
    example="// target: contact\nINTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
            ".FILTER(msdynmkt_entityid_LogicalName == 'lead')",
    use_instead=_INTERACTION)
REALTIME_HAVING_CONDITION = _code(
    "V062", "realtime-having-condition", "HAVING's condition is not `COUNT() comparison whole number`.",
    what="Reports a HAVING condition that is not one comparison of COUNT() (without argument) with a whole "
         "number of at least 0. Unlike outbound, `COUNT() >= 1` is allowed (designer output writes it).",
    why="Real-time journeys counts interactions only (reference R.1: `HAVING(COUNT() cmp integer[, window])`).",
    example=_INTERACTION + ".HAVING(COUNT() > 1.5)",
    use_instead=_INTERACTION + ".HAVING(COUNT() > 1)")

# ---------------------------------------------------------------- consent

CONSENT_FIELD_NAME = _code(
    "V063", "consent-field-name", "A `compliance_profile_` pseudo-field not followed by 32 hexadecimal digits.",
    what="Reports an attribute that starts with `compliance_profile_` but does not go on with exactly 32 "
         "hexadecimal digits (the compliance profile's id without dashes).",
    why="Consent pseudo-fields are named after their compliance profile; any other name tests nothing.",
    example="PROFILE(contact).FILTER(compliance_profile_1234 == 'cp:...')",
    use_instead="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
                "'cp:01234567-89ab-cdef-0123-456789abcdef;p:11111111-2222-3333-4444-555555555555;v:OptedIn')")
CONSENT_TOKEN = _code(
    "V064", "consent-token", "A consent token string with a missing, unknown, repeated or malformed key.",
    what="Checks the string a consent pseudo-field is compared with: `;`-separated `key:value` parts with the "
         "keys `cp` (compliance profile, GUID, required), `p` (purpose, GUID, required), `t` (topic, GUID), "
         "`ch` (channel), `ea` (contact-point attribute) and `v` (value), each at most once and none other. "
         "The range is the faulty part inside the string.",
    why="The service reads the token's structure; a token it cannot read tests no consent (reference R.2).",
    example="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
            "'cp:01234567-89ab-cdef-0123-456789abcdef;v:OptedIn')",
    use_instead="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef == "
                "'cp:01234567-89ab-cdef-0123-456789abcdef;p:11111111-2222-3333-4444-555555555555;v:OptedIn')")
CONSENT_FIELD_USAGE = _code(
    "V065", "consent-field-usage", "A consent pseudo-field used other than `== 'token'` or ISNOTNULL.",
    what="Reports a `compliance_profile_...` pseudo-field compared with another operator than `==`, compared "
         "with something other than a string, tested with ISNULL, CONTAINS or IN.",
    why="Only `== 'token'` and ISNOTNULL are attested (reference R.2); anything else has no known meaning.",
    example="PROFILE(contact).FILTER(compliance_profile_0123456789abcdef0123456789abcdef != 'cp:...')",
    use_instead="PROFILE(contact).FILTER(ISNOTNULL(compliance_profile_0123456789abcdef0123456789abcdef))")

# ---------------------------------------------------------------- values and functions

IN_LIST_VALUE = _code(
    "V066", "in-list-value", "An IN list value that is not a literal of the attribute's type.",
    what="Reports IN list values that are not written directly (an attribute, a function, arithmetic) and "
         "values of another type than the attribute (a string in the list of a number attribute). Values of "
         "option set attributes are checked against the options as `==` does (V033).",
    why="`field IN [v1, v2]` lists values of the field (reference R.2); other values never match.",
    example="PROFILE(contact).FILTER(numberofchildren IN [1, '2'])",
    use_instead="PROFILE(contact).FILTER(numberofchildren IN [1, 2])")
NOT_ATTESTED_IN_REALTIME = _code(
    "V067", "not-attested-in-realtime", "A date function or arithmetic, which real-time journeys is not known to support.",
    what="Reports DATEDIFF, DATEADD, DATETIMEUTCNOW, DATE and arithmetic (`+ - * /`) in a real-time query, "
         "the outermost of a nested expression only.",
    why="No public example, vendor article or parser of the dialect has them (reference R.2), so whether the "
        "service accepts them is unknown: a warning to review, not an error. Relative dates are best "
        "expressed with a HAVING window where one applies.",
    example="PROFILE(contact).FILTER(DATEDIFF(YEAR, birthdate, DATETIMEUTCNOW()) > 18)",
    use_instead="PROFILE(contact).FILTER(birthdate < '2008-01-01')",
    severity=Severity.WARNING)
REALTIME_CHAIN_SHAPE = _code(
    "V068", "realtime-chain-shape", "Steps in an order or place real-time journeys does not have.",
    what="Reports a RELATE not followed by its FILTER, a RELATE after INTERACTION, a second FILTER or HAVING "
         "in an INTERACTION chain, and any step after SEGMENT(...) or a parenthesized query.",
    why="Reference R.1: a profile is PROFILE(t) followed by FILTERs and `RELATE(...).FILTER(...)` pairs, an "
        "interaction is INTERACTION(...).FILTER(...)[.HAVING(...)], and a segment reference stands alone.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account_1)",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(ISNOTNULL(account_1.name))")
