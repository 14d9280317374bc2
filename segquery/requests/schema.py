"""What the service knows about `msdyncrm_segment` and the segment messages.

Transcribed from the reference data of the project (the `msdyncrm_segment`
table definition and the segment API documentation, as collected in
`marketing.json` and `tables.json`); a test compares this module with those
files whenever they are present, so the two cannot drift apart silently.
"""

from __future__ import annotations

import re

from segquery.fast_dataclass import dataclass

TABLE = "msdyncrm_segment"
ENTITY_SET = "msdyncrm_segments"

NAME = "msdyncrm_segmentname"
TYPE = "msdyncrm_segmenttype"
STATUS = "statuscode"
QUERY = "msdyncrm_segmentquery"
MEMBER_IDS = "msdyncrm_segmentmemberids"
SEGMENT_ID = "msdyncrm_segmentid"
MEMBER_ID = "msdyncrm_segmentmemberid"   # the singular messages' parameter

DYNAMIC, STATIC, COMPOUND = 192350000, 192350001, 192350002
DRAFT, LIVE, STOPPED, LIVE_EDITABLE, EXPIRED, ERROR, GOING_LIVE, STOPPING = (
    192350000, 192350001, 192350002, 192350003, 192350004, 192350005, 192350006, 192350007)

SEGMENT_TYPES: dict[int, str] = {DYNAMIC: "Dynamic segment", STATIC: "Static segment",
                                 COMPOUND: "Compound segment"}
# The query kind a segment type implies, in the vocabulary of the query checker.
QUERY_KIND: dict[int, str] = {DYNAMIC: "dynamic", STATIC: "static", COMPOUND: "compound"}

STATUS_REASONS: dict[int, str] = {
    DRAFT: "Draft", LIVE: "Live", STOPPED: "Stopped", LIVE_EDITABLE: "Live editable",
    EXPIRED: "Expired", ERROR: "Error", GOING_LIVE: "Going live", STOPPING: "Stopping",
}
# The status model of the table definition: which status may follow which.
STATUS_TRANSITIONS: dict[int, tuple[int, ...]] = {
    DRAFT: (GOING_LIVE, LIVE, EXPIRED),
    LIVE: (STOPPING, STOPPED, GOING_LIVE, LIVE_EDITABLE, ERROR),
    STOPPED: (EXPIRED, GOING_LIVE),
    LIVE_EDITABLE: (LIVE, ERROR, GOING_LIVE),
    EXPIRED: (),
    ERROR: (GOING_LIVE, STOPPING),
    GOING_LIVE: (LIVE, ERROR),
    STOPPING: (STOPPED, ERROR),
}

# Other choice columns and their options.
OPTION_SETS: dict[str, dict[int, str]] = {
    TYPE: SEGMENT_TYPES,
    STATUS: STATUS_REASONS,
    "statecode": {0: "Active", 1: "Inactive"},
    "msdyncrm_querytype": {192350000: "Interaction based", 192350001: "Profile based"},
    "msdyncrm_scope": {270100000: "Organization", 270100001: "Business unit"},
    "msdyncrm_segmentactivationstatus": {192350000: "Active", 192350001: "Disabled"},
    "msdyncrm_externalsource": {192350000: "Customer Insight"},
    "msdyncrm_segmentrefreshrate": {192350000: "1 minute", 192350001: "3 minutes", 192350002: "6 minutes"},
}

# Column -> Dataverse attribute type.
COLUMNS: dict[str, str] = {
    "createdby": "Lookup", "createdon": "DateTime", "createdonbehalfby": "Lookup",
    "importsequencenumber": "Integer", "modifiedby": "Lookup", "modifiedon": "DateTime",
    "modifiedonbehalfby": "Lookup", "msdyncrm_description": "Memo",
    "msdyncrm_externalsegmenturl": "String", "msdyncrm_externalsource": "Picklist",
    "msdyncrm_islive": "Boolean", "msdyncrm_lastevaluationtime": "DateTime",
    "msdyncrm_lastupdatedtime": "DateTime", "msdyncrm_nextevaluation": "DateTime",
    "msdyncrm_querytype": "Picklist", "msdyncrm_scope": "Picklist",
    "msdyncrm_segmentactivationstatus": "Picklist",
    "msdyncrm_segmentevaluationdurationinminutes": "Integer",
    "msdyncrm_segmentevaluationstate": "String", "msdyncrm_segmentevaluationtype": "String",
    "msdyncrm_segmentfilterquery": "Memo", "msdyncrm_segmentid": "Uniqueidentifier",
    "msdyncrm_segmentmemberids": "Memo", "msdyncrm_segmentname": "String",
    "msdyncrm_segmentnameview": "String", "msdyncrm_segmentprovisioningstate": "String",
    "msdyncrm_segmentquery": "Memo", "msdyncrm_segmentqueryname": "String",
    "msdyncrm_segmentrefreshrate": "Picklist",
    "msdyncrm_segmentrefreshrateintervalminutes": "Integer", "msdyncrm_segmentsize": "Integer",
    "msdyncrm_segmenttargetprofiletypename": "String", "msdyncrm_segmenttemplate": "Lookup",
    "msdyncrm_segmenttimezone": "Integer", "msdyncrm_segmenttype": "Picklist",
    "overriddencreatedon": "DateTime", "ownerid": "Owner", "owneridname": "String",
    "owneridtype": "EntityName", "owneridyominame": "String", "owningbusinessunit": "Lookup",
    "owningteam": "Lookup", "owninguser": "Lookup", "statecode": "State", "statuscode": "Status",
    "timezoneruleversionnumber": "Integer", "utcconversiontimezonecode": "Integer",
    "versionnumber": "BigInt",
}

