"""A reproducible corpus of realistic segment queries for the benchmarks.

Shapes follow what the Marketing designer and the documentation produce:
aliased profile chains with multi-condition filters, traversals, interactions
with windows, compound set operations and member fetches.
"""

from __future__ import annotations

import random

CITIES = ["Seattle", "Redmond", "London", "Paris", "Berlin", "Oslo", "Lisbon", "Austin"]
COUNTRIES = ["USA", "Canada", "UK", "France", "Germany", "Norway", "Portugal"]
STRING_ATTRIBUTES = ["address1_city", "address1_country", "jobtitle", "lastname", "firstname", "emailaddress1"]
NUMBER_ATTRIBUTES = ["numberofchildren", "annualincome", "creditlimit"]
DATE_ATTRIBUTES = ["birthdate", "createdon", "modifiedon", "lastusedincampaign"]
INTERACTIONS = ["EmailOpened", "EmailClicked", "RedirectLinkClicked", "EmailSoftBounced", "FormSubmitted",
                "EventRegistration", "WebsiteVisited"]


def _condition(rng: random.Random, alias: str | None, *, realtime: bool = False) -> str:
    """A condition of one of six shapes; in real-time journeys' forms (infix CONTAINS only, IN lists)
    with `realtime`."""
    prefix = f"{alias}." if alias else ""
    kind = rng.randrange(6)
    if kind == 0:
        return f"{prefix}address1_city == '{rng.choice(CITIES)}'"
    if kind == 1:
        operator = "CONTAINS" if realtime else rng.choice(["CONTAINS", "STARTSWITH", "ENDSWITH"])
        return f"{prefix}{rng.choice(STRING_ATTRIBUTES)} {operator} '{rng.choice(CITIES)[:3]}'"
    if kind == 2:
        return f"{prefix}{rng.choice(NUMBER_ATTRIBUTES)} {rng.choice(['>', '>=', '<', '<='])} {rng.randrange(1, 90000)}"
    if kind == 3 and realtime:
        values = ", ".join(str(rng.randrange(1, 40)) for _ in range(rng.randrange(2, 6)))
        return f"{prefix}industrycode IN [{values}]"
    if kind == 3:
        return f"DATEDIFF(DAY, {prefix}{rng.choice(DATE_ATTRIBUTES)}, DATETIMEUTCNOW()) < {rng.randrange(1, 365)}"
    if kind == 4:
        return f"{rng.choice(['ISNULL', 'ISNOTNULL'])}({prefix}{rng.choice(STRING_ATTRIBUTES)})"
    return f"NOT({prefix}address1_country == '{rng.choice(COUNTRIES)}' || " \
           f"{prefix}address1_country == '{rng.choice(COUNTRIES)}')"


def _filter(rng: random.Random, alias: str | None, *, multiline: bool, realtime: bool = False) -> str:
    conditions = [_condition(rng, alias, realtime=realtime) for _ in range(rng.randrange(1, 6))]
    joiner = "\n        && " if multiline else " && "
    return joiner.join(conditions)


def _set_operation(rng: random.Random, names: list[str]) -> str:
    """`SEGMENT(a) UNION SEGMENT(b) ...` over `names`, with operators drawn after the names."""
    operators = [rng.choice(["UNION", "INTERSECT", "EXCEPT"]) for _ in names[1:]]
    text = f"SEGMENT({names[0]})"
    for operator, name in zip(operators, names[1:]):
        text += f" {operator} SEGMENT({name})"
    return text


