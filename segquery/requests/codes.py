"""Codes of the diagnostics about request bodies, records and request files (R001-R099).

R001-R010, about the JSON text, belong to the lenient JSON reader and are
listed here with the others.
"""

import functools

from segquery.diagnostics import Severity
from segquery.lenient_json.codes import (BAD_ESCAPE, COMMENT, CONTROL_CHARACTER, DUPLICATE_KEY,  # R001-R010
                                         JSON_SYNTAX, NON_JSON_LITERAL, SINGLE_QUOTED, TOO_DEEP, TRAILING_COMMA,
                                         UNQUOTED_KEY)
from segquery.rules.registry import Category, FixAvailability, define


_request = functools.partial(define, category=Category.REQUEST)


# ------------------------------------------------------------------ HTTP level

NOT_A_REQUEST_LINE = _request(
    "R011", "not-a-request-line", "A line of an HTTP-style file that starts no request.",
    what="Reports text outside a request in a `.http` file: requests start with `METHOD URL`, "
         "comments with `#` or `//`.",
    why="Text such as a title pasted from the documentation would be sent as part of a request or "
        "make the file unreadable for REST tools.",
    example="Remove multiple segment members\nPOST {{orgUrl}}/api/data/v9.0/msdyncrm_ExcludeMembersFromSegment",
    use_instead="# Remove multiple segment members\nPOST {{orgUrl}}/api/data/v9.0/msdyncrm_ExcludeMembersFromSegment")
UNKNOWN_ENDPOINT = _request(
    "R012", "unknown-endpoint", "The URL names neither the segment table nor a segment message.",
    what="Checks the last part of the URL against `msdyncrm_segments`, `msdyncrm_segments(<id>)`, "
         "`msdyncrm_ValidateSegment` and the four include/exclude messages, and against the real-time "
         "`msdynmkt_segmentdefinitions`, `msdynmkt_segments` and their actions, with the closest name.",
    why="Entity set and message names are case-sensitive in the Web API; a near miss is a 404.",
    example="POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMemberInSegments",
    use_instead="POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment",
    fix=FixAvailability.SOMETIMES, fix_safety="A fix that only changes letter case is safe; a fix "
    "to a different name is unsafe.")
METHOD_NOT_ALLOWED = _request(
    "R013", "method-not-allowed", "The HTTP method does not fit the URL.",
    what="Reports a create (`POST`) on a single segment, an update or delete without a segment id, "
         "messages called with anything but `POST`, and methods the segment API does not use.",
    why="The service answers 405 or 400; this names the method that fits.",
    example="PATCH {{orgUrl}}/api/data/v9.0/msdyncrm_segments",
    use_instead="PATCH {{orgUrl}}/api/data/v9.0/msdyncrm_segments(7649566b-79e2-e811-a989-000d3a135be0)")
MISSING_BODY = _request(
    "R014", "missing-body", "A create, update or message request has no body.",
    what="Reports `POST` and `PATCH` requests without a JSON body.",
    why="Each of them needs at least one field; an empty request is rejected.",
    example="POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment",
    use_instead='POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment\n'
                '{"msdyncrm_segmentid": "59ac8bbf-57e7-e811-a9a9-000d3a35f403", '
                '"msdyncrm_segmentmemberids": "[\\"b5672bdb-8899-43cb-9fa1-0ae4dc61dad3\\"]"}')
UNEXPECTED_BODY = _request(
    "R015", "unexpected-body", "A `GET` or `DELETE` request carries a body.",
    severity=Severity.WARNING,
    what="Reports a body after a retrieve or delete request.",
    why="The service ignores it, so whatever it was meant to do does not happen.",
    example='DELETE {{orgUrl}}/api/data/v9.0/msdyncrm_segments(7649566b-79e2-e811-a989-000d3a135be0)\n'
            '{"statuscode": 192350002}')

# ------------------------------------------------------------------ records

