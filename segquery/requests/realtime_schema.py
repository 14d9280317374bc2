"""What the service knows about real-time journeys segments (`msdynmkt_*`).

A segment is two records: `msdynmkt_segmentdefinition`, which holds the query
and the static members, and `msdynmkt_segment`, the addressable segment, whose
`msdynmkt_sourcesegmentuid` is the definition's id. The columns are those of
the vendor's Web API article and of records read from live orgs, plus the
system columns of every Dataverse table; the full table definitions are not
published (see docs/requests.md).
"""

from __future__ import annotations

from typing import Iterable

from segquery.requests import codes
from segquery.requests.tables import ColumnTable

DEFINITION_TABLE = "msdynmkt_segmentdefinition"
DEFINITION_SET = "msdynmkt_segmentdefinitions"
SEGMENT_TABLE = "msdynmkt_segment"
SEGMENT_SET = "msdynmkt_segments"
ENTITY_SETS: tuple[str, ...] = (DEFINITION_SET, SEGMENT_SET)

PUBLISH_ACTION = "msdynmkt_PublishSegmentDefinition"
MEMBERS_LIST_ACTION = "msdynmkt_MembersList"
ACTIONS: tuple[str, ...] = (PUBLISH_ACTION, MEMBERS_LIST_ACTION)
ACTION_PARAMETER = "SegmentId"

PREFIX = "msdynmkt_"

# msdynmkt_segmentdefinition
DEFINITION_ID = "msdynmkt_segmentdefinitionid"
QUERY = "msdynmkt_segmentquery"
STATIC_LIST = "msdynmkt_staticlistmembers"
INCLUDED = "msdynmkt_includedmembers"
EXCLUDED = "msdynmkt_excludedmembers"
MEMBER_LISTS: tuple[str, ...] = (INCLUDED, EXCLUDED)
STATUS = "statuscode"
STATE = "statecode"
DEFINITION_LIVE, DEFINITION_DRAFT, DEFINITION_GOING_LIVE, DEFINITION_DELETED = (
    723270000, 723270001, 723270002, 723270003)

# msdynmkt_segment
SEGMENT_ID = "msdynmkt_segmentid"
DISPLAY_NAME = "msdynmkt_displayname"
TYPE = "msdynmkt_type"
SOURCE = "msdynmkt_source"
BASE_TABLE = "msdynmkt_baseentitylogicalname"
SOURCE_UID = "msdynmkt_sourcesegmentuid"
BUSINESS_UNIT_BIND = "owningbusinessunit@odata.bind"
STATIC, DYNAMIC = 10, 11
BASE_TABLES: tuple[str, ...] = ("contact", "lead")

MAX_GROUPS = 10
MAX_IDS_PER_CALL = 1_000
GROUP_KEYS: dict[str, str] = {"groupId": "a GUID", "includeType": "Include or Exclude", "name": "a string",
                              "inputType": "manualSelect"}
INCLUDE_TYPES: tuple[str, ...] = ("Include", "Exclude")
INPUT_TYPES: tuple[str, ...] = ("manualSelect",)

# The system columns of every Dataverse table.
_SYSTEM_COLUMNS: dict[str, str] = {
    "createdby": "Lookup", "createdon": "DateTime", "createdonbehalfby": "Lookup",
    "importsequencenumber": "Integer", "modifiedby": "Lookup", "modifiedon": "DateTime",
    "modifiedonbehalfby": "Lookup", "overriddencreatedon": "DateTime", "ownerid": "Owner",
    "owningbusinessunit": "Lookup", "owningteam": "Lookup", "owninguser": "Lookup",
    "timezoneruleversionnumber": "Integer", "utcconversiontimezonecode": "Integer", "versionnumber": "BigInt",
    STATE: "State", STATUS: "Status",
}
_STATES: dict[int, str] = {0: "Active", 1: "Inactive"}

DEFINITION = ColumnTable(
    DEFINITION_TABLE,
    {**_SYSTEM_COLUMNS, DEFINITION_ID: "Uniqueidentifier", QUERY: "Memo", STATIC_LIST: "Memo", INCLUDED: "Memo",
     EXCLUDED: "Memo", "msdynmkt_disablesegmentrefresh": "Boolean",
     "msdynmkt_segmentrefreshintervalminutes": "Integer", "msdynmkt_sourcesegmentcreatedon": "DateTime",
     "msdynmkt_sourcesegmentcreatedby": "String"},
    {STATE: _STATES, STATUS: {DEFINITION_LIVE: "Live", DEFINITION_DRAFT: "Draft",
                              DEFINITION_GOING_LIVE: "Going live", DEFINITION_DELETED: "Deleted"}},
    option_code=codes.REALTIME_UNKNOWN_OPTION, id_code=codes.REALTIME_BAD_ID)

SEGMENT = ColumnTable(
    SEGMENT_TABLE,
    {**_SYSTEM_COLUMNS, SEGMENT_ID: "Uniqueidentifier", DISPLAY_NAME: "String", TYPE: "Picklist",
     SOURCE: "Picklist", BASE_TABLE: "String", SOURCE_UID: "Uniqueidentifier", "msdynmkt_scope": "Picklist",
     "msdynmkt_cdmpartitionprimarykeycolumn": "String"},
    {STATE: _STATES,
     STATUS: {1: "Active", 2: "Inactive", 3: "Error", 4: "Deleted", 5: "Exporting", 6: "Computing",
              7: "Computed with warnings", 11: "Faulted"},
     TYPE: {STATIC: "Static", DYNAMIC: "Dynamic"},
     SOURCE: {12: "Customer Insights - Journeys"},
     "msdynmkt_scope": {270100000: "Organization"}},
    option_code=codes.REALTIME_UNKNOWN_OPTION, id_code=codes.REALTIME_BAD_ID)

TABLES: dict[str, ColumnTable] = {DEFINITION_SET: DEFINITION, SEGMENT_SET: SEGMENT}
REQUIRED: dict[str, tuple[str, ...]] = {
    DEFINITION_TABLE: (),   # the query or the members: see realtime_record
    SEGMENT_TABLE: (DISPLAY_NAME, TYPE, SOURCE, BASE_TABLE, SOURCE_UID),
}
# Columns that only one of the two records has: they tell which record a bare body is.
_DEFINITION_ONLY = frozenset({DEFINITION_ID, QUERY, STATIC_LIST, INCLUDED, EXCLUDED,
                              "msdynmkt_disablesegmentrefresh", "msdynmkt_segmentrefreshintervalminutes",
                              "msdynmkt_sourcesegmentcreatedon", "msdynmkt_sourcesegmentcreatedby"})
_SEGMENT_ONLY = frozenset({SEGMENT_ID, DISPLAY_NAME, TYPE, SOURCE, BASE_TABLE, SOURCE_UID, "msdynmkt_scope",
                           "msdynmkt_cdmpartitionprimarykeycolumn"})


def is_realtime_key(name: str) -> bool:
    return name.lower().startswith(PREFIX)


def is_outbound_key(name: str) -> bool:
    return name.lower().startswith("msdyncrm_")


def entity_set_for(keys: Iterable[str]) -> str | None:
    """The real-time table a body's keys describe (its entity set), or None when they name neither.

    A key of the segment record decides for the segment; definition keys, or
    other `msdynmkt_` keys, for the definition.
    """
    names = [name for name in keys if "@" not in name]
    if any(name in _SEGMENT_ONLY for name in names):
        return SEGMENT_SET
    if any(name in _DEFINITION_ONLY or is_realtime_key(name) for name in names):
        return DEFINITION_SET
    return None
