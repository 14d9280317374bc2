"""Codes of the findings of a migration to real-time journeys (M001-M039).

Each finding says what became of one outbound construct. The rule's severity
is the outcome: `info` the meaning is kept (translated), `warning` it is kept
under the assumption the finding states (review), `error` the construct has
no real-time form (unsupported).
"""

import functools

from segquery.rules.registry import Category, define
from segquery.severity import Severity

_migration = functools.partial(define, category=Category.MIGRATION)
_translated = functools.partial(_migration, severity=Severity.INFO)
_review = functools.partial(_migration, severity=Severity.WARNING)
_unsupported = functools.partial(_migration, severity=Severity.ERROR)

_NO_FIX = "No fix: `segquery migrate` writes the real-time query itself."

PROFILE_ALIAS_DROPPED = _translated(
    "M001", "profile-alias-dropped", "The alias of the profile is dropped and its attributes unqualified.",
    what="Removes the alias of the records the segment selects (`PROFILE(contact, contact_1)` becomes "
         "`PROFILE(contact)`) and writes `contact_1.address1_city` as `address1_city`.",
    why="PROFILE takes one argument in real-time journeys; attributes of the profile are written alone.",
    example="PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')", fix_safety=_NO_FIX)
TRAVERSE_TO_RELATE = _translated(
    "M002", "traverse-to-relate", "A TRAVERSE path is rewritten as RELATE from the profile.",
    what="Rewrites a chain of TRAVERSE steps as one RELATE path that starts at the profile the segment "
         "selects (the table the outbound chain ends on), each relationship under its Dataverse schema "
         "name, and the conditions on the related records in the FILTER after it, qualified with their "
         "aliases. A path with no condition on the related records gets `ISNOTNULL(alias.<table>id)`, "
         "true of every related record, because the real-time grammar follows RELATE with FILTER.",
    why="Real-time journeys starts every chain at the profile and joins related tables with RELATE and "
        "relationship schema names (`contact_customer_accounts`); the outbound traverse names "
        "(`contact_account_parentcustomerid`) do not exist there. TRAVERSE keeps only records that have "
        "a related record, as RELATE does.",
    example="PROFILE(account, account_1)\n    .FILTER(account_1.numberofemployees > 500)\n"
            "    .TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(contact)\n    .RELATE(contact_customer_accounts, account_1)\n"
                "    .FILTER(account_1.numberofemployees > 500)", fix_safety=_NO_FIX)
SELF_RELATIONSHIP = _review(
    "M003", "self-relationship-direction", "A relationship from a table to itself: the direction is assumed.",
    what="Reports a TRAVERSE along a relationship whose two ends are the same table "
         "(`contact_contact_parentcustomerid`). The RELATE written for it is assumed to follow the "
         "relationship in the direction the outbound chain went.",
    why="From a contact, `contact_customer_contacts` leads to its parent contact and to its child contacts; "
        "the real-time reference does not say which one RELATE follows.",
    example="PROFILE(contact, c).FILTER(c.fullname == 'A').TRAVERSE(contact_contact_parentcustomerid, child)",
    use_instead="Check the members of the real-time segment against the outbound one before going live.",
    fix_safety=_NO_FIX)
UNKNOWN_RELATIONSHIP = _unsupported(
    "M004", "relationship-without-schema-name", "A TRAVERSE relationship has no known Dataverse schema name.",
    what="Reports a TRAVERSE whose relationship is not in the schema, does not touch the table the chain "
         "is on, or has no schema name.",
    why="RELATE needs the Dataverse relationship schema name; guessing it could join another table.",
    example="PROFILE(account).TRAVERSE(contact_account_managerid)",
    use_instead="Add the relationship with its `schema_name` to a schema file (see docs/schema.md).",
    fix_safety=_NO_FIX)
NOT_A_PROFILE = _unsupported(
    "M005", "selects-no-profile", "The query selects records that are neither contacts nor leads.",
    what="Reports a chain that ends on another table than `contact` or `lead` (an account segment, or a "
         "chain whose last TRAVERSE leaves the contact).",
    why="Real-time journeys segments select contacts or leads only (`msdynmkt_baseentitylogicalname`).",
    example="PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(...)",
    fix_safety=_NO_FIX)