def realistic_query(rng: random.Random, index: int) -> str:
    shape = rng.randrange(6)
    multiline = rng.random() < 0.4
    if shape == 0:
        return f"PROFILE(contact, contact_1).FILTER({_filter(rng, 'contact_1', multiline=multiline)})"
    if shape == 1:
        return ("PROFILE(account, account_1)\n    .FILTER(account_1.numberofemployees > "
                f"{rng.randrange(10, 5000)})\n    .TRAVERSE(contact_account_parentcustomerid, contact_1)\n"
                f"    .FILTER({_filter(rng, 'contact_1', multiline=multiline)})")
    if shape == 2:
        interaction = rng.choice(INTERACTIONS)
        window = rng.choice(["UTCDAYS", "UTCMONTHS", "UTCYEARS"])
        return (f"INTERACTION({interaction}, {interaction}_ContactLink)"
                f".HAVING(COUNT() > {rng.randrange(0, 20)}, {window}({rng.randrange(1, 30)}))")
    if shape == 3:
        return _set_operation(rng, [f"segment_{rng.randrange(10_000)}" for _ in range(rng.randrange(2, 6))])
    if shape == 4:
        return (f"(SEGMENT(segment_{index})).ORDERBY(fullname ASC, createdon DESC)"
                f".SKIP({rng.randrange(0, 500)}).TAKE(15).SELECT(contactid, fullname, emailaddress1)")
    return (f"// Contacts of leads, generated #{index}\nPROFILE(lead, lead_1)\n"
            f"    .FILTER(lead_1.leadqualitycode == {rng.randrange(1, 4)})\n"
            f"    .TRAVERSE(lead_contact_parentcontactid, contact_1)\n"
            f"    .FILTER({_filter(rng, 'contact_1', multiline=multiline)})")


def realistic_corpus(count: int = 1000, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    return [realistic_query(rng, index) for index in range(count)]


def long_or_chain(target_bytes: int = 1_000_000) -> str:
    """One query of about `target_bytes` with a long `||` chain (an exported list of addresses)."""
    parts = []
    size = 0
    index = 0
    while size < target_bytes:
        part = f"emailaddress1 == 'user{index}@contoso.com'"
        parts.append(part)
        size += len(part) + 4
        index += 1
    return "PROFILE(contact).FILTER(" + " || ".join(parts) + ")"


# ---------------------------------------------------------------- real-time journeys

REALTIME_INTERACTIONS = ["msdynmkt_emailopened", "msdynmkt_emaillinkclicked", "msdynmkt_emailsent",
                         "msdynmkt_emaildelivered", "msdynmkt_smsdelivered", "msdynmkt_pushnotificationopened"]


def realtime_query(rng: random.Random, index: int) -> str:
    """The shapes of `realistic_query`, written as real-time journeys writes them."""
    shape = rng.randrange(6)
    multiline = rng.random() < 0.4
    if shape == 0:
        return f"PROFILE(contact).FILTER({_filter(rng, None, multiline=multiline, realtime=True)})"
    if shape == 1:
        return ("PROFILE(contact)\n    .RELATE(contact_customer_accounts, account_1)\n"
                f"    .FILTER(account_1.numberofemployees > {rng.randrange(10, 5000)})\n"
                f"    .FILTER({_filter(rng, None, multiline=multiline, realtime=True)})")
    if shape == 2:
        interaction = rng.choice(REALTIME_INTERACTIONS)
        window = rng.choice(["UTCDAYS", "UTCMONTHS", "UTCYEARS"])
        return (f"INTERACTION({interaction}, msdynmkt_entityid)"
                ".FILTER(msdynmkt_entityid_LogicalName == 'contact')"
                f".HAVING(COUNT() > {rng.randrange(0, 20)}, {window}({rng.randrange(1, 30)}))")
    if shape == 3:
        return _set_operation(rng, [f"SEGMENT_CJO_ID_{rng.getrandbits(128):032x}"
                                    for _ in range(rng.randrange(2, 6))])
    if shape == 4:
        return (f"PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, account_1, "
                f"RELATE(account_primary_contact, contact_2)).FILTER(ISNULL(contact_2.fullname) "
                f"|| account_1.name CONTAINS '{rng.choice(CITIES)}')")
    return (f"// Leads, generated #{index}\nPROFILE(lead)\n"
            f"    .FILTER(leadqualitycode == {rng.randrange(1, 4)})\n"
            f"    .RELATE(lead_parent_contact, contact_1)\n"
            f"    .FILTER({_filter(rng, 'contact_1', multiline=multiline, realtime=True)})")


def realtime_corpus(count: int = 1000, seed: int = 2026) -> list[str]:
    rng = random.Random(seed)
    return [realtime_query(rng, index) for index in range(count)]
