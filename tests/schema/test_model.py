"""The schema model: types, case-insensitive lookups, relationship ends, merge."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from segquery.schema import Attribute, AttributeType, InteractionType, Relationship, Schema, Table

T = AttributeType


# --- AttributeType -----------------------------------------------------------

DATAVERSE_NAMES = {
    "String": T.STRING, "Memo": T.MEMO, "Integer": T.INTEGER, "BigInt": T.BIGINT,
    "Decimal": T.DECIMAL, "Double": T.DOUBLE, "Money": T.MONEY, "Boolean": T.BOOLEAN,
    "DateTime": T.DATETIME, "Lookup": T.LOOKUP, "Customer": T.CUSTOMER, "Owner": T.OWNER,
    "Uniqueidentifier": T.UNIQUEIDENTIFIER, "Picklist": T.PICKLIST, "State": T.STATE,
    "Status": T.STATUS, "MultiSelectPicklist": T.MULTISELECTPICKLIST, "EntityName": T.ENTITYNAME,
    "Image": T.IMAGE, "File": T.FILE, "Virtual": T.VIRTUAL,
}


@pytest.mark.parametrize("name,expected", sorted(DATAVERSE_NAMES.items()))
def test_dataverse_type_names_map_to_members(name, expected):
    assert AttributeType.from_dataverse(name) is expected


@pytest.mark.parametrize("name,expected", [
    ("StringType", T.STRING), ("MultiSelectPicklistType", T.MULTISELECTPICKLIST),
    ("ImageType", T.IMAGE), ("DateTimeType", T.DATETIME), ("  lookup ", T.LOOKUP),
    ("Multi Select Picklist", T.MULTISELECTPICKLIST),
])
def test_dataverse_display_type_names_and_spacing(name, expected):
    assert AttributeType.from_dataverse(name) is expected


@pytest.mark.parametrize("name", ["PartyList", "CalendarRules", "ManagedProperty", "", "Xyz", "Type"])
def test_unknown_dataverse_types_become_other(name):
    assert AttributeType.from_dataverse(name) is T.OTHER


def test_every_type_in_the_reference_tables_is_known():
    reference = Path(__file__).resolve().parents[3] / "shared/reference/dataverse/tables.json"
    if not reference.exists():
        pytest.skip("reference data not present beside the repository")
    seen = {kind for table in json.loads(reference.read_text())["tables"].values()
            for kind in table["attributes"].values()}
    assert seen  # the file really lists types
    assert {kind: AttributeType.from_dataverse(kind) for kind in seen if
            AttributeType.from_dataverse(kind) is T.OTHER} == {}


def test_from_name_is_strict():
    assert AttributeType.from_name("DateTime") is T.DATETIME
    assert AttributeType.from_name("datetime") is T.DATETIME
    assert AttributeType.from_name("date") is None
    assert AttributeType.from_name("StringType") is None


def test_type_helpers_cover_exactly_the_documented_sets():
    assert {t for t in T if t.is_string} == {T.STRING, T.MEMO}
    assert {t for t in T if t.is_numeric} == {T.INTEGER, T.BIGINT, T.DECIMAL, T.DOUBLE, T.MONEY}
    assert {t for t in T if t.is_datetime} == {T.DATETIME}
    assert {t for t in T if t.is_guid} == {T.LOOKUP, T.CUSTOMER, T.OWNER, T.UNIQUEIDENTIFIER}
    assert {t for t in T if t.is_lookup} == {T.LOOKUP, T.CUSTOMER, T.OWNER}
    assert {t for t in T if t.is_choice} == {T.PICKLIST, T.STATE, T.STATUS, T.MULTISELECTPICKLIST}


def test_boolean_is_a_choice_only_with_options():
    assert Attribute("donotemail", T.BOOLEAN).is_choice is False
    assert Attribute("donotemail", T.BOOLEAN, {1: "Do Not Allow", 0: "Allow"}).is_choice is True
    assert Attribute("donotemail", T.BOOLEAN, {}).is_choice is False
    assert Attribute("gendercode", T.PICKLIST).is_choice is True
    assert Attribute("fullname", T.STRING, None).is_string is True
    assert Attribute("revenue", T.MONEY).is_numeric is True
    assert Attribute("createdon", T.DATETIME).is_datetime is True
    assert Attribute("ownerid", T.OWNER, targets=("systemuser", "team")).is_guid is True


# --- immutability ------------------------------------------------------------

def test_model_objects_are_immutable():
    options = {1: "Male"}
    attribute = Attribute("gendercode", T.PICKLIST, options, ["contact"])
    options[2] = "Female"
    assert dict(attribute.options) == {1: "Male"}
    assert attribute.targets == ("contact",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        attribute.name = "x"
    with pytest.raises(TypeError):
        attribute.options[3] = "Other"
    table = Table("contact", {"gendercode": attribute})
    with pytest.raises(TypeError):
        table.attributes["x"] = attribute
    schema = Schema({"contact": table})
    with pytest.raises(TypeError):
        schema.tables["lead"] = table


def test_attributes_are_hashable_and_compare_by_value():
    first = Attribute("gendercode", T.PICKLIST, {1: "Male"})
    second = Attribute("gendercode", T.PICKLIST, {1: "Male"})
    assert first == second
    assert hash(first) == hash(second)
    assert first != Attribute("gendercode", T.PICKLIST, {1: "Female"})


# --- tables ------------------------------------------------------------------

@pytest.fixture
def contact() -> Table:
    return Table("contact", {
        "contactid": Attribute("contactid", T.UNIQUEIDENTIFIER),
        "fullname": Attribute("fullname", T.STRING),
        "address1_city": Attribute("address1_city", T.STRING),
        "parentcustomerid": Attribute("parentcustomerid", T.CUSTOMER, targets=("account", "contact")),
    }, "contactid", "fullname", "contacts")


def test_attribute_lookup_is_case_insensitive_and_canonical(contact):
    found = contact.attribute("Address1_City")
    assert found is contact.attributes["address1_city"]
    assert found.name == "address1_city"
    assert contact.attribute("ADDRESS1_CITY").name == "address1_city"
    assert contact.attribute("address2_city") is None
    assert contact.attribute_names == ["contactid", "fullname", "address1_city", "parentcustomerid"]


def test_attribute_suggestion_uses_did_you_mean(contact):
    assert contact.suggest_attribute("adress1_city") == "address1_city"
    assert contact.suggest_attribute("FULLNAME") == "fullname"
    assert contact.suggest_attribute("zzzzzz") is None


def test_duplicate_names_that_differ_only_by_case_are_rejected():
    with pytest.raises(ValueError, match=r"duplicate attribute of table 'contact' name 'FullName' "
                                         r"\(already defined as 'fullname'\)"):
        Table("contact", {"fullname": Attribute("fullname", T.STRING),
                          "FullName": Attribute("FullName", T.STRING)})
    with pytest.raises(ValueError, match="duplicate table name 'Contact'"):
        Schema({"contact": Table("contact"), "Contact": Table("Contact")})


def test_keys_must_match_the_names_they_store():
    with pytest.raises(ValueError, match="attribute stored under 'a' is named 'b'"):
        Table("t", {"a": Attribute("b", T.STRING)})
    with pytest.raises(ValueError, match="table stored under 'a' is named 'b'"):
        Schema({"a": Table("b")})


# --- relationships -----------------------------------------------------------

PARENT_CUSTOMER = Relationship("contact_account_parentcustomerid", "contact", "parentcustomerid", "account",
                               "contact_customer_accounts")
PARENT_ACCOUNT = Relationship("account_account_parentaccountid", "account", "parentaccountid", "account")
LEAD_CONTACT = Relationship("lead_contact_parentcontactid", "lead", "parentcontactid", "contact")


def test_traverse_name_follows_the_marketing_rule():
    assert Relationship.traverse_name("contact", "account", "parentcustomerid") == "contact_account_parentcustomerid"
    assert Relationship.traverse_name("lead", "contact", "parentcontactid") == "lead_contact_parentcontactid"


def test_other_end_goes_both_ways():
    assert PARENT_CUSTOMER.other_end("account") == "contact"
    assert PARENT_CUSTOMER.other_end("contact") == "account"
    assert PARENT_CUSTOMER.other_end("Account") == "contact"
    assert PARENT_CUSTOMER.other_end("lead") is None


def test_other_end_of_a_self_relationship_is_the_same_table():
    assert PARENT_ACCOUNT.other_end("account") == "account"
    assert PARENT_ACCOUNT.touches("ACCOUNT") is True
    assert PARENT_ACCOUNT.touches("contact") is False


# --- schema ------------------------------------------------------------------

@pytest.fixture
def schema(contact) -> Schema:
    account = Table("account", {"accountid": Attribute("accountid", T.UNIQUEIDENTIFIER),
                                "name": Attribute("name", T.STRING)}, "accountid", "name", "accounts")
    return Schema(
        {"contact": contact, "account": account},
        {r.name: r for r in (PARENT_CUSTOMER, PARENT_ACCOUNT, LEAD_CONTACT)},
        {"EmailOpened": InteractionType("EmailOpened", ("EmailOpened_ContactLink",),
                                        {"emailDomain": Attribute("emailDomain", T.STRING)})},
    )


def test_schema_lookups_are_case_insensitive_and_canonical(schema):
    assert schema.table("Contact").name == "contact"
    assert schema.table("CONTACT") is schema.tables["contact"]
    assert schema.table("lead") is None
    assert schema.relationship("Contact_Account_ParentCustomerId") is PARENT_CUSTOMER
    assert schema.relationship("contact_customer_accounts") is None
    assert schema.interaction("emailopened").name == "EmailOpened"
    assert schema.interaction("EmailClicked") is None


def test_interaction_link_types_and_attributes_resolve_case_insensitively(schema):
    opened = schema.interaction("EmailOpened")
    assert opened.link_type("emailopened_contactlink") == "EmailOpened_ContactLink"
    assert opened.link_type("EmailOpened_LeadLink") is None
    assert opened.attribute("EmailDomain").name == "emailDomain"
    assert opened.attribute_names == ["emailDomain"]


def test_relationships_of_lists_both_ends_in_definition_order(schema):
    assert schema.relationships_of("contact") == [PARENT_CUSTOMER, LEAD_CONTACT]
    assert schema.relationships_of("ACCOUNT") == [PARENT_CUSTOMER, PARENT_ACCOUNT]
    assert schema.relationships_of("lead") == [LEAD_CONTACT]
    assert schema.relationships_of("systemuser") == []


def test_relationship_by_schema_name(schema):
    assert schema.relationship_by_schema_name("Contact_Customer_Accounts") is PARENT_CUSTOMER
    assert schema.relationship_by_schema_name("account_parent_account") is None


def test_name_lists_and_suggestions(schema):
    assert schema.table_names == ["contact", "account"]
    assert schema.relationship_names == ["contact_account_parentcustomerid", "account_account_parentaccountid",
                                         "lead_contact_parentcontactid"]
    assert schema.interaction_names == ["EmailOpened"]
    assert schema.suggest_table("contacts") == "contact"
    assert schema.suggest_interaction("EmailOpen") == "EmailOpened"
    assert schema.suggest_relationship("contact_account_parentcustomer") == "contact_account_parentcustomerid"
    assert schema.suggest_relationship("lead_contact_parentcontact", from_table="account") is None
    assert schema.suggest_relationship("lead_contact_parentcontact", from_table="lead") == \
        "lead_contact_parentcontactid"


def test_empty_schema():
    empty = Schema()
    assert empty.table("contact") is None
    assert empty.relationships_of("contact") == []
    assert empty.table_names == []


# --- merge -------------------------------------------------------------------

def test_merge_adds_tables_relationships_and_interactions(schema):
    lead = Table("lead", {"leadid": Attribute("leadid", T.UNIQUEIDENTIFIER)}, "leadid")
    extra = Relationship("lead_account_parentaccountid", "lead", "parentaccountid", "account")
    clicked = InteractionType("EmailClicked", ("EmailClicked_ContactLink",))
    merged = schema.merge(Schema({"lead": lead}, {extra.name: extra}, {"EmailClicked": clicked}))
    assert merged.table_names == ["contact", "account", "lead"]
    assert merged.table("lead") is lead
    assert merged.relationship("lead_account_parentaccountid") is extra
    assert merged.relationships_of("lead") == [LEAD_CONTACT, extra]
    assert merged.interaction_names == ["EmailOpened", "EmailClicked"]
    assert schema.table("lead") is None  # the original is untouched


def test_merge_extends_a_table_and_keeps_the_base_spelling(schema):
    user = Table("Contact", {
        "new_score": Attribute("new_score", T.INTEGER),
        "FullName": Attribute("FullName", T.MEMO),
    }, entity_set="contacts_custom")
    merged = schema.merge(Schema({"Contact": user}))
    table = merged.table("contact")
    assert merged.table_names == ["contact", "account"]
    assert table.name == "contact"
    assert table.attribute_names == ["contactid", "fullname", "address1_city", "parentcustomerid", "new_score"]
    assert table.attribute("fullname") == Attribute("fullname", T.MEMO)
    assert table.primary_id == "contactid"
    assert table.primary_name == "fullname"
    assert table.entity_set == "contacts_custom"


def test_merge_gives_the_primary_attributes_the_base_spelling(schema):
    user = Table("contact", {"FullName": Attribute("FullName", T.MEMO)}, primary_name="FullName")
    table = schema.merge(Schema({"contact": user})).table("contact")
    assert table.attribute("FullName").name == "fullname"
    assert table.primary_name == "fullname"
    assert table.primary_id == "contactid"


def test_merge_replaces_relationships_and_unions_link_types(schema):
    replacement = Relationship("CONTACT_ACCOUNT_PARENTCUSTOMERID", "contact", "parentcustomerid", "account")
    opened = InteractionType("emailopened", ("EmailOpenedLeadLink", "EMAILOPENED_CONTACTLINK"),
                             {"leadId": Attribute("leadId", T.STRING)})
    merged = schema.merge(Schema({}, {replacement.name: replacement}, {opened.name: opened}))
    assert merged.relationship("contact_account_parentcustomerid") == Relationship(
        "contact_account_parentcustomerid", "contact", "parentcustomerid", "account", None)
    result = merged.interaction("EmailOpened")
    assert result.name == "EmailOpened"
    assert result.link_types == ("EmailOpened_ContactLink", "EmailOpenedLeadLink")
    assert result.attribute_names == ["emailDomain", "leadId"]