MIXED_CONDITION = _unsupported(
    "M006", "mixed-condition", "A condition compares the profile's attributes with a related record's.",
    what="Reports a FILTER condition that reads attributes of the profile and of a related record at once.",
    why="In real-time journeys the conditions on the profile come before RELATE and those on related "
        "records after it; no form is attested for a condition over both.",
    example="PROFILE(account, a).TRAVERSE(contact_account_parentcustomerid, c).FILTER(c.address1_city == a.address1_city)",
    use_instead="Split the condition, or keep the segment in outbound until it is redesigned.",
    fix_safety=_NO_FIX)
TRAVERSE_FILTER = _review(
    "M007", "traverse-edge-filter", "The FILTER inside TRAVERSE is applied to the related records.",
    what="Moves `TRAVERSE(r, FILTER(c))` to a condition on the related records after RELATE.",
    why="The outbound documentation says the inner FILTER filters the edges of the relationship; a "
        "Dataverse lookup has no attributes of its own, so this assumes it tests the related records.",
    example="PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(statecode == 0))",
    use_instead="PROFILE(contact).FILTER(statecode == 0).RELATE(contact_customer_accounts, account_1)"
                ".FILTER(ISNOTNULL(account_1.accountid))",
    fix_safety=_NO_FIX)
INTERACTION_MAPPED = _review(
    "M008", "interaction-mapped", "An outbound interaction is mapped to a real-time interaction table.",
    what="Rewrites `INTERACTION(EmailClicked, EmailClicked_ContactLink)` as "
         "`INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid)`, adds the discriminator "
         "`msdynmkt_entityid_LogicalName == 'contact'` (or `'lead'` for a lead link) and renames the "
         "interaction's attributes, through the mapping table (docs/migration.md; extend it with "
         "`--interaction-map FILE`).",
    why="The names differ, and so does the data: the real-time table records what real-time journeys "
        "sent and measured, not the outbound history. The segment selects the same profiles only once "
        "the real-time table holds the interactions of the window.",
    example="INTERACTION(EmailClicked, EmailClicked_ContactLink).HAVING(COUNT() > 2, UTCDAYS(7))",
    use_instead="INTERACTION(msdynmkt_emaillinkclicked, msdynmkt_entityid)\n"
                "    .FILTER(msdynmkt_entityid_LogicalName == 'contact')\n    .HAVING(COUNT() > 2, UTCDAYS(7))",
    fix_safety=_NO_FIX)
UNKNOWN_INTERACTION = _unsupported(
    "M009", "unmapped-interaction", "An outbound interaction has no entry in the mapping table.",
    what="Reports an interaction type the mapping table does not map (such as `EventCheckIn`).",
    why="Real-time journeys has its own interaction tables (R.4 of the reference); an interaction with "
        "no counterpart cannot be selected there.",
    example="INTERACTION(EventCheckIn, EventCheckIn_ContactLink).HAVING(COUNT() > 0)",
    use_instead='Map it in an interaction map file: {"interactions": {"EventCheckIn": {"table": "...", ...}}}',
    fix_safety=_NO_FIX)
UNMAPPED_ATTRIBUTE = _unsupported(
    "M010", "unmapped-interaction-attribute", "An interaction attribute has no real-time column.",
    what="Reports an attribute of an outbound interaction that the mapping table does not map to a "
         "column of the real-time table.",
    why="A condition on a column that does not exist would be rejected, and dropping it would select more.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(usageType == 'x').HAVING(COUNT() > 0)",
    use_instead="Map the attribute in an interaction map file, or remove the condition deliberately.",
    fix_safety=_NO_FIX)
UNKNOWN_LINK = _unsupported(
    "M011", "unknown-interaction-link", "An interaction's link type does not say contact or lead.",
    what="Reports a link type the mapping table does not list for the interaction (such as "
         "`EmailDelivered_Campaign`).",
    why="The real-time discriminator `msdynmkt_entityid_LogicalName` needs the profile type.",
    example="INTERACTION(EmailDelivered, EmailDelivered_Campaign).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailDelivered, EmailDelivered_ContactLink).HAVING(COUNT() > 0)",
    fix_safety=_NO_FIX)
AGGREGATE_NOT_COUNT = _unsupported(
    "M012", "aggregate-not-count", "HAVING aggregates with SUM, AVG, MIN or MAX.",
    what="Reports an aggregate other than COUNT() in HAVING.",
    why="Real-time journeys counts interactions with COUNT() only.",
    example="INTERACTION(EmailClicked, EmailClicked_ContactLink).HAVING(SUM(x) > 2)",
    use_instead="INTERACTION(EmailClicked, EmailClicked_ContactLink).HAVING(COUNT() > 2)", fix_safety=_NO_FIX)
