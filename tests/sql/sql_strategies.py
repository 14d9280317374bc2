"""Hypothesis strategies for the differential tests: query texts over the tables
of sql_tables.COLUMNS, and small datasets full of edge cases (nulls, empty
strings, case, dates at the edges of windows, profiles with no interactions)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import strategies as st

from segquery.query_plan import ColumnKind
from sql_tables import COLUMNS, NOW, kind

WORDS = ["Seattle", "seattle", "SEATTLE", "Kent", "", "sea", "it's", "Mc Kay", "a%b", "x_y"]
PATTERNS = ["sea", "SEA", "", "ttle", "Mc", "%", "_", "'"]
NUMBERS = [0, 1, 2, 3, -1, 10, 2.5]
DAYS = [0, 1, 6, 7, 8, 30, 31, 365, 366]
# Moments around NOW: on the edges of 7-day, 1-month and 1-year windows, and inside them.
MOMENTS = [NOW, NOW - timedelta(days=7), NOW - timedelta(days=7, seconds=1), NOW - timedelta(days=7) + timedelta(seconds=1),
           NOW - timedelta(days=31), NOW.replace(month=2, day=28), NOW.replace(month=2, day=28, hour=11, minute=59, second=59),
           NOW.replace(year=2025), NOW.replace(year=2025) - timedelta(seconds=1), NOW - timedelta(hours=1),
           NOW + timedelta(days=1), NOW.replace(day=1, hour=0), NOW.replace(year=2024, month=2, day=29)]
# Interaction times: on each window's first moment, just before it, at NOW and after it.
EDGES = [NOW, NOW - timedelta(days=7), NOW - timedelta(days=7, seconds=1), NOW - timedelta(days=1),
         NOW.replace(month=2, day=28), NOW.replace(month=2, day=28, hour=11, minute=59, second=59),
         NOW.replace(year=2025), NOW.replace(year=2025) - timedelta(seconds=1), NOW + timedelta(seconds=1)]
IDS = ["c1", "c2", "c3", "c4", "c5"]
ACCOUNTS = ["a1", "a2", "a3"]

_LITERAL = {
    ColumnKind.STRING: st.sampled_from(WORDS).map(lambda w: "'" + w.replace("\\", "\\\\").replace("'", "\\'") + "'"),
    ColumnKind.NUMBER: st.sampled_from(NUMBERS).map(str),
    ColumnKind.BOOLEAN: st.sampled_from(["TRUE", "FALSE"]),
    ColumnKind.DATETIME: st.sampled_from(MOMENTS).map(
        lambda m: f"DATE({m.year}, {m.month}, {m.day}, {m.hour}, {m.minute}, {m.second})"),
}
_OPERATORS = st.sampled_from(["==", "!=", ">", ">=", "<", "<="])
_PARTS = st.sampled_from(["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"])

# Columns a generated condition may read, per table (no ids: they are joined on).
_READABLE = {table: [c for c in columns if not c.lower().endswith(("id", "logicalname"))]
             for table, columns in COLUMNS.items()}


def _quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _column(draw, table: str, qualifier: str | None) -> tuple[str, ColumnKind]:
    """A readable column of `table`: its name as a condition writes it, and its kind."""
    column = draw(st.sampled_from(_READABLE[table]))
    return (f"{qualifier}.{column}" if qualifier else column), kind(table, column)


def _null_test(draw, name: str) -> str:
    return f"{draw(st.sampled_from(['ISNULL', 'ISNOTNULL']))}({name})"


@st.composite
def atoms(draw, table: str, qualifier: str | None = None) -> str:
    name, column_kind = _column(draw, table, qualifier)
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return _null_test(draw, name)
    if column_kind is ColumnKind.STRING and choice in (1, 2):
        return f"{name} {draw(st.sampled_from(['CONTAINS', 'STARTSWITH', 'ENDSWITH']))} {_quoted(draw(st.sampled_from(PATTERNS)))}"
    if column_kind is ColumnKind.DATETIME and choice == 1:
        return (f"DATEDIFF({draw(_PARTS)}, {name}, DATETIMEUTCNOW()) {draw(_OPERATORS)} "
                f"{draw(st.sampled_from(DAYS))}")
    if column_kind is ColumnKind.DATETIME and choice == 2:
        return f"{name} {draw(_OPERATORS)} DATEADD({draw(_PARTS)}, -{draw(st.sampled_from(DAYS))}, DATETIMEUTCNOW())"
    if column_kind is ColumnKind.NUMBER and choice == 1:
        other = draw(st.sampled_from([c for c in _READABLE[table] if kind(table, c) is ColumnKind.NUMBER]))
        other_name = f"{qualifier}.{other}" if qualifier else other
        arithmetic = draw(st.sampled_from([f"{name} * 2 + 1", f"{name} / {other_name}", f"{name} - {other_name}",
                                           f"-{name}"]))
        return f"{arithmetic} {draw(_OPERATORS)} {draw(st.sampled_from(NUMBERS))}"
    equality = st.sampled_from(["==", "!="])
    if column_kind is ColumnKind.BOOLEAN or (column_kind is ColumnKind.STRING and draw(st.booleans())):
        operator = draw(equality)
    else:
        operator = draw(_OPERATORS)
    return f"{name} {operator} {draw(_LITERAL[column_kind])}"


@st.composite
def conditions(draw, table: str, qualifier: str | None = None, depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(atoms(table, qualifier))
    shape = draw(st.integers(0, 2))
    if shape == 0:
        return f"NOT({draw(conditions(table, qualifier, depth - 1))})"
    joiner = " && " if shape == 1 else " || "
    parts = draw(st.lists(conditions(table, qualifier, depth - 1), min_size=2, max_size=3))
    return "(" + joiner.join(parts) + ")"


@st.composite
def contact_chains(draw) -> str:
    """A chain that ends on contact: from contact, or from account through its contacts."""
    if draw(st.booleans()):
        text = "PROFILE(contact, c)"
        for _ in range(draw(st.integers(0, 2))):
            text += f".FILTER({draw(conditions('contact', draw(st.sampled_from([None, 'c']))))})"
        return text
    text = "PROFILE(account, a)"
    if draw(st.booleans()):
        text += f".FILTER({draw(conditions('account', 'a'))})"
    inner = f", FILTER({draw(conditions('contact'))})" if draw(st.booleans()) else ""
    text += f".TRAVERSE(contact_account_parentcustomerid, c{inner})"
    if draw(st.booleans()):
        reader = draw(st.sampled_from(["contact", "account"]))
        text += f".FILTER({draw(conditions(reader, 'c' if reader == 'contact' else 'a'))})"
    if draw(st.booleans()):
        text += ".DISTINCT()"
    return text


@st.composite
def interactions(draw) -> str:
    text = "INTERACTION(EmailOpened, EmailOpened_ContactLink, o)"
    if draw(st.booleans()):
        text += f".FILTER({draw(conditions('EmailOpened', draw(st.sampled_from([None, 'o']))))})"
    count = f"COUNT() {draw(_OPERATORS)} {draw(st.integers(0, 3))}"
    window = draw(st.sampled_from(["", ", UTCDAYS(7)", ", UTCDAYS(1)", ", UTCMONTHS(1)", ", UTCYEARS(1)"]))
    return text + f".HAVING({count}{window})"


@st.composite
def queries(draw) -> str:
    operand = st.sampled_from([0, 0, 1]).flatmap(lambda pick: interactions() if pick else contact_chains())
    first = draw(operand)
    for _ in range(draw(st.integers(0, 2))):
        first = f"({first}) {draw(st.sampled_from(['UNION', 'INTERSECT', 'EXCEPT']))} {draw(operand)}"
    return first


@st.composite
def realtime_atoms(draw, table: str, qualifier: str | None = None) -> str:
    """What the real-time dialect attests: comparisons, null tests, CONTAINS, IN lists."""
    name, column_kind = _column(draw, table, qualifier)
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return _null_test(draw, name)
    if choice == 1 and column_kind is ColumnKind.STRING:
        return f"{name} CONTAINS {_quoted(draw(st.sampled_from(PATTERNS)))}"
    if choice == 2 and column_kind in (ColumnKind.STRING, ColumnKind.NUMBER):
        values = draw(st.lists(_LITERAL[column_kind], min_size=1, max_size=3))
        return f"{name} IN [{', '.join(values)}]"
    return f"{name} {draw(st.sampled_from(['==', '!=']))} {draw(_LITERAL[column_kind])}"


@st.composite
def realtime_conditions(draw, readers: tuple[tuple[str, str | None], ...], depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(realtime_atoms(*draw(st.sampled_from(readers))))
    if draw(st.booleans()):
        return f"NOT({draw(realtime_conditions(readers, depth - 1))})"
    joiner = draw(st.sampled_from([" && ", " || "]))
    return "(" + joiner.join(draw(st.lists(realtime_conditions(readers, depth - 1), min_size=2, max_size=3))) + ")"


@st.composite
def realtime_operands(draw) -> str:
    if draw(st.integers(0, 2)):
        text = "PROFILE(contact)"
        for _ in range(draw(st.integers(0, 2))):
            if draw(st.booleans()):
                relate = draw(st.sampled_from(["RELATE", "RELATEOPTIONAL"]))
                alias = f"a{_}"
                text += (f".{relate}(contact_customer_accounts, {alias})"
                         f".FILTER({draw(realtime_conditions((('account', alias), ('contact', None))))})")
            else:
                text += f".FILTER({draw(realtime_conditions((('contact', None),)))})"
        return text
    text = "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact'"
    if draw(st.booleans()):
        text += f" && {draw(realtime_atoms('msdynmkt_emailopened'))}"
    text += ")"
    if draw(st.booleans()):
        window = draw(st.sampled_from(["", ", UTCDAYS(7)", ", UTCMONTHS(1)", ", UTCYEARS(1)"]))
        text += f".HAVING(COUNT() {draw(_OPERATORS)} {draw(st.integers(1, 3))}{window})"
    return text


@st.composite
def realtime_queries(draw) -> str:
    text = draw(realtime_operands())
    for _ in range(draw(st.integers(0, 2))):
        text = f"({text}) {draw(st.sampled_from(['UNION', 'INTERSECT', 'EXCEPT']))} {draw(realtime_operands())}"
    return text


def _value(draw, table: str, column: str):
    column_kind = kind(table, column)
    if draw(st.integers(0, 4)) == 0:
        return None
    if column_kind is ColumnKind.STRING:
        return draw(st.sampled_from(WORDS))
    if column_kind is ColumnKind.NUMBER:
        return draw(st.sampled_from(NUMBERS))
    if column_kind is ColumnKind.BOOLEAN:
        return draw(st.booleans())
    return draw(st.sampled_from(MOMENTS))


@st.composite
def datasets(draw) -> dict[str, list[dict]]:
    """Up to 5 contacts, 3 accounts and 8 interactions; some contacts have none."""
    data: dict[str, list[dict]] = {}
    contacts = []
    for contact in draw(st.lists(st.sampled_from(IDS), unique=True, min_size=3, max_size=5)):
        row = {column: _value(draw, "contact", column) for column in COLUMNS["contact"]}
        row.update(contactid=contact, parentcustomerid=draw(st.sampled_from([*ACCOUNTS, None])))
        contacts.append(row)
    data["contact"] = contacts
    accounts = []
    for account in draw(st.lists(st.sampled_from(ACCOUNTS), unique=True, min_size=2, max_size=3)):
        row = {column: _value(draw, "account", column) for column in COLUMNS["account"]}
        row.update(accountid=account, primarycontactid=draw(st.sampled_from([None, *IDS])))
        accounts.append(row)
    data["account"] = accounts
    opened = []
    for number in range(draw(st.integers(2, 8))):
        opened.append({"interactionId": f"i{number}", "contactId": draw(st.sampled_from([*IDS, None, "ghost"])),
                       "timestamp": draw(st.sampled_from([*EDGES, None])),
                       "emailDomain": _value(draw, "EmailOpened", "emailDomain")})
    data["EmailOpened"] = opened
    data["msdynmkt_emailopened"] = [
        {"msdynmkt_entityid": row["contactId"], "msdynmkt_entityid_logicalname": draw(st.sampled_from(["contact", "lead"])),
         "msdynmkt_originaltimestamp": row["timestamp"], "msdynmkt_emailaddress": row["emailDomain"]}
        for row in opened]
    return data


@st.composite
def sort_keys(draw) -> str:
    """One to three ORDERBY keys over contact's columns (strings, numbers, dates,
    booleans: with nulls, ties and case variants in the data), some descending."""
    keys = draw(st.lists(st.sampled_from(_READABLE["contact"]), min_size=1, max_size=3, unique=True))
    return ", ".join(key + draw(st.sampled_from(["", " ASC", " DESC"])) for key in keys)


@st.composite
def paging(draw) -> str:
    """Member-fetch steps: ORDERBY, SKIP and TAKE in any order (a later ORDERBY re-sorts
    what SKIP and TAKE kept), and SELECT at the end."""
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        kind_of_step = draw(st.sampled_from(["ORDERBY", "SKIP", "TAKE"]))
        if kind_of_step == "ORDERBY":
            steps.append(f".ORDERBY({draw(sort_keys())})")
        else:
            steps.append(f".{kind_of_step}({draw(st.integers(0, 4))})")
    if draw(st.booleans()):
        steps.append(".SELECT(contactid, firstname)")
    return "".join(steps)


@st.composite
def fetch_queries(draw) -> str:
    """A member fetch over a chain, over a parenthesised query, or as an operand of a set operation."""
    shape = draw(st.integers(0, 2))
    if shape == 0:
        return draw(contact_chains()) + draw(paging())
    if shape == 1:
        return f"({draw(queries())}){draw(paging())}"
    return f"({draw(contact_chains())}{draw(paging())}) {draw(st.sampled_from(['UNION', 'INTERSECT', 'EXCEPT']))} " \
           f"{draw(contact_chains())}"