WRONG_TYPE = _request(
    "R016", "wrong-value-type", "A value has the wrong JSON type for its field.",
    what="Checks each field against its column type: option values and integers are numbers, names "
         "and queries are strings, member ids are a string that holds a JSON array, a body is an "
         "object.",
    why="`\"192350001\"` is a string, not the option value 192350001; the service rejects the "
        "request with a type conversion error.",
    example='{ "msdyncrm_segmenttype": "192350001" }', use_instead='{ "msdyncrm_segmenttype": 192350001 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when the value converts without loss: a number "
    "in a string becomes the number, an array of member ids becomes the string that holds it.")
MISSING_FIELD = _request(
    "R017", "missing-required-field", "A field the service requires is absent, empty or null.",
    what="On create (and in a segment definition sent for validation) requires "
         "`msdyncrm_segmentname`, `msdyncrm_segmenttype` and `statuscode`, plus "
         "`msdyncrm_segmentquery` for dynamic and compound segments. Include/exclude messages require "
         "`msdyncrm_segmentid` and the member id parameter. A required field cannot be set to null.",
    why="The segment API documentation lists these as mandatory; without them the create fails.",
    example='{ "msdyncrm_segmentname": "Adults", "msdyncrm_segmenttype": 192350000, "statuscode": 192350000 }',
    use_instead='{ "msdyncrm_segmentname": "Adults", "msdyncrm_segmenttype": 192350000, '
                '"statuscode": 192350000, "msdyncrm_segmentquery": "PROFILE(contact)" }')
UNKNOWN_FIELD = _request(
    "R018", "unknown-field", "A key that is not a column of `msdyncrm_segment` or a parameter of the message.",
    what="Checks record keys against the columns of the `msdyncrm_segment` table, message keys "
         "against the parameters of the message and `$select` names of a retrieve against the "
         "columns, with the closest known name. OData annotations (`@odata.etag`, "
         "`x@odata.bind`...) and `_x_value` lookup properties are accepted.",
    why="The Web API rejects a body with an undeclared property.",
    example='{ "msdyncrm_segmentnam": "Adults" }', use_instead='{ "msdyncrm_segmentname": "Adults" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Renaming to a key that differs only in letter case is "
    "safe; renaming to another close name is unsafe.")
FIELD_VARIANT = _request(
    "R019", "non-canonical-field-name", "A field name the documentation uses in one place, where the "
    "operation expects another.",
    what="Reports `msdyncrm_query` in a segment record (the column is `msdyncrm_segmentquery`), "
         "`msdyncrm_segmentmemberid` in a segment record (the column is `msdyncrm_segmentmemberids`), "
         "`msdyncrm_segmentmemberids` in a singular include/exclude message (its parameter is "
         "`msdyncrm_segmentmemberid`) and `msdyncrm_segmentmemberid` in a plural message (its "
         "parameter is `msdyncrm_segmentmemberids`). The value is still checked under the canonical "
         "name.",
    why="Versions of the segment API documentation spell these fields differently. The table "
        "definition of `msdyncrm_segment` has only `msdyncrm_segmentquery` and "
        "`msdyncrm_segmentmemberids`, and the Web API rejects any other property name in a record, "
        "so those two are errors. The message parameters follow the latest documented signature; "
        "for the plural messages the documentation itself once used the singular name, so that case "
        "is a warning.",
    example='{ "msdyncrm_segmentmemberid": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }',
    use_instead='{ "msdyncrm_segmentmemberids": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Renaming a record key is safe; renaming a plural "
    "message parameter is unsafe, because one version of the documentation used the other name.")
UNKNOWN_SEGMENT_TYPE = _request(
    "R020", "unknown-segment-type", "`msdyncrm_segmenttype` is not one of its option values.",
    what="Accepts 192350000 (dynamic), 192350001 (static) and 192350002 (compound). A label given as "
         "a string (`\"static\"`) gets the matching value as a fix.",
    why="The service stores option values, not labels; any other number is rejected.",
    example='{ "msdyncrm_segmenttype": "static" }', use_instead='{ "msdyncrm_segmenttype": 192350001 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when the label matches exactly (ignoring case, "
    "spaces and the word \"segment\"); unsafe when it is only close.")
