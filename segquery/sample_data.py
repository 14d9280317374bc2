"""A synthetic dataset shaped like a Dataverse export, to try queries on.

One CSV file per table, named after the table (`contact.csv`), with logical
names as columns: the profile tables (contact, account, lead), event
registrations, the outbound interactions (one file per interaction type, with
the interaction's own field names) and the real-time journeys interaction
tables (`msdynmkt_emailopened.csv`, with `msdynmkt_entityid` and its
discriminator `msdynmkt_entityid_LogicalName`). Values are drawn so that the
bundled examples select a share of the profiles: cities such as Seattle and
Redmond, option values of the bundled schema, dates spread over the last
years up to `now`, missing values and empty strings.

The rows are computed and written by DuckDB's streaming CSV writer, a table at
a time, so memory stays bounded whatever the size. Every value is a hash of
the row number, the column and the seed: the same seed, `now` and DuckDB
version give the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from segquery.schema import default_schema

# ---------------------------------------------------------------- the values drawn

FIRST_NAMES = ("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kavya",
               "Liam", "Maria", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor",
               "Wen", "Yusuf", "Zoë")
LAST_NAMES = ("Anderson", "Brown", "Chen", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ivanova",
              "Johnson", "Kim", "López", "McAllister", "McDonald", "McKenzie", "Müller", "Nguyen", "O'Brien",
              "Patel", "Rossi", "Smith", "Tanaka", "Williams", "Yilmaz")
# City, state or province, country; the first ones are repeated to be drawn more often.
PLACES = (("Seattle", "WA", "USA"),) * 6 + (("Redmond", "WA", "USA"),) * 3 + (("Kent", "WA", "USA"),) * 2 + (
    ("Bellevue", "WA", "USA"), ("Tacoma", "WA", "USA"), ("Portland", "OR", "USA"), ("San Francisco", "CA", "USA"),
    ("New York", "NY", "USA"), ("Chicago", "IL", "USA"), ("Austin", "TX", "USA"), ("Vancouver", "BC", "Canada"),
    ("Toronto", "ON", "Canada"), ("Mexico City", "CDMX", "Mexico"), ("London", "England", "United Kingdom"),
    ("Dublin", "Leinster", "Ireland"), ("Berlin", "Berlin", "Germany"), ("Paris", "Île-de-France", "France"),
    ("Madrid", "Madrid", "Spain"), ("Tokyo", "Tokyo", "Japan"), ("Sydney", "NSW", "Australia"),
    ("São Paulo", "SP", "Brazil"))
ISO_CODES = {"USA": "US", "Canada": "CA", "Mexico": "MX", "United Kingdom": "GB", "Ireland": "IE", "Germany": "DE",
             "France": "FR", "Spain": "ES", "Japan": "JP", "Australia": "AU", "Brazil": "BR"}
JOB_TITLES = ("Director of Marketing", "VP Sales", "Sales Manager", "Product Manager", "Engineer", "Analyst",
              "Consultant", "Account Executive", "Office Manager", "Chief Financial Officer", "Designer",
              "Marketing Specialist", "IT Director", "Buyer", "Student")
EMAIL_DOMAINS = ("contoso.com",) * 3 + ("fabrikam.com", "adventure-works.com", "example.org", "outlook.com",
                                         "gmail.com", "northwindtraders.com")
COMPANY_WORDS = ("Contoso", "Fabrikam", "Northwind", "Adventure Works", "Litware", "Proseware", "Tailspin",
                 "Wingtip", "Alpine Ski", "Blue Yonder", "Coho", "Fourth Coffee", "Humongous", "Lucerne",
                 "Margie's Travel", "Trey Research", "Woodgrove", "Wide World")
COMPANY_KINDS = ("Ltd.", "Inc.", "Group", "Partners", "Labs", "Holdings", "Toys", "Bank", "Insurance")
LINK_NAMES = ("Spring offer",) * 3 + ("Read more", "Register now", "Unsubscribe", "View in browser",
                                       "Summer sale", "Webinar", "Product page")
TARGET_URLS = ("https://www.contoso.com/offers/spring", "https://www.contoso.com/products",
               "https://www.contoso.com/events/webinar", "https://www.contoso.com/blog/news",
               "https://www.contoso.com/preferences")
REASONS = ("Recipient unknown", "Mailbox full", "Marked as spam", "Consent missing", "Invalid address",
           "Sender blocked")
CATEGORIES = ("Hard", "Soft", "Block", "Spam", "Other")
PHONE_PROVIDERS = ("Azure Communication Services", "Twilio", "TeleSign", "Vonage")
PLATFORMS = ("iOS", "Android")

DAY = 86_400
YEAR = 365 * DAY
LEAD_SHARE = 0.1          # of the interactions with a lead link, this share are a lead's

# ---------------------------------------------------------------- the interaction tables

# Outbound interaction types written, with their share of the outbound interactions.
OUTBOUND_INTERACTIONS = (
    ("EmailSent", 28), ("EmailDelivered", 26), ("EmailOpened", 16), ("EmailClicked", 6),
    ("RedirectLinkClicked", 5), ("EmailSoftBounced", 3), ("EmailHardBounced", 1), ("FormSubmitted", 3),
    ("WebsiteVisited", 10), ("EventRegistration", 2),
)
# The outbound fields written, in this order, where the interaction type has them.
OUTBOUND_FIELDS = ("interactionId", "contactId", "leadId", "customerJourneyId", "messageId", "timestamp",
                   "interactionType", "linkFriendlyName", "originalUrl", "countryIsoCode", "city",
                   "bounceCategory", "formName", "pageAddress", "eventId")

# The real-time interaction tables with their own columns and their share of the real-time interactions.
REALTIME_TABLES = (
    ("msdynmkt_emailsent", ("msdynmkt_details",), 250),
    ("msdynmkt_emaildelivered", ("msdynmkt_deliveredcount", "msdynmkt_details"), 230),
    ("msdynmkt_emailopened", ("msdynmkt_details",), 140),
    ("msdynmkt_emaillinkclicked", ("msdynmkt_targeturl", "msdynmkt_linkname", "msdynmkt_linktext",
                                   "msdynmkt_details"), 60),
    ("msdynmkt_emailbounced", ("msdynmkt_bouncetype", "msdynmkt_details", "msdynmkt_category"), 20),
    ("msdynmkt_emailblocked", ("msdynmkt_details", "msdynmkt_reason", "msdynmkt_category"), 10),
    ("msdynmkt_emailfeedbackloop", ("msdynmkt_details",), 2),
    ("msdynmkt_emailaddressoptedout", ("msdynmkt_reason",), 8),
    ("msdynmkt_smssent", ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_recipientphonenumer",
                          "msdynmkt_senderphonenumber"), 60),
    ("msdynmkt_smsdelivered", ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_recipientphonenumer",
                               "msdynmkt_senderphonenumber"), 55),
    ("msdynmkt_smsbounced", ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_reason",
                             "msdynmkt_recipientphonenumer", "msdynmkt_senderphonenumber"), 5),
    ("msdynmkt_smsnotsent", ("msdynmkt_country", "msdynmkt_phoneprovidertype", "msdynmkt_reason",
                             "msdynmkt_recipientphonenumer", "msdynmkt_senderphonenumber"), 5),
    ("msdynmkt_smslinkclicked", ("msdynmkt_country", "msdynmkt_targeturl", "msdynmkt_linkname",
                                 "msdynmkt_recipientphonenumer"), 15),
    ("msdynmkt_smsreceived", ("msdynmkt_country", "msdynmkt_organizationcontactpoint",
                              "msdynmkt_phoneprovidertype", "msdynmkt_text", "msdynmkt_usercontactpoint"), 10),
    ("msdynmkt_smsconsentnotgiven", (), 5),
    ("msdynmkt_pushnotificationsent", (), 60),
    ("msdynmkt_pushnotificationopened", (), 30),
    ("msdynmkt_pushnotificationlinkclicked", ("msdynmkt_linkname", "msdynmkt_targeturl"), 10),
    ("msdynmkt_pushnotificationnotsent", ("msdynmkt_reason",), 5),
)
# Columns every real-time interaction table has (the profile id column first, with its discriminator).
REALTIME_COMMON = ("msdynmkt_entityid", "msdynmkt_entityid_LogicalName", "msdynmkt_profileid",
                   "msdynmkt_profileid_LogicalName", "msdynmkt_targetentity", "msdynmkt_journeyid",
                   "msdynmkt_journeyrunid", "msdynmkt_messagetemplateid", "msdynmkt_actionid",
                   "msdynmkt_businessunitid", "msdynmkt_originaltimestamp", "createdon")
REALTIME_EMAIL = ("msdynmkt_emailaddress", "msdynmkt_sourcesystem")
REALTIME_PUSH = ("msdynmkt_deviceid", "msdynmkt_platform")


# ---------------------------------------------------------------- SQL over the row number `i`


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_list(values: Iterable[object]) -> str:
    return "[" + ", ".join(_sql_text(value) if isinstance(value, str) else str(value) for value in values) + "]"


def _salt(name: str) -> int:
    """A number per column, so that each column draws its own values."""
    return zlib.crc32(name.encode("utf-8"))


def _draw(name: str, row: str = "i") -> str:
    """A 64-bit number drawn for the row and the column `name`."""
    return f"rnd({row}, {_salt(name)})"


def _unit(name: str) -> str:
    """A number in [0, 1) drawn for the row and the column `name`."""
    return f"({_draw(name)} / 18446744073709551616.0)"


def _pick(values: Sequence[object], name: str) -> str:
    return f"list_element({_sql_list(values)}, 1 + ({_draw(name)} % {len(values)})::BIGINT)"


def _sometimes_null(expression: str, share: float, name: str) -> str:
    return f"CASE WHEN {_unit(name + ':null')} < {share} THEN NULL ELSE {expression} END"


def _guid(table: str, row: str = "i") -> str:
    """The id of row `row` of `table` (the same wherever it is referenced)."""
    return f"guid({row}, {_salt(table)})"


def _between(low: float, high: float, name: str) -> str:
    return f"({low} + {_unit(name)} * {high - low})"


def _when(now: datetime, age_seconds: str) -> str:
    """A UTC time `age_seconds` before `now`, ISO 8601 as Dataverse exports write it."""
    return f"strftime(TIMESTAMP '{now:%Y-%m-%d %H:%M:%S}' - to_seconds(({age_seconds})::BIGINT), '%Y-%m-%dT%H:%M:%SZ')"


def _options(table: str, attribute: str) -> tuple[int, ...]:
    """The option values of a choice column in the bundled schema."""
    found = default_schema().table(table)
    column = found.attribute(attribute) if found is not None else None
    if column is None or not column.options:
        raise ValueError(f"the bundled schema has no options for {table}.{attribute}")
    return tuple(column.options)


def _profile_row(rows: int, name: str) -> str:
    """A profile drawn with a skew: a few profiles have many interactions, most have few."""
    return f"LEAST({rows - 1}, floor({_unit(name)} * {_unit(name + ':skew')} * {rows}))::BIGINT"


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class TableSpec:
    """A table to write: its file name, row count, the values computed once per
    row (`base`, usable by name in the columns) and the columns."""

    name: str
    rows: int
    columns: tuple[tuple[str, str], ...]
    base: tuple[tuple[str, str], ...] = ()

    def select(self) -> str:
        inner = ", ".join(["i"] + [f"{sql} AS {name}" for name, sql in self.base])
        outer = ", ".join(f'{sql} AS "{name}"' for name, sql in self.columns)
        return f"SELECT {outer} FROM (SELECT {inner} FROM range({self.rows}) t(i))"


@dataclass(frozen=True)
class Sizes:
    contacts: int
    accounts: int
    leads: int
    registrations: int
    interactions: int


def _person(table: str, now: datetime) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Base values and name, e-mail and address columns shared by contacts and leads."""
    base = (("first", _pick(FIRST_NAMES, table + ".firstname")), ("last", _pick(LAST_NAMES, table + ".lastname")),
            ("place", f"1 + ({_draw(table + '.place')} % {len(PLACES)})::BIGINT"))
    email = (f"CASE WHEN {_unit(table + '.email')} < 0.05 THEN NULL WHEN {_unit(table + '.email')} < 0.06 THEN '' "
             f"WHEN {_unit(table + '.email')} < 0.07 THEN 'unknown@example.com' "
             f"ELSE lower(strip_accents(replace(first || '.' || last, '''', ''))) || i || '@' || "
             f"{_pick(EMAIL_DOMAINS, table + '.domain')} END")
    city = (f"CASE WHEN {_unit(table + '.city')} < 0.03 THEN NULL WHEN {_unit(table + '.city')} < 0.04 THEN '' "
            f"ELSE list_element({_sql_list(place[0] for place in PLACES)}, place) END")
    columns = (
        ("firstname", "first"), ("lastname", "last"), ("fullname", "first || ' ' || last"),
        ("emailaddress1", email),
        ("jobtitle", _sometimes_null(_pick(JOB_TITLES, table + ".jobtitle"), 0.1, table + ".jobtitle")),
        ("address1_city", city),
        ("address1_stateorprovince", f"list_element({_sql_list(place[1] for place in PLACES)}, place)"),
        ("address1_country", _sometimes_null(f"list_element({_sql_list(place[2] for place in PLACES)}, place)",
                                             0.02, table + ".country")),
        ("createdon", _when(now, f"{_unit(table + '.createdon')} * {6 * YEAR}")),
    )
    return base, columns