MAX_LENGTHS: dict[str, int] = {
    NAME: 100, QUERY: 4000, MEMBER_IDS: 1_000_000, "msdyncrm_segmentqueryname": 100,
    "msdyncrm_segmenttargetprofiletypename": 1000, "msdyncrm_segmentfilterquery": 4000,
    "msdyncrm_segmentevaluationstate": 100, "msdyncrm_segmentevaluationtype": 100,
    "msdyncrm_segmentprovisioningstate": 100,
}

REQUIRED_ON_CREATE: tuple[str, ...] = (NAME, TYPE, STATUS)

# Field names the documentation uses that are not the column names; see R019.
RECORD_VARIANTS: dict[str, str] = {"msdyncrm_query": QUERY, MEMBER_ID: MEMBER_IDS}

MAX_MEMBER_IDS = 10_000


@dataclass(frozen=True)
class MemberMessage:
    """An include/exclude message and the name of its member parameter."""

    name: str
    plural: bool
    include: bool

    @property
    def member_parameter(self) -> str:
        return MEMBER_IDS if self.plural else MEMBER_ID

    @property
    def counterpart(self) -> str:
        """The message that does the same with one id (plural) or several (singular)."""
        verb, target = ("Include", "In") if self.include else ("Exclude", "From")
        return f"msdyncrm_{verb}Member{'' if self.plural else 's'}{target}Segment"


MEMBER_MESSAGES: dict[str, MemberMessage] = {
    message.name: message for message in (
        MemberMessage("msdyncrm_IncludeMemberInSegment", plural=False, include=True),
        MemberMessage("msdyncrm_IncludeMembersInSegment", plural=True, include=True),
        MemberMessage("msdyncrm_ExcludeMemberFromSegment", plural=False, include=False),
        MemberMessage("msdyncrm_ExcludeMembersFromSegment", plural=True, include=False),
    )
}
VALIDATE_MESSAGE = "msdyncrm_ValidateSegment"

GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}")


def is_placeholder(text: str) -> bool:
    """`{{SegmentId}}`-style template variables stand for values filled in later."""
    return PLACEHOLDER.fullmatch(text.strip()) is not None


def normalize_id(text: str) -> str:
    """The comparable form of an id: lower case, without `crm` prefix or braces."""
    text = text.strip().lower()
    if text.startswith("crm"):
        text = text[3:]
    return text.strip("{}")


def guid_problem(text: str) -> str | None:
    """Why `text` is not a GUID, in a few words, or None when it is one."""
    if GUID.fullmatch(text):
        return None
    if not text:
        return "it is empty"
    if text.startswith("{") and text.endswith("}") and GUID.fullmatch(text[1:-1]):
        return "braces are not part of the id here"
    for index, char in enumerate(text):
        if char != "-" and char not in "0123456789abcdefABCDEF":
            shown = f"`{char}`" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
            return f"{shown} at character {index + 1} is not a hexadecimal digit"
    groups = text.split("-")
    if len(groups) != 5:
        digits = len(text.replace("-", ""))
        if len(groups) == 1 and digits == 32:
            return "the dashes are missing (8-4-4-4-12 digits)"
        return f"it has {len(groups)} group{'s' if len(groups) != 1 else ''} of digits, a GUID has 5 (8-4-4-4-12)"
    for number, (group, size) in enumerate(zip(groups, (8, 4, 4, 4, 12)), start=1):
        if len(group) != size:
            return f"group {number} has {len(group)} digit{'s' if len(group) != 1 else ''}, {size} are needed"
    return "it is not in the 8-4-4-4-12 form"