UNKNOWN_STATUS = _request(
    "R021", "unknown-status-reason", "`statuscode` is not one of its option values.",
    what="Accepts the status reasons of `msdyncrm_segment`: 192350000 draft, 192350001 live, "
         "192350002 stopped, 192350003 live editable, 192350004 expired, 192350005 error, "
         "192350006 going live, 192350007 stopping. A label given as a string (`\"live\"`) gets the "
         "matching value as a fix.",
    why="The service stores option values, not labels; any other number is rejected.",
    example='{ "statuscode": "live" }', use_instead='{ "statuscode": 192350001 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when the label matches exactly (ignoring case "
    "and separators); unsafe when it is only close.")
QUERY_ON_STATIC = _request(
    "R022", "query-on-static-segment", "A static segment is given a segment query.",
    severity=Severity.WARNING,
    what="Reports `msdyncrm_segmentquery` on a segment whose type is static. The query is still "
         "checked, as a static query.",
    why="A static segment's members are the ids it is given; only dynamic and compound segments "
        "are defined by a query, so the query is at best unused.",
    example='{ "msdyncrm_segmenttype": 192350001, "msdyncrm_segmentquery": "PROFILE(contact)" }',
    use_instead='{ "msdyncrm_segmenttype": 192350000, "msdyncrm_segmentquery": "PROFILE(contact)" }')
STATUS_JUMP = _request(
    "R023", "direct-status-jump", "A request sets a segment straight to live or stopped.",
    severity=Severity.WARNING,
    what="Reports a create or update that sets `statuscode` to 192350001 (live), and an update that "
         "sets it to 192350002 (stopped). Recommends 192350006 (going live) and 192350007 "
         "(stopping).",
    why="The current segment API documentation asks to go through going live and stopping: going "
        "live validates the segment before the system sets it live, and stopping lets running "
        "evaluations finish. Setting live directly skips that validation.",
    example='{ "statuscode": 192350001 }', use_instead='{ "statuscode": 192350006 }',
    fix=FixAvailability.UNSAFE, fix_safety="Unsafe: the segment then goes live only if it "
    "validates, and the final status is set by the system a moment later.")
BAD_TRANSITION = _request(
    "R024", "invalid-status-transition", "The new status cannot follow the segment's current status.",
    what="When the current status of the segment is known (`known_segments`), checks the new "
         "`statuscode` against the transitions of the status model: draft -> going live, live or "
         "expired; live -> stopping, stopped, going live, live editable or error; stopped -> "
         "expired or going live; and so on.",
    why="The service refuses a status change outside its status model.",
    example="PATCH .../msdyncrm_segments(<a draft segment>)\n{ \"statuscode\": 192350007 }",
    use_instead="PATCH .../msdyncrm_segments(<a draft segment>)\n{ \"statuscode\": 192350006 }")
TOO_LONG = _request(
    "R025", "field-too-long", "A string is longer than its column allows.",
    what="Checks the maximum lengths of the table definition: 100 characters for "
         "`msdyncrm_segmentname`, 4,000 for `msdyncrm_segmentquery`, 1,000,000 for "
         "`msdyncrm_segmentmemberids`, and so on.",
    why="The service rejects values longer than the column.",
    example='{ "msdyncrm_segmentname": "<101 characters>" }')
BAD_SEGMENT_ID = _request(
    "R026", "malformed-segment-id", "A segment id is not a GUID.",
    what="Checks the id in `msdyncrm_segments(<id>)` and the `msdyncrm_segmentid` of a message or "
         "record, and says what is wrong (a group too short, a character that is not hexadecimal, "
         "braces...). `{{placeholders}}` are accepted.",
    why="The service looks segments up by GUID; anything else is a 400 or a 404.",
    example='{ "msdyncrm_segmentid": "59AC8BBF-57E7-E811-A9A9-000D3A35F4" }',
    use_instead='{ "msdyncrm_segmentid": "59AC8BBF-57E7-E811-A9A9-000D3A35F403" }',
    fix=FixAvailability.SOMETIMES, fix_safety="A `crm` prefix on a segment id is removed by a safe fix; "
    "other malformed ids get no fix, since the right digits are unknown.")
