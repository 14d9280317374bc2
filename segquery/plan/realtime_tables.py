"""The real-time interaction tables (`msdynmkt_*`) and their columns, from the
vendor's reference guide for real-time marketing interactions.

A row's profile is named by an id column (`msdynmkt_entityid` in designer
output, or `msdynmkt_profileid`) and the profile's table by the column of the
same name followed by `_logicalname`, which a query's FILTER tests.
"""

from __future__ import annotations

from segquery.plan.kinds import ColumnKind

# Real-time interaction tables (`msdynmkt_emailopened`...) and the time of an interaction.
REALTIME_PREFIX = "msdynmkt_"
REALTIME_TIMESTAMP = "msdynmkt_originaltimestamp"

_COMMON = ("msdynmkt_journeyid", "msdynmkt_journeyrunid", "msdynmkt_messagetemplateid", "msdynmkt_profileid",
           "msdynmkt_targetentity", "msdynmkt_actionid", "msdynmkt_businessunitid", "msdynmkt_entityid",
           "msdynmkt_entityid_logicalname", "msdynmkt_profileid_logicalname")
_EMAIL = ("msdynmkt_emailaddress", "msdynmkt_sourcesystem")
_PUSH = ("msdynmkt_deviceid", "msdynmkt_platform")
_SMS = ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_recipientphonenumer",
        "msdynmkt_senderphonenumber")

_OWN: dict[str, tuple[str, ...]] = {
    "msdynmkt_emailblocked": _EMAIL + ("msdynmkt_details", "msdynmkt_reason", "msdynmkt_category"),
    "msdynmkt_emaildelivered": _EMAIL + ("msdynmkt_deliveredcount", "msdynmkt_details"),
    "msdynmkt_emailbounced": _EMAIL + ("msdynmkt_bouncetype", "msdynmkt_details", "msdynmkt_category"),
    "msdynmkt_emaillinkclicked": _EMAIL + ("msdynmkt_targeturl", "msdynmkt_linkname", "msdynmkt_linktext",
                                           "msdynmkt_details"),
    "msdynmkt_emailopened": _EMAIL + ("msdynmkt_details",),
    "msdynmkt_emailsent": _EMAIL + ("msdynmkt_details",),
    "msdynmkt_emailfeedbackloop": _EMAIL + ("msdynmkt_details",),
    "msdynmkt_emailaddressoptedout": _EMAIL + ("msdynmkt_reason",),
    "msdynmkt_smsbounced": _SMS + ("msdynmkt_reason",),
    "msdynmkt_smsnotsent": _SMS + ("msdynmkt_reason",),
    "msdynmkt_smsdelivered": _SMS,
    "msdynmkt_smssent": _SMS,
    "msdynmkt_smslinkclicked": ("msdynmkt_country", "msdynmkt_targeturl", "msdynmkt_linkname",
                                "msdynmkt_recipientphonenumer"),
    "msdynmkt_smsreceived": ("msdynmkt_country", "msdynmkt_organizationcontactpoint", "msdynmkt_phoneprovidertype",
                             "msdynmkt_text", "msdynmkt_usercontactpoint"),
    "msdynmkt_smsconsentnotgiven": (),
    "msdynmkt_pushnotificationlinkclicked": _PUSH + ("msdynmkt_linkname", "msdynmkt_targeturl"),
    "msdynmkt_pushnotificationnotsent": _PUSH + ("msdynmkt_reason",),
    "msdynmkt_pushnotificationopened": _PUSH,
    "msdynmkt_pushnotificationsent": _PUSH,
}

_NUMBERS = {"msdynmkt_deliveredcount"}


def realtime_interaction_columns() -> dict[str, dict[str, ColumnKind]]:
    """Table -> column -> kind, for every real-time interaction table."""
    tables: dict[str, dict[str, ColumnKind]] = {}
    for table, own in _OWN.items():
        columns = {name: ColumnKind.NUMBER if name in _NUMBERS else ColumnKind.STRING for name in _COMMON + own}
        columns[REALTIME_TIMESTAMP] = ColumnKind.DATETIME
        tables[table] = columns
    return tables
