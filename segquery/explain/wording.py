"""The English words of an explanation: what a table's records are called,
what an interaction means, how operators read."""

from __future__ import annotations

import re

from segquery.syntax import ast

# What the profile did, for the interactions a marketer meets most; the others
# read as "had a `Name` interaction".
INTERACTION_PHRASES = {
    "emailclicked": "clicked a link in an email",
    "emailopened": "opened an email",
    "emailsent": "were sent an email",
    "emaildelivered": "were delivered an email",
    "emailforwarded": "forwarded an email",
    "emailhardbounced": "had an email hard-bounce",
    "emailsoftbounced": "had an email soft-bounce",
    "emailblockbounced": "had an email block-bounce",
    "emailblocked": "had an email blocked",
    "emailsubscriptionsubmit": "submitted a subscription form from an email",
    "redirectlinkclicked": "clicked a redirect link",
    "formsubmitted": "submitted a form",
    "formvisited": "visited a form",
    "websiteclicked": "clicked a link on a website",
    "websitevisited": "visited a website",
    "eventregistration": "registered for an event",
    "eventcheckin": "checked in at an event",
    "segmentsubscribed": "subscribed to a segment",
    "segmentunsubscribed": "unsubscribed from a segment",
    "surveyresponse": "responded to a survey",
    "leadscoreboost": "had their lead score boosted",
    # real-time journeys interaction tables
    "msdynmkt_emailblocked": "had an email blocked",
    "msdynmkt_emaildelivered": "were delivered an email",
    "msdynmkt_emailbounced": "had an email bounce",
    "msdynmkt_emaillinkclicked": "clicked a link in an email",
    "msdynmkt_emailopened": "opened an email",
    "msdynmkt_emailsent": "were sent an email",
    "msdynmkt_emailfeedbackloop": "reported an email as spam",
    "msdynmkt_emailaddressoptedout": "opted out of email at their address",
    "msdynmkt_smsbounced": "had a text message bounce",
    "msdynmkt_smsnotsent": "had a text message not sent",
    "msdynmkt_smsdelivered": "were delivered a text message",
    "msdynmkt_smssent": "were sent a text message",
    "msdynmkt_smslinkclicked": "clicked a link in a text message",
    "msdynmkt_smsreceived": "sent a text message",
    "msdynmkt_smsconsentnotgiven": "had a text message held for lack of consent",
    "msdynmkt_pushnotificationlinkclicked": "clicked a link in a push notification",
    "msdynmkt_pushnotificationnotsent": "had a push notification not sent",
    "msdynmkt_pushnotificationopened": "opened a push notification",
    "msdynmkt_pushnotificationsent": "were sent a push notification",
}

COMPARISONS = {
    ast.CompareOp.EQ: "is",
    ast.CompareOp.NE: "is not",
    ast.CompareOp.GT: "is greater than",
    ast.CompareOp.GE: "is at least",
    ast.CompareOp.LT: "is less than",
    ast.CompareOp.LE: "is at most",
}

DATE_COMPARISONS = {
    ast.CompareOp.EQ: "is",
    ast.CompareOp.NE: "is not",
    ast.CompareOp.GT: "is after",
    ast.CompareOp.GE: "is on or after",
    ast.CompareOp.LT: "is before",
    ast.CompareOp.LE: "is on or before",
}

# How a HAVING count `COUNT() <op> n` reads.
COUNTS = {
    ast.CompareOp.EQ: "exactly",
    ast.CompareOp.NE: "other than",
    ast.CompareOp.GT: "more than",
    ast.CompareOp.GE: "at least",
    ast.CompareOp.LT: "fewer than",
    ast.CompareOp.LE: "at most",
}

STRING_TESTS = {
    ast.StringOp.CONTAINS: "contains",
    ast.StringOp.STARTSWITH: "starts with",
    ast.StringOp.ENDSWITH: "ends with",
}

AGGREGATES = {
    ast.AggregateFunction.SUM: "the sum of",
    ast.AggregateFunction.AVG: "the average of",
    ast.AggregateFunction.MIN: "the smallest",
    ast.AggregateFunction.MAX: "the largest",
}

# A set operation with a segment on its right, and with anything else (a block follows).
SET_OPERATIONS = {
    ast.SetOp.UNION: ("together with those in segment", "together with:"),
    ast.SetOp.INTERSECT: ("who are also in segment", "who are also:"),
    ast.SetOp.EXCEPT: ("except those in segment", "except:"),
}

WINDOW_UNITS = {
    ast.WindowUnit.UTCDAYS: "day",
    ast.WindowUnit.UTCMONTHS: "month",
    ast.WindowUnit.UTCYEARS: "year",
}


def plural(count: int | float | str, noun: str) -> str:
    """`1 day`, `7 days`; a count that is not a number is written as given."""
    return f"{count} {noun}" if str(count) == "1" else f"{count} {noun}s"


def records_of(table: str, display_name: str | None = None) -> str:
    """What a table's records are called: its display name in the plural
    (`Marketing Lists`), else `Contacts` from a plain-word logical name, else
    "Records of `msevtmgt_event`"."""
    if display_name:
        return _plural_noun(display_name)
    if re.fullmatch(r"[A-Za-z]+", table):
        return table[:1].upper() + table[1:].lower() + "s"
    return f"Records of `{table}`"


def record_of(table: str, display_name: str | None = None) -> str:
    """One record of a table: `marketing list`, `account`, or `` `msevtmgt_event` record``."""
    if display_name:
        return in_sentence(display_name)
    return table.lower() if re.fullmatch(r"[A-Za-z]+", table) else f"`{table}` record"


def in_sentence(display_name: str) -> str:
    """A display name inside a sentence: `City` reads "city"; a leading acronym
    (`ID`, `URL`) keeps its case."""
    first = display_name.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return display_name
    return display_name[:1].lower() + display_name[1:]


def _plural_noun(name: str) -> str:
    if re.search(r"[^aeiou]y$", name):
        return name[:-1] + "ies"
    if re.search(r"(s|x|ch|sh)$", name):
        return name + "es"
    return name + "s"


def interaction_phrase(name: str) -> str:
    """What a profile did to have interaction `name`."""
    return INTERACTION_PHRASES.get(name.casefold(), f"had a `{name}` interaction")


def join_alternatives(items: list[str], word: str) -> str:
    """`a`, `a or b`, `a, b or c`."""
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]