BAD_MEMBER_LIST = _request(
    "R027", "invalid-member-id-list", "Member ids are not given in the form the field takes.",
    what="`msdyncrm_segmentmemberids` and the plural messages take a string holding a JSON array of "
         "ids; the singular messages take one id. Reports a string that is not such an array, an "
         "array of non-strings, an empty array, and a one-element array sent to a singular message.",
    why="The service parses the string itself; a malformed list rejects the whole request.",
    example='{ "msdyncrm_segmentmemberids": "crm1405f4ba-1ee9-e811-a99d-000d3a35f12f" }',
    use_instead='{ "msdyncrm_segmentmemberids": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Wrapping a single id in an array, or unwrapping a "
    "one-element array for a singular message, is safe.")
BAD_MEMBER_ID = _request(
    "R028", "malformed-member-id", "A member id is not a GUID (with an optional `crm` prefix).",
    what="Checks every id of a member list, says which one (by its place in the list) is wrong and "
         "why, and points at it inside the string.",
    why="Every id must exist or the whole include/exclude request is rejected; a malformed id never "
        "exists.",
    example='{ "msdyncrm_segmentmemberids": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f1\\"]" }',
    use_instead='{ "msdyncrm_segmentmemberids": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }')
MISSING_CRM_PREFIX = _request(
    "R029", "missing-crm-prefix", "A static segment member id lacks its `crm` prefix.",
    severity=Severity.WARNING,
    what="Reports ids in a segment record's `msdyncrm_segmentmemberids` that are plain GUIDs.",
    why="The prefix marks the id as a Dataverse record id. The documentation requires it where the "
        "legacy (DCI) segmentation is installed, which reads unprefixed ids as its own kind of id.",
    example='{ "msdyncrm_segmentmemberids": "[\\"1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }',
    use_instead='{ "msdyncrm_segmentmemberids": "[\\"crm1405f4ba-1ee9-e811-a99d-000d3a35f12f\\"]" }',
    fix=FixAvailability.SAFE, fix_safety="Adding `crm` only marks the id type.")
TOO_MANY_MEMBERS = _request(
    "R030", "too-many-member-ids", "More than 10,000 member ids in one request.",
    what="Counts the ids of an include/exclude message or a record's member list.",
    why="The documentation limits a request to 10,000 contacts; send several requests instead.",
    example='{ "msdyncrm_segmentmemberids": "[<10,001 ids>]" }')
PLURAL_NEEDED = _request(
    "R031", "several-ids-to-singular-message", "Several ids are sent to a message that takes one.",
    what="Reports `msdyncrm_IncludeMemberInSegment` and `msdyncrm_ExcludeMemberFromSegment` called "
         "with a list of several ids.",
    why="The singular messages take one id; the plural ones (`msdyncrm_IncludeMembersInSegment`, "
        "`msdyncrm_ExcludeMembersFromSegment`) take a list and are faster for several records.",
    example="POST .../msdyncrm_IncludeMemberInSegment\n"
            '{ "msdyncrm_segmentid": "...", "msdyncrm_segmentmemberid": "[\\"a...\\", \\"b...\\"]" }',
    use_instead="POST .../msdyncrm_IncludeMembersInSegment\n"
                '{ "msdyncrm_segmentid": "...", "msdyncrm_segmentmemberids": "[\\"a...\\", \\"b...\\"]" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Offered in request files, where the URL can be "
    "edited: it renames the message and its member parameter; safe.")
SEGMENT_NOT_ACTIVE = _request(
    "R032", "segment-not-live-or-stopped", "Members are included in or excluded from a dynamic or "
    "compound segment that is not live or stopped.",
    what="When the type and status of the target segment are known (`known_segments`), reports "
         "include/exclude on a dynamic or compound segment whose status is draft or any other status "
         "than live or stopped.",
    why="The documentation requires dynamic and compound segments to be live or stopped for "
        "include/exclude; a draft segment has no members to change.",
    example="known: 59ac8bbf-... is a draft dynamic segment\n"
            "POST .../msdyncrm_IncludeMembersInSegment\n{ \"msdyncrm_segmentid\": \"59ac8bbf-...\", ... }")