def _contact(sizes: Sizes, now: datetime) -> TableSpec:
    base, person = _person("contact", now)
    name = "contact."
    columns = (
        ("contactid", _guid("contact")),
        *person,
        ("modifiedon", _when(now, f"{_unit(name + 'createdon')} * {_unit(name + 'modified')} * {6 * YEAR}")),
        ("mobilephone", _sometimes_null(f"'+1 425 555 ' || lpad(({_draw(name + 'phone')} % 10000)::VARCHAR, 4, '0')",
                                        0.3, name + "phone")),
        ("birthdate", _sometimes_null(f"strftime(DATE '1950-01-01' + ({_draw(name + 'birthdate')} % 20000)::INTEGER,"
                                      " '%Y-%m-%d')", 0.1, name + "birthdate")),
        ("gendercode", _sometimes_null(_pick(_options("contact", "gendercode"), name + "gendercode"), 0.2,
                                       name + "gendercode")),
        ("familystatuscode", _sometimes_null(_pick(_options("contact", "familystatuscode"), name + "family"), 0.3,
                                             name + "family")),
        ("numberofchildren", _sometimes_null(_pick((0, 0, 0, 1, 1, 2, 2, 3, 4, 5), name + "children"), 0.2,
                                             name + "children")),
        ("annualincome", _sometimes_null(f"round({_between(20000, 250000, name + 'income')}, 2)::DECIMAL(12, 2)",
                                         0.3, name + "income")),
        ("creditlimit", _sometimes_null(f"round({_between(0, 50000, name + 'credit')}, 2)::DECIMAL(12, 2)",
                                        0.4, name + "credit")),
        ("preferredcontactmethodcode", _pick(_options("contact", "preferredcontactmethodcode"), name + "method")),
        ("donotbulkemail", f"{_unit(name + 'bulk')} < 0.15"),
        ("donotemail", f"{_unit(name + 'donotemail')} < 0.05"),
        ("parentcustomerid", _sometimes_null(_guid("account", f"({_draw(name + 'account')} % {sizes.accounts})"),
                                             0.15, name + "account")),
        ("parentcustomeridtype", _sometimes_null("'account'", 0.15, name + "account")),
        ("statecode", f"CASE WHEN {_unit(name + 'state')} < 0.9 THEN 0 ELSE 1 END"),
        ("statuscode", f"CASE WHEN {_unit(name + 'state')} < 0.9 THEN 1 ELSE 2 END"),
    )
    return TableSpec("contact", sizes.contacts, columns, base)


