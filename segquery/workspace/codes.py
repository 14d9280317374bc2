"""Codes of the diagnostics about a workspace of segments (W001-W099).

These findings need more than one query: a reference to a segment that does
not exist, cycles, profile types that only disagree once references are
resolved, go-live order. Problems of one query alone belong to the parser and
the validator.
"""

import functools

from segquery.diagnostics import Severity
from segquery.rules.registry import Category, FixAvailability, define


_workspace = functools.partial(define, category=Category.WORKSPACE)


UNKNOWN_SEGMENT = _workspace(
    "W001", "unknown-segment", "`SEGMENT(x)` names no segment of the workspace.",
    what="Reports a reference that matches no segment's name, file stem or backend query name, even "
         "ignoring case, and suggests the closest known name.",
    why="A compound segment that references a renamed or deleted segment cannot be evaluated; the "
        "service only says that the query is invalid, and only when it is saved.",
    example="// in_seattle.segq exists\nSEGMENT(in_seatle) UNION SEGMENT(in_redmond)",
    use_instead="SEGMENT(in_seattle) UNION SEGMENT(in_redmond)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Replacing the name with the closest known name is unsafe: the closest name is not "
               "necessarily the segment the author meant.")
CYCLE = _workspace(
    "W002", "segment-cycle", "Segments reference each other in a cycle.",
    what="Finds every group of segments that reach each other through references (a strongly "
         "connected component) and reports it once, at the first reference of the group, with the "
         "full path through every segment of the group and the location of each reference on it.",
    why="A segment whose members depend on its own members has no value; none of the segments of "
        "the cycle can go live, and none can be expanded into one query.",
    example="// a.segq\nSEGMENT(b) UNION PROFILE(contact)\n// b.segq\nSEGMENT(a) INTERSECT SEGMENT(c)",
    use_instead="// a.segq\nSEGMENT(c) UNION PROFILE(contact)\n// b.segq\nSEGMENT(a) INTERSECT SEGMENT(c)")
SELF_REFERENCE = _workspace(
    "W003", "self-reference", "A segment references itself.",
    what="Reports `SEGMENT(x)` inside the query of `x`.",
    why="The smallest cycle: the segment's members would be defined by themselves.",
    example="// adults.segq\nPROFILE(contact).FILTER(age >= 18) UNION SEGMENT(adults)",
    use_instead="// adults.segq\nPROFILE(contact).FILTER(age >= 18)")
SET_OPERAND_MISMATCH = _workspace(
    "W004", "set-operand-profile-mismatch",
    "Operands of UNION, INTERSECT or EXCEPT reach different profile types once references are resolved.",
    what="Resolves every `SEGMENT(x)` to the profile type its segment ends on, infers the profile type "
         "of each operand of a set operation, and reports an operand whose type differs from the first "
         "operand's when a reference is involved. Operands that differ without any reference are "
         "reported by the validator.",
    why="Both sides of a set operation must select the same profile type; combining contacts with "
        "accounts is rejected, but only the referenced segments' queries show it.",
    example="// accounts_in_seattle.segq ends on account\nSEGMENT(adults) UNION SEGMENT(accounts_in_seattle)",
    use_instead="SEGMENT(adults) UNION SEGMENT(contacts_of_seattle_accounts)")
PROFILE_MISMATCH = _workspace(
    "W005", "segment-profile-mismatch",
    "A referenced segment ends on another profile type than the segment's target.",
    what="Reports a reference whose members become the members of the referencing segment (it is not "
         "followed by TRAVERSE) when the referenced segment ends on another profile type than the "
         "target of the referencing segment. The target is the `msdyncrm_segmenttargetprofiletypename` "
         "of a record, the `// segquery: profile = ...` directive of a file, or else the workspace's "
         "default target, `contact`.",
    why="A Marketing segment must end on its target profile type (contact in the Marketing app); a "
        "reference to an account segment makes the compound segment select accounts.",
    example="// accounts_in_seattle.segq ends on account\nSEGMENT(accounts_in_seattle)",
    use_instead="SEGMENT(accounts_in_seattle).TRAVERSE(contact_account_parentcustomerid)")