MEMBERS_ON_QUERY_SEGMENT = _request(
    "R033", "member-ids-on-non-static-segment", "A dynamic or compound segment record is given member ids.",
    severity=Severity.WARNING,
    what="Reports `msdyncrm_segmentmemberids` on a record whose type is dynamic or compound.",
    why="The column holds static segment members; the members of a dynamic or compound segment "
        "come from its query. Use the include/exclude messages to add or remove members of those.",
    example='{ "msdyncrm_segmenttype": 192350000, "msdyncrm_segmentmemberids": "[...]" }')
DUPLICATE_MEMBER = _request(
    "R034", "duplicate-member-id", "The same member id appears twice in one list.",
    severity=Severity.WARNING,
    what="Compares ids case-insensitively and without the `crm` prefix, and points at the first "
         "occurrence.",
    why="A repeated id does nothing but counts toward the 10,000 limit; it often hides a copy-paste "
        "mistake where another id was meant.",
    example='"[\\"crm1405f4ba-...\\", \\"crm1405f4ba-...\\"]"',
    fix=FixAvailability.SAFE, fix_safety="Removing the repeated id keeps the same set of members.")
UNKNOWN_OPTION = _request(
    "R035", "unknown-option-value", "A choice column other than type and status has a value outside its options.",
    what="Checks `msdyncrm_querytype`, `msdyncrm_scope`, `msdyncrm_segmentactivationstatus`, "
         "`msdyncrm_externalsource` and `statecode` against their documented option values.",
    why="The service rejects option values it does not define.",
    example='{ "msdyncrm_scope": 270100002 }', use_instead='{ "msdyncrm_scope": 270100000 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when a label given as a string matches an "
    "option exactly; unsafe when it is only close.")

COMMENT_IN_QUERY = _request(
    "R036", "comment-in-query", "A segment query sent to the service contains a comment.",
    what="Reports `//` and `/* */` comments inside `msdyncrm_segmentquery` and the `msdynmkt_segmentquery` "
         "of a real-time segment definition.",
    why="Comments belong to `.segq` source files, and the export strips them: the service's query "
        "language has no comments, so a query that carries one is rejected.",
    example='{ "msdyncrm_segmentquery": "PROFILE(contact) // adults only" }',
    use_instead='{ "msdyncrm_segmentquery": "PROFILE(contact)" }',
    fix=FixAvailability.SAFE, fix_safety="Removing a comment does not change the query.")

# ------------------------------------------------------------------ real-time journeys

_realtime = functools.partial(_request, dialects=("realtime",))

REALTIME_UNKNOWN_COLUMN = _realtime(
    "R040", "realtime-unknown-column", "A key that is not a known column of `msdynmkt_segmentdefinition` or "
    "`msdynmkt_segment`.",
    severity=Severity.WARNING,
    what="Checks the keys of a real-time segment definition or segment record against the columns the "
         "vendor's Web API article and live orgs show, plus the system columns every Dataverse table has "
         "(`createdon`, `ownerid`, `statecode`...), and names the closest known column. OData annotations "
         "(`x@odata.bind`) and `_x_value` lookup properties are accepted.",
    why="The Web API rejects a body with an undeclared property. The full table definitions of the real-time "
        "tables are not published, so a column segquery does not know may still exist in an org: a warning, "
        "not an error.",
    example='{ "msdynmkt_segmentqeury": "PROFILE(contact)" }',
    use_instead='{ "msdynmkt_segmentquery": "PROFILE(contact)" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Renaming to a key that differs only in letter case is safe; "
    "renaming to another close name is unsafe.")
REALTIME_MISSING_FIELD = _realtime(
    "R041", "realtime-missing-field", "A field a real-time record or action needs is absent, empty or null.",
    what="On create, a segment definition needs `msdynmkt_segmentquery` (or, for a static segment, its "
         "members: `msdynmkt_staticlistmembers` or `msdynmkt_includedmembers`); a segment needs "
         "`msdynmkt_displayname`, `msdynmkt_type`, `msdynmkt_source`, `msdynmkt_baseentitylogicalname` and "
         "`msdynmkt_sourcesegmentuid`, the link to its definition. `msdynmkt_PublishSegmentDefinition` and "
         "`msdynmkt_MembersList` need `SegmentId`. None of these can be set to null.",
    why="A segment is two records: without its query the definition selects nothing, and a segment without "
        "its link, type, source or base table does not appear in Customer Insights - Journeys.",
    example='POST .../msdynmkt_segments\n{ "msdynmkt_displayname": "Adults", "msdynmkt_type": 11 }',
    use_instead='POST .../msdynmkt_segments\n{ "msdynmkt_displayname": "Adults", "msdynmkt_type": 11, '
                '"msdynmkt_source": 12,\n  "msdynmkt_baseentitylogicalname": "contact", '
                '"msdynmkt_sourcesegmentuid": "<definition id>" }')