INTERACTION_ALIAS_DROPPED = _translated(
    "M013", "interaction-alias-dropped", "The alias of an interaction is dropped.",
    what="Removes the third argument of INTERACTION and unqualifies the attributes that used it.",
    why="INTERACTION takes two arguments in real-time journeys.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink, e).FILTER(e.messageId == 'm')",
    use_instead="INTERACTION(msdynmkt_emailopened, msdynmkt_entityid)"
                ".FILTER(msdynmkt_entityid_LogicalName == 'contact' && msdynmkt_messagetemplateid == 'm')",
    fix_safety=_NO_FIX)
SEGMENT_MAPPED = _translated(
    "M014", "segment-reference-mapped", "A segment reference is mapped to the new segment definition id.",
    what="Rewrites `SEGMENT(name)` or `SEGMENT(SEGMENT_CRM_ID_<hex>)` as "
         "`SEGMENT(SEGMENT_CJO_ID_<hex>)`, with the id the id map gives the referenced segment (the "
         "migration writes it; a placeholder id until the definition is created).",
    why="Real-time journeys references the segment definition by its id; outbound ids and names do not "
        "exist there.",
    example="SEGMENT(newsletter_openers) UNION SEGMENT(link_clickers)",
    use_instead="SEGMENT(SEGMENT_CJO_ID_<id of newsletter_openers>) UNION SEGMENT(SEGMENT_CJO_ID_<...>)",
    fix_safety=_NO_FIX)
UNMAPPED_SEGMENT = _unsupported(
    "M015", "unmapped-segment-reference", "A segment reference has no entry in the id map.",
    what="Reports `SEGMENT(x)` when `x` is not a segment of the migrated estate and the id map has no id "
         "for it (a missing or misspelled segment).",
    why="The compound segment cannot reference a definition that does not exist.",
    example="SEGMENT(newsletter_openrs)", use_instead="SEGMENT(newsletter_openers)", fix_safety=_NO_FIX)
MINUS_TO_EXCEPT = _translated(
    "M016", "minus-to-except", "MINUS is written EXCEPT.",
    what="Writes the outbound spelling MINUS of the set difference as EXCEPT.",
    why="Real-time journeys knows EXCEPT only.",
    example="SEGMENT(a) MINUS SEGMENT(b)", use_instead="SEGMENT(a) EXCEPT SEGMENT(b)", fix_safety=_NO_FIX)
DATES_NOT_ATTESTED = _review(
    "M017", "date-function-not-attested", "A date function is kept, but real-time journeys does not attest it.",
    what="Keeps DATEDIFF, DATEADD, DATE and DATETIMEUTCNOW as written, and reports them.",
    why="No public evidence says real-time journeys evaluates date functions; the service may reject "
        "the query or compute differently.",
    example="PROFILE(contact).FILTER(DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) < 30)",
    use_instead="Publish the definition in a test org and compare its members before going live.",
    fix_safety=_NO_FIX)
STRING_TEST_UNSUPPORTED = _unsupported(
    "M018", "string-test-unsupported", "STARTSWITH or ENDSWITH has no real-time form.",
    what="Reports STARTSWITH and ENDSWITH; they are kept as written only in a partial migration.",
    why="Only infix CONTAINS is attested in real-time journeys; CONTAINS would select more records.",
    example="PROFILE(contact).FILTER(emailaddress1 ENDSWITH '@contoso.com')",
    use_instead="Keep the segment in outbound, or decide deliberately to use CONTAINS.", fix_safety=_NO_FIX)
DISTINCT_DROPPED = _translated(
    "M019", "distinct-dropped", "DISTINCT is dropped.",
    what="Removes a DISTINCT() step.", why="Real-time segment members are distinct profiles already.",
    example="PROFILE(contact).DISTINCT()", use_instead="PROFILE(contact)", fix_safety=_NO_FIX)
FETCH_STEP_DROPPED = _review(
    "M020", "member-fetch-step-dropped", "ORDERBY or SELECT of a member fetch is dropped.",
    what="Removes ORDERBY and SELECT steps, which order or shape the fetched members but do not change "
         "who is a member.",
    why="Real-time journeys lists members with the `msdynmkt_MembersList` action, which has no ordering "
        "or column choice; a caller that relied on them must sort or pick columns itself.",
    example="(SEGMENT(x)).ORDERBY(fullname ASC).SELECT(contactid)",
    use_instead="SEGMENT(SEGMENT_CJO_ID_<id of x>)", fix_safety=_NO_FIX)