def _account(sizes: Sizes, now: datetime) -> TableSpec:
    name = "account."
    base = (("place", f"1 + ({_draw(name + 'place')} % {len(PLACES)})::BIGINT"),
            ("employees", f"floor(pow(10, 1 + 3.5 * {_unit(name + 'employees')}))::BIGINT"))
    columns = (
        ("accountid", _guid("account")),
        ("name", f"{_pick(COMPANY_WORDS, name + 'word')} || ' ' || {_pick(COMPANY_KINDS, name + 'kind')}"),
        ("address1_city", f"list_element({_sql_list(place[0] for place in PLACES)}, place)"),
        ("address1_country", f"list_element({_sql_list(place[2] for place in PLACES)}, place)"),
        ("industrycode", _sometimes_null(_pick(_options("account", "industrycode"), name + "industry"), 0.1,
                                         name + "industry")),
        ("accountcategorycode", _pick(_options("account", "accountcategorycode"), name + "category")),
        ("numberofemployees", _sometimes_null("employees", 0.05, name + "employees")),
        ("revenue", _sometimes_null(f"round(employees * {_between(20000, 500000, name + 'revenue')}, 2)"
                                    "::DECIMAL(18, 2)", 0.1, name + "revenue")),
        ("primarycontactid", _sometimes_null(_guid("contact", f"({_draw(name + 'contact')} % {sizes.contacts})"),
                                             0.2, name + "contact")),
        ("createdon", _when(now, f"{_unit(name + 'createdon')} * {8 * YEAR}")),
        ("statecode", f"CASE WHEN {_unit(name + 'state')} < 0.95 THEN 0 ELSE 1 END"),
        ("statuscode", f"CASE WHEN {_unit(name + 'state')} < 0.95 THEN 1 ELSE 2 END"),
    )
    return TableSpec("account", sizes.accounts, columns, base)