REALTIME_UNKNOWN_OPTION = _realtime(
    "R042", "realtime-unknown-option", "A choice column of a real-time record has a value outside its options.",
    what="Checks `statecode` (0 active, 1 inactive) and `statuscode` of a definition (723270000 live, "
         "723270001 draft, 723270002 going live, 723270003 deleted) and of a segment (1 active, 2 inactive, "
         "3 error, 4 deleted, 5 exporting, 6 computing, 7 computed with warnings, 11 faulted), `msdynmkt_type` "
         "(10 static, 11 dynamic), `msdynmkt_source` (12 Customer Insights - Journeys) and `msdynmkt_scope` "
         "(270100000). A label given as a string gets the matching value as a fix.",
    why="The service rejects option values it does not define; the outbound values (192350000...) are "
        "a common mistake when moving segments to real-time journeys.",
    example='{ "msdynmkt_type": 192350000 }', use_instead='{ "msdynmkt_type": 11 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when a label given as a string matches an option "
    "exactly; unsafe when it is only close.")
INVALID_BASE_TABLE = _realtime(
    "R043", "invalid-base-table", "`msdynmkt_baseentitylogicalname` is neither `contact` nor `lead`.",
    what="Checks the base table of a real-time segment.",
    why="Real-time journeys segments select contacts or leads only (the vendor article: \"only supports "
        "contacts and leads\"); the name is a logical name, in lower case.",
    example='{ "msdynmkt_baseentitylogicalname": "Contact" }',
    use_instead='{ "msdynmkt_baseentitylogicalname": "contact" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Writing `contact` or `lead` for the same word in another "
    "case is safe; other names get no fix.")
REALTIME_BAD_ID = _realtime(
    "R044", "realtime-malformed-id", "An id of a real-time request is not a GUID.",
    what="Checks the id in `msdynmkt_segmentdefinitions(<id>)` and `msdynmkt_segments(<id>)`, "
         "`msdynmkt_sourcesegmentuid`, the record ids, `SegmentId` of the actions, the `groupId` of a "
         "static member group and every id of `msdynmkt_includedmembers` / `msdynmkt_excludedmembers`, and "
         "says what is wrong. `{{placeholders}}` are accepted.",
    why="Records are found by GUID; anything else is a 400 or a 404, and a malformed link leaves the "
        "segment without its definition.",
    example='{ "msdynmkt_sourcesegmentuid": "4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f1" }',
    use_instead='{ "msdynmkt_sourcesegmentuid": "4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f10" }')
INVALID_STATIC_LIST = _realtime(
    "R045", "invalid-static-list-members", "`msdynmkt_staticlistmembers` is not a string that holds a JSON "
    "array of member groups.",
    what="The value is a string; inside it, a JSON array of groups, each an object with `groupId` (a GUID), "
         "`includeType` (`Include` or `Exclude`), `name` (a string) and `inputType` (`manualSelect`). Reports "
         "an array sent as an array, JSON inside the string that cannot be read (its deviations are reported "
         "as for a body, inside the string), a group that is not an object, a missing or unknown key, a "
         "value of the wrong type or outside its options, and two groups with the same `groupId`. Positions "
         "point into the string.",
    why="The service reads the string itself; a malformed group list rejects the whole definition.",
    example='{ "msdynmkt_staticlistmembers": "[{\\"groupId\\": \\"...\\", \\"includeType\\": \\"include\\"}]" }',
    use_instead='{ "msdynmkt_staticlistmembers": "[{\\"groupId\\": \\"...\\", \\"includeType\\": \\"Include\\", '
                '\\"name\\": \\"Group 1\\", \\"inputType\\": \\"manualSelect\\"}]" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Sending an array as the string that holds it, and writing "
    "`Include`, `Exclude` or `manualSelect` for the same word in another case, are safe.")