PAGING_UNSUPPORTED = _unsupported(
    "M021", "paging-unsupported", "SKIP or TAKE has no real-time form.",
    what="Reports SKIP and TAKE: they change which records are returned.",
    why="Real-time segments cannot page; `msdynmkt_MembersList` returns the members.",
    example="(SEGMENT(x)).SKIP(0).TAKE(15)", use_instead="Page the result of msdynmkt_MembersList.",
    fix_safety=_NO_FIX)
ARITHMETIC_NOT_ATTESTED = _review(
    "M022", "arithmetic-not-attested", "Arithmetic is kept, but real-time journeys does not attest it.",
    what="Keeps `+ - * /` and unary minus as written, and reports them.",
    why="No public evidence says real-time journeys evaluates arithmetic in conditions.",
    example="PROFILE(account).FILTER(revenue / numberofemployees > 1000)",
    use_instead="Publish the definition in a test org and compare its members before going live.",
    fix_safety=_NO_FIX)
DOES_NOT_PARSE = _unsupported(
    "M023", "query-does-not-parse", "The outbound query has syntax errors: it is not migrated.",
    what="Reports a query the outbound parser rejects, with the parser's first finding.",
    why="Translating a query whose meaning is unknown could change it.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle'",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')", fix_safety=_NO_FIX)
NO_REALTIME_FORM = _unsupported(
    "M024", "no-realtime-form", "A construct has no real-time form.",
    what="Reports what no other finding covers: steps after SEGMENT(x), HAVING on profiles, unknown "
         "functions, aliases that name no record of the chain.",
    why="Nothing attested in real-time journeys means the same.",
    example="SEGMENT(accounts).TRAVERSE(contact_account_parentcustomerid)",
    use_instead="Redesign the segment in real-time journeys.", fix_safety=_NO_FIX)
SEGMENT_CYCLE = _unsupported(
    "M025", "segment-on-cycle", "Segments reference each other in a cycle: they cannot go live in any order.",
    what="Reports every segment on a cycle of references; the rest of the estate is migrated.",
    why="The new segments are created in go-live order, which a cycle does not have.",
    example="// a.segq\nSEGMENT(b)\n// b.segq\nSEGMENT(a)", use_instead="Break the cycle in outbound first.",
    fix_safety=_NO_FIX)
STATUS_MAPPED = _translated(
    "M026", "status-mapped", "The segment's status is mapped to the real-time status.",
    what="Maps draft to draft (statuscode 723270001) and live to going live (723270002): the definition "
         "is published after it is created.",
    why="Real-time definitions have their own status values.",
    example='"statuscode": 192350001', use_instead='"statuscode": 723270002', fix_safety=_NO_FIX)
STATIC_MEMBERS = _translated(
    "M027", "static-members-grouped", "Static members become msdynmkt_staticlistmembers groups.",
    what="Writes the member ids of a static segment as `msdynmkt_staticlistmembers` include groups and "
         "the member calls that fill them, 1,000 ids per call and at most 200,000 per group.",
    why="Real-time static segments hold their members in groups.",
    example='"msdyncrm_segmentmemberid": "[\\"crm1405f4ba-...\\"]"',
    use_instead='"msdynmkt_staticlistmembers": "[{\\"groupId\\": ..., \\"includeType\\": \\"Include\\", ...}]"',
    fix_safety=_NO_FIX)
TOO_MANY_MEMBERS = _unsupported(
    "M028", "static-members-over-limit", "A static segment has more members than ten groups hold.",
    what="Reports a static segment with more than 2,000,000 member ids (10 groups of 200,000).",
    why="A definition holds at most 10 groups.", example="2,000,001 member ids",
    use_instead="Split the static segment into several.", fix_safety=_NO_FIX)
MISSING_QUERY = _unsupported(
    "M029", "missing-query", "A dynamic or compound segment record has no query.",
    what="Reports a record that is not static and has no `msdyncrm_segmentquery`.",
    why="There is nothing to translate.", example='{"msdyncrm_segmenttype": 192350000}',
    use_instead='{"msdyncrm_segmenttype": 192350000, "msdyncrm_segmentquery": "PROFILE(contact)"}',
    fix_safety=_NO_FIX)
INACTIVE_STATUS = _review(
    "M030", "inactive-status-to-draft", "A stopped, expired or failed segment becomes a draft.",
    what="Maps statuses other than draft and live to draft.",
    why="Real-time definitions have no stopped or expired status; the segment is kept, not published.",
    example='"statuscode": 192350002', use_instead='"statuscode": 723270001', fix_safety=_NO_FIX)