def _lead(sizes: Sizes, now: datetime) -> TableSpec:
    base, person = _person("lead", now)
    name = "lead."
    columns = (
        ("leadid", _guid("lead")),
        *person,
        ("companyname", f"{_pick(COMPANY_WORDS, name + 'word')} || ' ' || {_pick(COMPANY_KINDS, name + 'kind')}"),
        ("leadqualitycode", _sometimes_null(_pick(_options("lead", "leadqualitycode"), name + "quality"), 0.1,
                                            name + "quality")),
        ("leadsourcecode", _sometimes_null(_pick(_options("lead", "leadsourcecode"), name + "source"), 0.2,
                                           name + "source")),
        ("industrycode", _sometimes_null(_pick(_options("lead", "industrycode"), name + "industry"), 0.3,
                                         name + "industry")),
        ("estimatedvalue", _sometimes_null(f"round({_between(500, 50000, name + 'value')}, 2)", 0.3, name + "value")),
        ("parentcontactid", _sometimes_null(_guid("contact", f"({_draw(name + 'contact')} % {sizes.contacts})"),
                                            0.5, name + "contact")),
        ("parentaccountid", _sometimes_null(_guid("account", f"({_draw(name + 'account')} % {sizes.accounts})"),
                                            0.5, name + "account")),
        ("statecode", _pick((0, 0, 0, 1, 2), name + "state")),
    )
    return TableSpec("lead", sizes.leads, columns, base)