LIVE_DEPENDS_ON_INACTIVE = _workspace(
    "W006", "live-segment-references-inactive-segment",
    "A live segment references a segment that is draft, stopped or on its way there.",
    what="When statuses are known (from `statuscode` in records or `// segquery: status = ...` in "
         "files), reports a reference from a live, live editable or going-live segment to a segment that "
         "is draft, stopped, stopping, expired or in error.",
    why="A compound segment is evaluated from the members of the segments it references; when one of "
        "them is not live, the compound segment silently loses or freezes those members. Segments must "
        "go live in dependency order (`segquery deps --order`).",
    example="// engaged.segq: status = live\nSEGMENT(newsletter_openers)   // status = draft",
    use_instead="Take `newsletter_openers` live first, then `engaged`.")
CHAIN_TOO_DEEP = _workspace(
    "W007", "reference-chain-too-deep", "A chain of references is longer than the configured limit.",
    severity=Severity.WARNING,
    what="Reports a segment from which the longest chain of references (a references b, b references "
         "c...) has more links than the limit (8 by default, `max_depth` of the workspace), and shows "
         "the chain. Segments on or behind a cycle are left to `segment-cycle`.",
    why="Each level of a compound segment waits for the levels below it to be evaluated, so deep "
        "chains are slow to go live and to refresh, and hard to reason about.",
    example="a -> b -> c -> d -> e -> f -> g -> h -> i -> j",
    use_instead="Reference the base segments directly, or merge intermediate levels.")
DUPLICATE_NAME = _workspace(
    "W008", "duplicate-segment-name", "Two segments have the same name or the same backend query name.",
    what="Reports every segment after the first whose name (file stem, `name` directive or "
         "`msdyncrm_segmentname`) or backend query name equals another segment's exactly, and points at "
         "the first one.",
    why="A reference to that name cannot say which segment it means; renaming one of them later "
        "silently changes what the references select.",
    example="// examples/a/adults.segq and examples/b/adults.segq",
    use_instead="// examples/a/adults.segq and examples/b/adults_over_65.segq")
AMBIGUOUS_REFERENCE = _workspace(
    "W009", "ambiguous-segment-reference", "`SEGMENT(x)` matches more than one segment.",
    what="Reports a reference that matches several segments at the same level of the matching rules "
         "(exact first, then ignoring case), and lists every candidate with its location.",
    why="Which segment is used would depend on the order in which files are read.",
    example="// Adults.segq and adults.segq exist\nSEGMENT(ADULTS)",
    use_instead="SEGMENT(adults)")
INVALID_DIRECTIVE = _workspace(
    "W010", "invalid-segment-directive", "A `// segquery:` segment directive has a value it does not take.",
    what="Checks the directives that describe a segment in a `.segq` file: `name` (any text), "
         "`id` (a GUID), `type` (dynamic, static or compound), `status` (draft, live, stopped, going "
         "live, stopping...) and `profile` (a table name), and reports a value it does not take or a "
         "directive given twice.",
    why="A mistyped status or name would silently change how the workspace is resolved.",
    example="// segquery: status = livee", use_instead="// segquery: status = live",
    fix=FixAvailability.UNSAFE,
    fix_safety="Replacing an unknown type or status with the closest known one is unsafe: it changes "
               "what the checks assume about the segment.")
UNNAMED_RECORD = _workspace(
    "W011", "unnamed-segment-record", "A segment record has neither a name nor an id.",
    severity=Severity.WARNING,
    what="Reports a record of a JSON file that has no `msdyncrm_segmentname`, "
         "`msdyncrm_segmentqueryname` or `msdyncrm_segmentid`, and a real-time segment definition without "
         "`msdynmkt_segmentdefinitionid`; its references are still checked.",
    why="No other segment can reference it, and reports cannot name it.",
    example='{"msdyncrm_segmentquery": "SEGMENT(adults)"}',
    use_instead='{"msdyncrm_segmentname": "Adults copy", "msdyncrm_segmentquery": "SEGMENT(adults)"}')