TOO_MANY_GROUPS = _realtime(
    "R046", "too-many-static-groups", "More than 10 member groups in `msdynmkt_staticlistmembers`.",
    what="Counts the groups of a static segment definition.",
    why="A static segment holds at most 10 member groups; merge groups or split the segment.",
    example='{ "msdynmkt_staticlistmembers": "[<11 groups>]" }')
EMPTY_STATIC_LIST = _realtime(
    "R047", "empty-static-list-string", "`msdynmkt_staticlistmembers` is an empty string instead of `\"[]\"`.",
    severity=Severity.WARNING,
    what="Reports `\"\"` (or white space) as the value of `msdynmkt_staticlistmembers`.",
    why="The field holds a JSON array even when there are no groups: the vendor writes `\"[]\"`, and an "
        "empty string is not JSON for the service to read.",
    example='{ "msdynmkt_staticlistmembers": "" }', use_instead='{ "msdynmkt_staticlistmembers": "[]" }',
    fix=FixAvailability.SAFE, fix_safety="`[]` says the same thing: no groups.")
INVALID_GUID_LIST = _realtime(
    "R048", "invalid-member-guid-list", "`msdynmkt_includedmembers` or `msdynmkt_excludedmembers` is not a "
    "comma-separated list of GUIDs.",
    what="The older member fields take one string of GUIDs separated by commas. Reports a JSON array (given "
         "as an array or inside the string), another separator (`;`, a line break), an empty item between "
         "two commas, and a `crm` prefix, which these fields do not use.",
    why="The service splits the string at commas; anything else makes ids it cannot find.",
    example='{ "msdynmkt_includedmembers": "[\\"1405f4ba-...\\", \\"2405f4ba-...\\"]" }',
    use_instead='{ "msdynmkt_includedmembers": "1405f4ba-...,2405f4ba-..." }',
    fix=FixAvailability.SOMETIMES, fix_safety="Rewriting an array of id strings, another separator or an "
    "empty item as the comma-separated list of the same ids is safe.")
TOO_MANY_IDS_PER_CALL = _realtime(
    "R049", "too-many-ids-per-call", "More than 1,000 member ids in one real-time request.",
    what="Counts the ids of `msdynmkt_includedmembers` and of `msdynmkt_excludedmembers` of one body.",
    why="Static member operations of real-time journeys accept at most 1,000 ids per call (and 200,000 per "
        "group); send several requests instead.",
    example='{ "msdynmkt_includedmembers": "<1,001 ids>" }')
DUPLICATE_REALTIME_MEMBER = _realtime(
    "R050", "duplicate-realtime-member", "The same id appears twice in a real-time member list.",
    severity=Severity.WARNING,
    what="Compares the ids of `msdynmkt_includedmembers` or `msdynmkt_excludedmembers` without case and "
         "points at the first occurrence.",
    why="A repeated id does nothing but counts toward the 1,000 ids per call; it often hides a copy-paste "
        "mistake where another id was meant.",
    example='{ "msdynmkt_includedmembers": "1405f4ba-...,1405f4ba-..." }',
    fix=FixAvailability.SAFE, fix_safety="Removing the repeated id keeps the same set of members.")
MIXED_MEMBER_FORMS = _realtime(
    "R051", "mixed-member-forms", "A definition gives its members in the older and the newer form at once.",
    severity=Severity.WARNING,
    what="Reports `msdynmkt_includedmembers` or `msdynmkt_excludedmembers` next to a non-empty "
         "`msdynmkt_staticlistmembers` in one body.",
    why="The comma-separated fields are the older form, the group list the newer one; which one the "
        "service keeps is not documented, so one of them is silently ignored.",
    example='{ "msdynmkt_staticlistmembers": "[{...}]", "msdynmkt_includedmembers": "1405f4ba-..." }',
    use_instead='{ "msdynmkt_staticlistmembers": "[{...}]" }')