def _registration(sizes: Sizes, now: datetime, events: int) -> TableSpec:
    name = "msevtmgt_eventregistration."
    columns = (
        ("msevtmgt_eventregistrationid", _guid("msevtmgt_eventregistration")),
        ("msevtmgt_contactid", _guid("contact", _profile_row(sizes.contacts, name + "contact"))),
        ("msevtmgt_eventid", _guid("msevtmgt_event", f"({_draw(name + 'event')} % {events})")),
        ("msevtmgt_primaryrole", _pick(_options("msevtmgt_eventregistration", "msevtmgt_primaryrole"),
                                       name + "role")),
        ("createdon", _when(now, f"{_unit(name + 'createdon')} * {4 * YEAR}")),
    )
    return TableSpec("msevtmgt_eventregistration", sizes.registrations, columns)


def _interaction_base(sizes: Sizes, table: str, with_leads: bool, now: datetime) -> tuple[tuple[str, str], ...]:
    """Per row: whose interaction it is (a lead's for a share of those that can be), and when."""
    is_lead = f"{_unit(table + '.lead')} < {LEAD_SHARE}" if with_leads else "false"
    return (
        ("is_lead", is_lead),
        ("profile", f"CASE WHEN {is_lead} THEN {_guid('lead', _profile_row(sizes.leads, table + '.who'))} "
                    f"ELSE {_guid('contact', _profile_row(sizes.contacts, table + '.who'))} END"),
        # Recent interactions are more frequent: a quarter of them fall in the last 2 months.
        ("happened", _when(now, f"pow({_unit(table + '.when')}, 2) * {3 * YEAR}")),
    )


