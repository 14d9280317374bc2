"""The bundled default schema: contents, caching, speed, and how it is built."""

from __future__ import annotations

import importlib.util
import time
from importlib import resources
from pathlib import Path

import pytest

from segquery.schema import Attribute, AttributeType, InteractionType, Relationship, default_schema
from segquery.schema.default import DEFAULT_SCHEMA_RESOURCE
from segquery.schema.json_format import parse_json_schema

T = AttributeType
REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO.parent / "shared" / "reference" / "dataverse"


@pytest.fixture(scope="module")
def schema():
    return default_schema()


def test_loaded_once_and_shared():
    assert default_schema() is default_schema()


def test_resource_is_reachable_through_importlib_resources():
    package, name = DEFAULT_SCHEMA_RESOURCE
    assert resources.files(package).joinpath(name).is_file()


def test_sizes(schema):
    assert schema.table_names == ["contact", "account", "lead", "campaign", "list", "msdyncrm_segment",
                                  "msevtmgt_event", "msevtmgt_eventregistration", "systemuser"]
    assert len(schema.table("contact").attributes) == 258
    assert len(schema.table("account").attributes) == 205
    assert len(schema.relationships) == 143
    assert len(schema.interactions) == 40


def test_contact_table(schema):
    contact = schema.table("Contact")
    assert (contact.name, contact.primary_id, contact.primary_name, contact.entity_set) == (
        "contact", "contactid", "fullname", "contacts")
    assert contact.attribute("fullname") == Attribute("fullname", T.STRING)
    assert contact.attribute("address1_city") == Attribute("address1_city", T.STRING)
    assert contact.attribute("address1_composite").type is T.MEMO
    assert contact.attribute("birthdate").type is T.DATETIME
    assert contact.attribute("annualincome").type is T.MONEY
    assert contact.attribute("exchangerate").type is T.DECIMAL
    assert contact.attribute("address1_latitude").type is T.DOUBLE
    assert contact.attribute("numberofchildren").type is T.INTEGER
    assert contact.attribute("versionnumber").type is T.BIGINT
    assert contact.attribute("contactid").type is T.UNIQUEIDENTIFIER
    assert contact.attribute("owneridtype").type is T.ENTITYNAME
    assert contact.attribute("entityimage").type is T.IMAGE
    assert contact.attribute("parentcustomerid") == Attribute("parentcustomerid", T.CUSTOMER, None,
                                                              ("account", "contact"))
    assert contact.attribute("ownerid") == Attribute("ownerid", T.OWNER, None, ("systemuser", "team"))
    assert contact.attribute("gendercode") == Attribute("gendercode", T.PICKLIST, {1: "Male", 2: "Female"})
    assert contact.attribute("statecode").type is T.STATE
    assert contact.attribute("statuscode").type is T.STATUS


def test_boolean_with_documented_labels_is_a_choice(schema):
    donotemail = schema.table("contact").attribute("donotemail")
    assert donotemail == Attribute("donotemail", T.BOOLEAN, {1: "Do Not Allow", 0: "Allow"})
    assert donotemail.is_choice is True


def test_segment_table_choices(schema):
    segment = schema.table("msdyncrm_segment")
    assert dict(segment.attribute("msdyncrm_segmenttype").options) == {
        192350000: "Dynamic segment", 192350001: "Static segment", 192350002: "Compound segment"}
    assert dict(segment.attribute("statuscode").options) == {
        192350000: "Draft", 192350001: "Live", 192350002: "Stopped", 192350003: "Live editable",
        192350004: "Expired", 192350005: "Error", 192350006: "Going live", 192350007: "Stopping"}
    assert segment.attribute("msdyncrm_segmentquery").type is T.MEMO


def test_attested_traverse_names(schema):
    parent_customer = schema.relationship("contact_account_parentcustomerid")
    assert parent_customer == Relationship("contact_account_parentcustomerid", "contact", "parentcustomerid",
                                           "account", "contact_customer_accounts")
    assert parent_customer.other_end("account") == "contact"
    assert parent_customer.other_end("contact") == "account"
    assert schema.relationship("lead_contact_parentcontactid") == Relationship(
        "lead_contact_parentcontactid", "lead", "parentcontactid", "contact", "lead_parent_contact")
    assert schema.relationship("contact_contact_parentcustomerid").other_end("contact") == "contact"
    assert schema.relationship_by_schema_name("contact_customer_accounts") is parent_customer


def test_relationships_of_account_reach_contacts(schema):
    reached = {r.name: r.other_end("account") for r in schema.relationships_of("account")}
    assert reached["contact_account_parentcustomerid"] == "contact"
    assert reached["account_contact_primarycontactid"] == "contact"
    assert reached["lead_account_customerid"] == "lead"
    assert reached["account_account_parentaccountid"] == "account"
    assert all(r.touches("account") for r in schema.relationships_of("account"))
    assert len(reached) == 25  # relationships.json rows with account at either end


def test_owner_relationships_keep_the_documented_owner_table(schema):
    assert schema.relationship("contact_owner_ownerid") == Relationship(
        "contact_owner_ownerid", "contact", "ownerid", "owner", "owner_contacts")


def test_interaction_types_and_link_types(schema):
    assert schema.interaction("emailopened").link_types == ("EmailOpened_ContactLink", "EmailOpenedLeadLink")
    assert schema.interaction("EmailSoftBounced").link_types == ("EmailSoftBounced_ContactLink",)
    assert schema.interaction("RedirectLinkClicked").link_types == ("RedirectLinkClicked_ContactLink",)
    assert schema.interaction("EmailDelivered").link_types == ("EmailDelivered_ContactLink",
                                                               "EmailDelivered_Campaign")
    assert schema.interaction("EventCheckIn").link_types == ("EventCheckIn_ContactLink",)
    assert schema.interaction("CampaignEventRegistration") is None


def test_interaction_attributes(schema):
    opened = schema.interaction("EmailOpened")
    assert opened.attribute("timestamp") == Attribute("timestamp", T.DATETIME)
    assert opened.attribute("ContactId") == Attribute("contactId", T.UNIQUEIDENTIFIER)
    assert opened.attribute("emailDomain").type is T.STRING
    assert len(opened.attributes) == 27
    assert schema.interaction("ActivityContactBlocked") == InteractionType(
        "ActivityContactBlocked", ("ActivityContactBlocked_ContactLink",))


def test_loading_is_fast():
    package, name = DEFAULT_SCHEMA_RESOURCE
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        parse_json_schema(text)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.1


def _tool():
    spec = importlib.util.spec_from_file_location("build_default_schema", REPO / "tools" / "build_default_schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="reference data not present beside the repository")
def test_bundled_file_is_what_the_tool_builds(tmp_path, capsys):
    out = tmp_path / "default_schema.json"
    assert _tool().main([str(REFERENCE), str(out)]) == 0
    package, name = DEFAULT_SCHEMA_RESOURCE
    bundled = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == bundled
    assert capsys.readouterr().out == (f"{out}: 9 tables, 1187 attributes, 143 relationships, "
                                       "40 interaction types, 19 real-time interaction tables\n")
