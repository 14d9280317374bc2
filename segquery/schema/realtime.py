"""The interaction tables of real-time journeys (`msdynmkt_*`), from the vendor's
reference guide for real-time marketing interactions.

An INTERACTION names one of these tables and the column holding the profile id
(`msdynmkt_entityid` in designer output, or `msdynmkt_profileid`); they are the
interaction's "link types". Its FILTER states the profile type with the pseudo
column `<profile id column>_LogicalName` (`'contact'` or `'lead'`). The guide
lists columns without types: ids are GUIDs, the original timestamp a date,
the delivered count an integer, anything else text.
"""

from __future__ import annotations

from segquery.schema.default import default_schema
from segquery.schema.model import Attribute, AttributeType, InteractionType, Schema

PROFILE_ID_COLUMNS = ("msdynmkt_entityid", "msdynmkt_profileid")
LOGICAL_NAME_SUFFIX = "_LogicalName"
PROFILE_TYPES = ("contact", "lead")

_COMMON = ("msdynmkt_journeyid", "msdynmkt_journeyrunid", "msdynmkt_messagetemplateid", "msdynmkt_profileid",
           "msdynmkt_targetentity", "msdynmkt_actionid", "msdynmkt_businessunitid", "msdynmkt_originaltimestamp")
_EMAIL = ("msdynmkt_emailaddress", "msdynmkt_sourcesystem")
_PUSH = ("msdynmkt_deviceid", "msdynmkt_platform")
_SMS = ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_recipientphonenumer",
        "msdynmkt_senderphonenumber")

# Each table's own columns (the guide's spelling, `recipientphonenumer` included).
_OWN: dict[str, tuple[str, ...]] = {
    "msdynmkt_emailblocked": ("msdynmkt_details", "msdynmkt_reason", "msdynmkt_category"),
    "msdynmkt_emaildelivered": ("msdynmkt_deliveredcount", "msdynmkt_details"),
    "msdynmkt_emailbounced": ("msdynmkt_bouncetype", "msdynmkt_details", "msdynmkt_category"),
    "msdynmkt_emaillinkclicked": ("msdynmkt_targeturl", "msdynmkt_linkname", "msdynmkt_linktext", "msdynmkt_details"),
    "msdynmkt_emailopened": ("msdynmkt_details",),
    "msdynmkt_emailsent": ("msdynmkt_details",),
    "msdynmkt_emailfeedbackloop": ("msdynmkt_details",),
    "msdynmkt_emailaddressoptedout": ("msdynmkt_reason",),
    "msdynmkt_smsbounced": _SMS[:2] + ("msdynmkt_reason",) + _SMS[2:],
    "msdynmkt_smsnotsent": _SMS[:2] + ("msdynmkt_reason",) + _SMS[2:],
    "msdynmkt_smsdelivered": _SMS,
    "msdynmkt_smssent": _SMS,
    "msdynmkt_smslinkclicked": ("msdynmkt_country", "msdynmkt_targeturl", "msdynmkt_linkname",
                                "msdynmkt_recipientphonenumer"),
    "msdynmkt_smsreceived": ("msdynmkt_country", "msdynmkt_organizationcontactpoint", "msdynmkt_phoneprovidertype",
                             "msdynmkt_text", "msdynmkt_usercontactpoint"),
    "msdynmkt_smsconsentnotgiven": (),
    "msdynmkt_pushnotificationlinkclicked": ("msdynmkt_linkname", "msdynmkt_targeturl"),
    "msdynmkt_pushnotificationnotsent": ("msdynmkt_reason",),
    "msdynmkt_pushnotificationopened": (),
    "msdynmkt_pushnotificationsent": (),
}


def _column_type(name: str) -> AttributeType:
    if name.endswith("id"):
        return AttributeType.UNIQUEIDENTIFIER
    if name == "msdynmkt_originaltimestamp":
        return AttributeType.DATETIME
    if name == "msdynmkt_deliveredcount":
        return AttributeType.INTEGER
    return AttributeType.STRING


def _interaction(name: str, own: tuple[str, ...]) -> InteractionType:
    extra = _EMAIL if name.startswith("msdynmkt_email") else _PUSH if name.startswith("msdynmkt_push") else ()
    columns = dict.fromkeys((*_COMMON, *extra, *own, *PROFILE_ID_COLUMNS))
    attributes = {column: Attribute(column, _column_type(column)) for column in columns}
    for column in PROFILE_ID_COLUMNS:
        logical = column + LOGICAL_NAME_SUFFIX
        attributes[logical] = Attribute(logical, AttributeType.ENTITYNAME)
    return InteractionType(name, PROFILE_ID_COLUMNS, attributes)


REALTIME_INTERACTIONS: dict[str, InteractionType] = {name: _interaction(name, own) for name, own in _OWN.items()}

_merged: tuple[Schema, Schema] | None = None


def with_realtime_interactions(schema: Schema) -> Schema:
    """`schema` with the real-time interaction tables instead of outbound's bundled
    interaction types; interactions a configured schema adds (custom triggers)
    are kept. The last answer is kept: an editor asks again for the same schema
    on every keystroke."""
    global _merged
    if _merged is None or _merged[0] is not schema:
        bundled = default_schema()
        configured = {name: interaction for name, interaction in schema.interactions.items()
                      if bundled.interaction(name) is None}
        realtime = Schema(schema.tables, schema.relationships, REALTIME_INTERACTIONS)
        _merged = (schema, realtime.merge(Schema(interactions=configured)))
    return _merged[1]


def profile_type_column(name: str) -> str | None:
    """The profile id column of a `<column>_LogicalName` pseudo column, else None."""
    if not name.casefold().endswith(LOGICAL_NAME_SUFFIX.casefold()):
        return None
    column = name[:-len(LOGICAL_NAME_SUFFIX)]
    return next((known for known in PROFILE_ID_COLUMNS if known.casefold() == column.casefold()), None)