def _outbound(sizes: Sizes, interaction: str, rows: int, now: datetime, pools: dict[str, tuple[str, ...]]) -> TableSpec:
    found = default_schema().interaction(interaction)
    assert found is not None, interaction
    with_leads = any(link.lower().endswith("leadlink") for link in found.link_types)
    name = interaction + "."
    country = _pick(tuple(ISO_CODES.values()) + ("US",) * 10, name + "country")
    values = {
        "interactionId": _guid(interaction),
        "contactId": "CASE WHEN is_lead THEN NULL ELSE profile END",
        "leadId": "CASE WHEN is_lead THEN profile END",
        "customerJourneyId": _pick(pools["journey"], name + "journey"),
        "messageId": _pick(pools["message"], name + "message"),
        "timestamp": "happened",
        "interactionType": _sql_text(interaction),
        "linkFriendlyName": _pick(LINK_NAMES, name + "link"),
        "originalUrl": _pick(TARGET_URLS, name + "url"),
        "countryIsoCode": _sometimes_null(country, 0.1, name + "country"),
        "city": _sometimes_null(_pick(tuple(place[0] for place in PLACES), name + "city"), 0.2, name + "city"),
        "bounceCategory": _pick(CATEGORIES, name + "category"),
        "formName": _pick(("Newsletter sign-up", "Contact us", "Event registration"), name + "form"),
        "pageAddress": _pick(TARGET_URLS, name + "page"),
        "eventId": _pick(pools["event"], name + "event"),
    }
    columns = tuple((field, values[field]) for field in OUTBOUND_FIELDS
                    if found.attribute(field) is not None and (field != "leadId" or with_leads))
    return TableSpec(interaction, rows, columns, _interaction_base(sizes, interaction, with_leads, now))


def _realtime(sizes: Sizes, table: str, own: tuple[str, ...], rows: int, now: datetime,
              pools: dict[str, tuple[str, ...]]) -> TableSpec:
    name = table + "."
    kind = "CASE WHEN is_lead THEN 'lead' ELSE 'contact' END"
    values = {
        "msdynmkt_entityid": "profile", "msdynmkt_entityid_LogicalName": kind,
        "msdynmkt_profileid": "profile", "msdynmkt_profileid_LogicalName": kind, "msdynmkt_targetentity": kind,
        "msdynmkt_journeyid": _pick(pools["journey"], name + "journey"),
        "msdynmkt_journeyrunid": _pick(pools["run"], name + "run"),
        "msdynmkt_messagetemplateid": _pick(pools["message"], name + "message"),
        "msdynmkt_actionid": _pick(pools["action"], name + "action"),
        "msdynmkt_businessunitid": _sql_text(pools["business unit"][0]),
        "msdynmkt_originaltimestamp": "happened", "createdon": "happened",
        "msdynmkt_emailaddress": "lower(replace(profile, '-', '')[1:12]) || '@contoso.com'",
        "msdynmkt_sourcesystem": "'Customer Insights - Journeys'",
        "msdynmkt_deviceid": _guid(table + ".device", _profile_row(sizes.contacts, name + "who")),
        "msdynmkt_platform": _pick(PLATFORMS, name + "platform"),
        "msdynmkt_details": _sometimes_null("'{}'", 0.5, name + "details"),
        "msdynmkt_deliveredcount": "1",
        "msdynmkt_targeturl": _pick(TARGET_URLS, name + "url"),
        "msdynmkt_linkname": _pick(LINK_NAMES, name + "link"),
        "msdynmkt_linktext": _sometimes_null(_pick(LINK_NAMES, name + "link"), 0.3, name + "linktext"),
        "msdynmkt_bouncetype": _pick(("Hard", "Soft", "Block"), name + "bounce"),
        "msdynmkt_category": _pick(CATEGORIES, name + "category"),
        "msdynmkt_reason": _pick(REASONS, name + "reason"),
        "msdynmkt_country": _pick(("US", "US", "US", "CA", "GB", "DE"), name + "country"),
        "msdynmkt_phoneprovidertype": _pick(PHONE_PROVIDERS, name + "provider"),
        "msdynmkt_recipientphonenumer": f"'+1 425 555 ' || lpad(({_draw(name + 'phone')} % 10000)::VARCHAR, 4, '0')",
        "msdynmkt_senderphonenumber": "'+1 206 555 0100'",
        "msdynmkt_organizationcontactpoint": "'+1 206 555 0100'",
        "msdynmkt_text": _pick(("STOP", "YES", "HELP", "Thanks!", ""), name + "text"),
        "msdynmkt_usercontactpoint": f"'+1 425 555 ' || lpad(({_draw(name + 'phone')} % 10000)::VARCHAR, 4, '0')",
    }
    extra = REALTIME_EMAIL if table.startswith("msdynmkt_email") else (
        REALTIME_PUSH if table.startswith("msdynmkt_push") else ())
    columns = ((table + "id", _guid(table)),) + tuple(
        (column, values[column]) for column in REALTIME_COMMON + extra + own)
    return TableSpec(table, rows, columns, _interaction_base(sizes, table, True, now))


