"""Codes of the diagnostics about running a query over data (Q001-Q029).

They come from `segquery sql` and `segquery preview`: a name the data does not
have, or a construct that has no meaning over rows.
"""

import functools

from segquery.rules.registry import Category, define

_data = functools.partial(define, category=Category.SCHEMA)

UNKNOWN_TABLE = _data(
    "Q001", "data-unknown-table", "The query reads a table the data does not have.",
    what="Reports a `PROFILE(t)`, or a table reached by `TRAVERSE`/`RELATE`, that is neither in the "
         "schema (`segquery sql`) nor among the exported files (`segquery preview`), and suggests the "
         "closest table.",
    why="The SQL would fail on the database with a message that does not point at the query.",
    example="PROFILE(contacts).FILTER(address1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')")
UNKNOWN_COLUMN = _data(
    "Q002", "data-unknown-column", "The query reads a column its table does not have.",
    what="Reports an attribute that is not a column of the table (or interaction table) it is read from, "
         "and suggests the closest column.",
    why="The SQL would fail on the database, far from the query text that caused it.",
    example="PROFILE(contact).FILTER(adress1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')")
UNKNOWN_RELATIONSHIP = _data(
    "Q003", "data-unknown-relationship", "`TRAVERSE` or `RELATE` names no relationship of the current table.",
    what="Reports a relationship that the schema does not know, or that does not touch the table the "
         "step starts from, so no join can be written for it.",
    why="Without the lookup column behind the relationship there is nothing to join on.",
    example="PROFILE(contact).TRAVERSE(account_contacts)",
    use_instead="PROFILE(account).TRAVERSE(contact_account_parentcustomerid)")
UNKNOWN_INTERACTION = _data(
    "Q004", "data-unknown-interaction", "`INTERACTION` names an interaction table the data does not have.",
    what="Reports an interaction type (outbound) or interaction table (real-time) with no table in the "
         "data, or a link type or profile id column that table does not have.",
    why="The counts of HAVING are taken over that table; without it the query has no rows to count.",
    example="INTERACTION(EmailOpen, EmailOpen_ContactLink).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)")
UNKNOWN_ALIAS = _data(
    "Q005", "data-unknown-alias", "An attribute is qualified with a name that is no alias of its chain.",
    what="Reports `x.name` where `x` is neither an alias declared earlier in the chain (by PROFILE, "
         "TRAVERSE, RELATE or INTERACTION) nor the name of a table it reads.",
    why="The attribute cannot be tied to a row of any table of the query.",
    example="PROFILE(contact, c).FILTER(d.address1_city == 'Seattle')",
    use_instead="PROFILE(contact, c).FILTER(c.address1_city == 'Seattle')")
UNRESOLVED_SEGMENT = _data(
    "Q006", "data-unresolved-segment", "A `SEGMENT(x)` reference cannot be inlined.",
    what="Reports a reference to a segment that the workspace does not have, one that references itself "
         "through others, or one whose own query cannot run over the data (the message says why).",
    why="The referenced segment's query is inlined into the SQL; without it the members are unknown.",
    example="SEGMENT(in_seatle) UNION SEGMENT(in_redmond)",
    use_instead="SEGMENT(in_seattle) UNION SEGMENT(in_redmond)")
NOT_COMPILABLE = _data(
    "Q007", "data-not-compilable", "A construct has no meaning over rows of data.",
    what="Reports what cannot be evaluated as a set of profiles: aggregates outside HAVING, HAVING after "
         "PROFILE, HAVING with an aggregate other than COUNT() or a count that is not a whole number, "
         "DATE(...) with parts that are not numbers, SKIP or TAKE of anything but a whole number of 0 or "
         "more, SELECT of anything but attributes, member-fetch steps after members whose table is "
         "unknown, and calls the parser reported.",
    why="Running such a query would have to guess what it means; the guess could count the wrong profiles.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(SUM(duration) > 10)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 10)")