UNKNOWN_ACTION_PARAMETER = _realtime(
    "R052", "unknown-action-parameter", "A key that is not a parameter of a real-time segment action.",
    what="`msdynmkt_PublishSegmentDefinition` and `msdynmkt_MembersList` take one parameter, `SegmentId`. "
         "Reports any other key, with the closest name.",
    why="Action parameters are case-sensitive; the service rejects a body with a parameter it does not "
        "declare.",
    example='POST .../msdynmkt_PublishSegmentDefinition\n{ "segmentId": "4f6ab2f0-..." }',
    use_instead='POST .../msdynmkt_PublishSegmentDefinition\n{ "SegmentId": "4f6ab2f0-..." }',
    fix=FixAvailability.SOMETIMES, fix_safety="Renaming a parameter that differs only in letter case is "
    "safe; renaming another close name is unsafe.")
BODY_DIALECT_MISMATCH = _request(
    "R053", "body-dialect-mismatch", "A body's fields belong to the other segment API than its URL, or to both.",
    what="A body is read in the dialect its fields name: `msdynmkt_*` fields are real-time journeys "
         "(`msdynmkt_segmentdefinitions`, `msdynmkt_segments`), `msdyncrm_*` fields outbound marketing "
         "(`msdyncrm_segments`). Reports real-time fields sent to an outbound URL and the reverse (the body "
         "is then checked as the record its fields describe), and a body that mixes both.",
    why="Outbound marketing and real-time journeys keep segments in different tables with different "
        "columns and option values; a body for one is rejected by the other.",
    example='POST .../msdyncrm_segments\n{ "msdynmkt_segmentquery": "PROFILE(contact)" }',
    use_instead='POST .../msdynmkt_segmentdefinitions\n{ "msdynmkt_segmentquery": "PROFILE(contact)" }')
REALTIME_DIRECT_LIVE = _realtime(
    "R054", "realtime-direct-live", "A segment definition is set to live directly.",
    severity=Severity.WARNING,
    what="Reports `statuscode` 723270000 (live) in the body of a create or update of a segment definition.",
    why="A definition goes live when the service has evaluated its query: create it as draft or going live "
        "(723270002) and call `msdynmkt_PublishSegmentDefinition`. Setting live directly skips the "
        "evaluation, and the segment has no members.",
    example='{ "msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": 723270000 }',
    use_instead='{ "msdynmkt_segmentquery": "PROFILE(contact)", "statuscode": 723270002 }',
    fix=FixAvailability.UNSAFE, fix_safety="Going live instead of live changes what the service does "
    "with the request; check that this is what you meant.")
INCLUDED_AND_EXCLUDED = _realtime(
    "R055", "member-included-and-excluded", "The same id is in `msdynmkt_includedmembers` and "
    "`msdynmkt_excludedmembers`.",
    severity=Severity.WARNING,
    what="Compares the two older member lists of one body, without case.",
    why="An id both included and excluded is at best excluded; one of the two lists is likely wrong.",
    example='{ "msdynmkt_includedmembers": "1405f4ba-...", "msdynmkt_excludedmembers": "1405f4ba-..." }')
INVALID_BUSINESS_UNIT_BIND = _realtime(
    "R056", "invalid-business-unit-bind", "`owningbusinessunit@odata.bind` is not `/businessunits(<id>)`.",
    what="Checks the business unit a real-time segment record is bound to: a string naming the entity set "
         "and the business unit's GUID, `/businessunits(<id>)`. A bare GUID gets the full form as a fix; a "
         "malformed id inside is R044.",
    why="`@odata.bind` takes the address of the related record, not its id; anything else is rejected "
        "with a 400.",
    example='{ "owningbusinessunit@odata.bind": "2a3f6c1e-8b2d-4e5f-9a1b-3c4d5e6f7a8b" }',
    use_instead='{ "owningbusinessunit@odata.bind": "/businessunits(2a3f6c1e-8b2d-4e5f-9a1b-3c4d5e6f7a8b)" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Writing a bare GUID in the `/businessunits(...)` form is safe; "
    "other values get no fix.")

ALL_CODES: tuple[str, ...] = (tuple(f"R{number:03d}" for number in range(1, 37))
                              + tuple(f"R{number:03d}" for number in range(40, 57)))