def _shares(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, exactly (largest remainders first)."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    counts = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda index: (counts[index] - exact[index], index))
    for index in by_remainder[:total - sum(counts)]:
        counts[index] += 1
    return counts


def _pool(kind: str, count: int, seed: int) -> tuple[str, ...]:
    """A few ids shared by many rows (journeys, messages, events...), made from the seed."""
    ids = []
    for number in range(count):
        digits = hashlib.sha256(f"{seed}:{kind}:{number}".encode()).hexdigest()
        ids.append(f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-a{digits[17:20]}-{digits[20:32]}")
    return tuple(ids)


def tables(contacts: int, *, seed: int = 0, interactions: int | None = None,
           now: datetime | None = None) -> list[TableSpec]:
    """What `generate` writes: every table with its rows and columns."""
    if contacts < 1:
        raise ValueError("--contacts must be at least 1")
    total = 10 * contacts if interactions is None else interactions
    if total < 0:
        raise ValueError("--interactions must not be negative")
    moment = _today(now)
    sizes = Sizes(contacts, max(1, contacts // 10), max(1, contacts // 5), max(1, contacts // 4), total)
    pools = {kind: _pool(kind, count, seed) for kind, count in
             (("journey", 12), ("run", 40), ("message", 30), ("action", 25), ("event", 20),
              ("business unit", 1))}
    outbound, realtime = total // 2, total - total // 2
    specs = [_contact(sizes, moment), _account(sizes, moment), _lead(sizes, moment),
             _registration(sizes, moment, len(pools["event"]))]
    for (interaction, _), rows in zip(OUTBOUND_INTERACTIONS,
                                      _shares(outbound, [weight for _, weight in OUTBOUND_INTERACTIONS])):
        specs.append(_outbound(sizes, interaction, rows, moment, pools))
    for (table, own, _), rows in zip(REALTIME_TABLES, _shares(realtime, [weight for *_, weight in REALTIME_TABLES])):
        specs.append(_realtime(sizes, table, own, rows, moment, pools))
    return specs


def _today(now: datetime | None) -> datetime:
    moment = now or datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment


# ---------------------------------------------------------------- writing


def _connect(seed: int, memory_limit: str):
    import duckdb   # only this command needs it: imported here to keep start-up fast

    connection = duckdb.connect(config={"memory_limit": memory_limit, "preserve_insertion_order": True})
    connection.execute("SET enable_progress_bar = false")   # the command says what it wrote when it is done
    connection.execute(f"CREATE MACRO rnd(i, salt) AS hash(i, salt, {int(seed)})")
    connection.execute(
        "CREATE MACRO guid(i, salt) AS printf('%08x-%04x-4%03x-%04x-%012x', rnd(i, salt) >> 32, "
        "(rnd(i, salt) >> 16) & 65535, rnd(i, salt) & 4095, 32768 | ((rnd(i, salt + 1) >> 48) & 16383), "
        "rnd(i, salt + 1) & 281474976710655)")
    return connection


def generate(directory: str | os.PathLike, *, contacts: int, seed: int = 0, interactions: int | None = None,
             now: datetime | None = None, memory_limit: str = "1GB") -> dict[str, int]:
    """Write the dataset into `directory` (created when missing): one `<table>.csv`
    per table. `interactions` (default ten per contact) are split between the
    outbound and the real-time interaction tables; dates run up to `now`
    (default: today, 00:00 UTC). Returns the rows written per table; raises
    OSError when the files cannot be written."""
    specs = tables(contacts, seed=seed, interactions=interactions, now=now)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    import duckdb

    connection = _connect(seed, memory_limit)
    try:
        for spec in specs:
            target = folder / f"{spec.name}.csv"
            quoted = str(target).replace("'", "''")
            try:
                connection.execute(f"COPY ({spec.select()}) TO '{quoted}' (FORMAT csv, HEADER true)")
            except duckdb.IOException as error:
                raise OSError(f"cannot write {target}: {error}") from None
    finally:
        connection.close()
    return {spec.name: spec.rows for spec in specs}
