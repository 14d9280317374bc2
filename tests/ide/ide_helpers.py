"""A small schema and workspace for exact editor-feature tests, and a cursor marker."""

from __future__ import annotations

from segquery.schema import Attribute, AttributeType, InteractionType, Relationship, Schema, Table
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