NO_SEGMENTS = _workspace(
    "W012", "no-segment-records", "A JSON file named explicitly holds no segment records.",
    severity=Severity.WARNING,
    what="Reports a JSON file given by name that is neither a segment record, an array of records, nor "
         "an OData collection (`{\"value\": [...]}`) of records. JSON files found while searching a "
         "directory are skipped silently when they hold no segments.",
    why="A typo in a path, or a response saved without its `value`, would otherwise leave segments out.",
    example='{"@odata.context": "...", "values": []}',
    use_instead='{"@odata.context": "...", "value": []}')
CROSS_DIALECT_REFERENCE = _workspace(
    "W013", "cross-dialect-reference", "`SEGMENT(x)` names a segment written in the other dialect.",
    what="Reports a reference from a real-time journeys segment to an outbound marketing segment, or the "
         "reverse: the name resolves to a segment of the workspace, or its `SEGMENT_CRM_ID_` / "
         "`SEGMENT_CJO_ID_` id is the id of a segment of the other dialect. Each file is read in its own "
         "dialect (its `dialect` directive, else the configuration); a JSON record in the dialect its fields "
         "name.",
    why="Outbound segments (`msdyncrm_segment`) and real-time segment definitions "
        "(`msdynmkt_segmentdefinition`) live in different tables of different services: neither can "
        "evaluate the other's segments. Moving a compound segment to real-time journeys means moving the "
        "segments it references first, in go-live order, and referencing their new definition ids.",
    example="// engaged.segq, dialect = realtime\n"
            "SEGMENT(SEGMENT_CRM_ID_59ac8bbf57e7e811a9a9000d3a35f403)   // an outbound segment",
    use_instead="// engaged.segq, dialect = realtime\n"
                "SEGMENT(SEGMENT_CJO_ID_4f6ab2f03b1c4d2e9d431c2e9b0a7f10)   // its real-time definition")
UNKNOWN_DEFINITION = _workspace(
    "W014", "unknown-segment-definition", "`SEGMENT(SEGMENT_CJO_ID_<id>)` names no segment definition of "
    "the workspace.",
    what="Reports a real-time reference whose id is neither the `id` directive of a real-time `.segq` file "
         "nor the `msdynmkt_segmentdefinitionid` of a segment definition record, and suggests a known id that "
         "differs only by a few digits.",
    why="A compound segment that references a definition that does not exist cannot go live; the service "
        "says so only when it is published. Keeping the definitions in the workspace also gives the "
        "go-live order (`segquery deps --order`).",
    example="// adults.segq: dialect = realtime, id = 4f6ab2f0-3b1c-4d2e-9d43-1c2e9b0a7f10\n"
            "SEGMENT(SEGMENT_CJO_ID_4f6ab2f03b1c4d2e9d431c2e9b0a7f11)",
    use_instead="SEGMENT(SEGMENT_CJO_ID_4f6ab2f03b1c4d2e9d431c2e9b0a7f10)",
    fix=FixAvailability.UNSAFE,
    fix_safety="Replacing the id with the closest known id is unsafe: the closest id is not necessarily the "
               "definition the author meant.",
    dialects=("realtime",))
UNLINKED_SEGMENT_RECORD = _workspace(
    "W015", "segment-record-without-definition", "A real-time segment record links to a segment definition that "
    "is not in the workspace.",
    severity=Severity.WARNING,
    what="Reports a `msdynmkt_segment` record of a JSON file whose `msdynmkt_sourcesegmentuid` is the id of no "
         "segment definition of the workspace (a real-time `.segq` file with that `id`, or a "
         "`msdynmkt_segmentdefinition` record).",
    why="A real-time segment is two records; a segment without its definition has no query and no members. "
        "The definition may exist only in the org, so this is a warning: keep both records in the workspace, "
        "or correct the link.",
    example='{"msdynmkt_displayname": "Adults", "msdynmkt_sourcesegmentuid": "<an id no definition has>"}',
    use_instead='{"msdynmkt_displayname": "Adults", "msdynmkt_sourcesegmentuid": "<the definition\'s id>"}',
    dialects=("realtime",))
