"""A small schema and workspace for exact editor-feature tests, a cursor marker, and what the full
parser accepts after a prefix (the oracle for completion's compressed prefix)."""

from __future__ import annotations

from lark import Token as LarkToken
from lark.exceptions import LarkError

from segquery.ide.expected import _KEYWORD_TERMINALS, _callback_free_conf, _terminal
from segquery.schema import Attribute, AttributeType, InteractionType, Relationship, Schema, Table
from segquery.syntax.dialect import Dialect
from segquery.syntax.grammar import lalr_parser
from segquery.syntax.outbound import OUTBOUND
from segquery.workspace.loading import load_file

CURSOR = "|"


def at(marked: str) -> tuple[str, int]:
    """The text without its `|` marker, and the marker's offset."""
    offset = marked.index(CURSOR)
    return marked[:offset] + marked[offset + 1:], offset


def _table(name: str, primary_id: str, primary_name: str, *attributes: Attribute) -> Table:
    return Table(name, {attribute.name: attribute for attribute in attributes}, primary_id, primary_name,
                 name + "s")


def small_schema() -> Schema:
    contact = _table(
        "contact", "contactid", "fullname",
        Attribute("contactid", AttributeType.UNIQUEIDENTIFIER),
        Attribute("fullname", AttributeType.STRING),
        Attribute("address1_city", AttributeType.STRING),
        Attribute("statecode", AttributeType.STATE, options={0: "Active", 1: "Inactive"}),
        Attribute("parentcustomerid", AttributeType.CUSTOMER, targets=("account", "contact")),
        Attribute("birthdate", AttributeType.DATETIME),
    )
    account = _table(
        "account", "accountid", "name",
        Attribute("accountid", AttributeType.UNIQUEIDENTIFIER),
        Attribute("name", AttributeType.STRING),
        Attribute("numberofemployees", AttributeType.INTEGER),
    )
    relationships = (
        Relationship("contact_account_parentcustomerid", "contact", "parentcustomerid", "account",
                     "contact_customer_accounts"),
        Relationship("account_contact_primarycontactid", "account", "primarycontactid", "contact"),
    )
    interactions = (
        InteractionType("EmailOpened", ("EmailOpened_ContactLink", "EmailOpenedLeadLink"), {
            "timestamp": Attribute("timestamp", AttributeType.DATETIME),
            "emailAddressUsed": Attribute("emailAddressUsed", AttributeType.STRING),
        }),
        InteractionType("EmailClicked", ("EmailClicked_ContactLink",)),
    )
    return Schema({table.name: table for table in (contact, account)},
                  {relationship.name: relationship for relationship in relationships},
                  {interaction.name: interaction for interaction in interactions})


WORKSPACE_FILES = {
    "ws/seattle.segq": "PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')\n",
    "ws/opened.segq": "// segquery: name = Opened\n// segquery: type = dynamic\n// segquery: status = live\n"
                      "INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)\n",
    "ws/both.segq": "SEGMENT(seattle) UNION SEGMENT(Opened)\n",
    "ws/again.segq": "SEGMENT(SEATTLE) EXCEPT SEGMENT('opened')\n",
}


def workspace_segments():
    return [segment for path, text in WORKSPACE_FILES.items() for segment in load_file(path, text).segments]


def full_prefix_accepts(tokens, end: int, dialect: Dialect = OUTBOUND) -> frozenset[str] | None:
    """The terminals lark accepts after feeding it every one of the first `end` tokens (None: a
    syntax error before); completion compresses the prefix and must find the same."""
    interactive = lalr_parser(dialect).parse_interactive("")
    interactive.parser_state.parse_conf = _callback_free_conf(dialect)
    try:
        for index in range(end):
            terminal = _terminal(tokens, index)
            if terminal is None:
                return None
            if terminal.startswith("WORD:"):
                keyword = _KEYWORD_TERMINALS.get(terminal[5:], terminal[5:])
                terminal = keyword if keyword in interactive.choices() else "NAME"
            interactive.feed_token(LarkToken(terminal, "x"))
    except LarkError:
        return None
    return frozenset(interactive.accepts())
