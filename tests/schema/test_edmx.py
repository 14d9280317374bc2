"""Deriving a schema from a Dataverse `$metadata` document, and refusing hostile XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from segquery.schema import (Attribute, AttributeType, Relationship, SchemaError, load_edmx_schema,
                             load_schema, parse_edmx)

T = AttributeType
FIXTURE = Path(__file__).parent / "fixtures" / "metadata_contact_account_lead.xml"


@pytest.fixture(scope="module")
def schema():
    return load_edmx_schema(FIXTURE)


def test_concrete_entity_types_become_tables(schema):
    assert schema.table_names == ["systemuser", "team", "contact", "account", "lead"]
    assert schema.table("crmbaseentity") is None  # abstract
    assert schema.table("principal") is None  # abstract


def test_table_keys_and_entity_sets(schema):
    contact = schema.table("contact")
    assert (contact.primary_id, contact.primary_name, contact.entity_set) == ("contactid", None, "contacts")
    assert schema.table("account").entity_set == "accounts"
    assert schema.table("lead").primary_id == "leadid"


def test_edm_types_map_to_attribute_types(schema):
    contact = schema.table("contact")
    assert {name: a.type for name, a in contact.attributes.items() if not a.type.is_lookup} == {
        "contactid": T.UNIQUEIDENTIFIER,
        "fullname": T.STRING,
        "emailaddress1": T.STRING,
        "address1_city": T.STRING,
        "birthdate": T.DATETIME,
        "createdon": T.DATETIME,
        "numberofchildren": T.INTEGER,
        "gendercode": T.INTEGER,
        "annualincome": T.DECIMAL,
        "address1_latitude": T.DOUBLE,
        "donotemail": T.BOOLEAN,
        "versionnumber": T.BIGINT,
        "entityimage": T.IMAGE,
    }


def test_lookup_properties_become_lookup_attributes_with_targets(schema):
    contact = schema.table("contact")
    assert contact.attribute("_parentcustomerid_value") is None
    assert contact.attribute("parentcustomerid") == Attribute("parentcustomerid", T.CUSTOMER, None,
                                                              ("account", "contact"))
    assert contact.attribute("ownerid") == Attribute("ownerid", T.OWNER, None, ("principal",))
    assert contact.attribute("createdby") == Attribute("createdby", T.LOOKUP, None, ("systemuser",))
    # a lookup property without a navigation property still is a lookup, with no known target
    assert contact.attribute("masterid") == Attribute("masterid", T.LOOKUP, None, ())
    assert schema.table("lead").attribute("customerid").type is T.CUSTOMER
    assert schema.table("account").attribute("primarycontactid").targets == ("contact",)


def test_inherited_properties_are_included(schema):
    assert schema.table("systemuser").attribute("ownerid") == Attribute("ownerid", T.UNIQUEIDENTIFIER)
    assert schema.table("team").attribute_names == ["teamid", "name", "ownerid"]


def test_relationship_names_follow_the_marketing_rule(schema):
    assert schema.relationship_names == [
        "systemuser_businessunit_businessunitid",
        "contact_account_parentcustomerid",
        "contact_contact_parentcustomerid",
        "contact_principal_ownerid",
        "contact_systemuser_createdby",
        "account_contact_primarycontactid",
        "account_account_parentaccountid",
        "account_principal_ownerid",
        "lead_contact_parentcontactid",
        "lead_account_parentaccountid",
        "lead_account_customerid",
        "lead_contact_customerid",
        "lead_principal_ownerid",
    ]


def test_parentcustomerid_relationship_exactly(schema):
    relationship = schema.relationship("contact_account_parentcustomerid")
    assert relationship == Relationship("contact_account_parentcustomerid", "contact", "parentcustomerid",
                                        "account", "contact_customer_accounts")
    assert relationship.other_end("account") == "contact"
    assert relationship.other_end("contact") == "account"
    assert relationship.other_end("lead") is None
    assert schema.relationship_by_schema_name("contact_customer_accounts") is relationship


def test_both_branches_of_a_customer_lookup(schema):
    to_contact = schema.relationship("contact_contact_parentcustomerid")
    assert to_contact.schema_name == "contact_customer_contacts"
    assert to_contact.other_end("contact") == "contact"
    assert schema.relationship("lead_account_customerid").other_end("account") == "lead"
    assert schema.relationship("lead_contact_customerid").other_end("lead") == "contact"


def test_relationships_reachable_from_account(schema):
    assert [(r.name, r.other_end("account")) for r in schema.relationships_of("account")] == [
        ("contact_account_parentcustomerid", "contact"),
        ("account_contact_primarycontactid", "contact"),
        ("account_account_parentaccountid", "account"),
        ("account_principal_ownerid", "principal"),
        ("lead_account_parentaccountid", "lead"),
        ("lead_account_customerid", "lead"),
    ]


def test_collection_navigation_properties_add_nothing(schema):
    assert schema.relationship("account_contact_contact_customer_accounts") is None
    assert all(not name.endswith(("_accounts", "_contacts")) for name in schema.relationship_names)


def test_load_schema_detects_edmx_by_content(tmp_path):
    copy = tmp_path / "metadata.txt"
    copy.write_bytes(FIXTURE.read_bytes())
    assert load_schema(copy) == load_edmx_schema(FIXTURE)
    assert load_edmx_schema(FIXTURE.read_text(encoding="utf-8")) == load_edmx_schema(FIXTURE)


MINIMAL = """<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
 <edmx:DataServices>
  <Schema Namespace="Example.Org" xmlns="http://docs.oasis-open.org/odata/ns/edm">
   <EntityType Name="new_thing">
    <Key><PropertyRef Name="new_thingid"/></Key>
    <Property Name="new_thingid" Type="Edm.Guid"/>
    <Property Name="new_span" Type="Edm.Duration"/>
    <Property Name="new_tags" Type="Collection(Edm.String)"/>
    <Property Name="new_small" Type="Edm.Int16"/>
    <Property Name="new_ratio" Type="Edm.Single"/>
    <Property Name="new_kind" Type="Example.Org.KindEnum"/>
    <Property Name="_new_ownerid_value" Type="Edm.Guid"/>
    <NavigationProperty Name="new_owner" Type="Example.Org.team" Partner="team_new_thing">
     <ReferentialConstraint Property="_new_ownerid_value" ReferencedProperty="teamid"/>
    </NavigationProperty>
    <NavigationProperty Name="new_parent" Type="Example.Org.new_thing"/>
   </EntityType>
   <EntityType Name="new_child" BaseType="Example.Org.new_thing">
    <Property Name="new_extra" Type="Edm.String"/>
   </EntityType>
  </Schema>
 </edmx:DataServices>
</edmx:Edmx>"""


def test_unknown_edm_types_become_other_and_namespaces_resolve():
    schema = parse_edmx(MINIMAL)
    thing = schema.table("new_thing")
    assert {name: a.type for name, a in thing.attributes.items()} == {
        "new_thingid": T.UNIQUEIDENTIFIER, "new_span": T.OTHER, "new_tags": T.OTHER,
        "new_small": T.INTEGER, "new_ratio": T.DOUBLE, "new_kind": T.OTHER, "new_ownerid": T.LOOKUP,
    }
    assert thing.attribute("new_ownerid").targets == ("team",)
    assert thing.entity_set is None
    # a navigation property without a referential constraint names no lookup
    assert schema.relationship_names == ["new_thing_team_new_ownerid", "new_child_team_new_ownerid"]
    child = schema.table("new_child")
    assert child.primary_id == "new_thingid"
    assert child.attribute_names == ["new_extra", "new_thingid", "new_span", "new_tags", "new_small",
                                     "new_ratio", "new_kind", "new_ownerid"]


def test_base_type_cycles_do_not_hang():
    document = """<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
    <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    <EntityType Name="a" BaseType="N.b"><Property Name="x" Type="Edm.String"/></EntityType>
    <EntityType Name="b" BaseType="N.a"><Property Name="y" Type="Edm.Int32"/></EntityType>
    </Schema></edmx:DataServices></edmx:Edmx>"""
    schema = parse_edmx(document)
    assert schema.table("a").attribute_names == ["x", "y"]
    assert schema.table("b").attribute_names == ["y", "x"]


# --- hostile and broken documents -------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<EntityType Name="&lol9;"/></Schema></edmx:DataServices></edmx:Edmx>"""

DTD_REFUSED = ("refused: the document declares a DTD (<!DOCTYPE>); a $metadata document has none, "
               "and a DTD can expand entities or load external files")


def test_billion_laughs_is_refused_not_expanded():
    with pytest.raises(SchemaError) as caught:
        parse_edmx(BILLION_LAUGHS)
    error = caught.value
    assert error.message == DTD_REFUSED
    assert (error.line, error.column) == (2, 1)


def test_external_entity_is_refused_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    document = (f'<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>\n'
                '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>'
                '<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">'
                '<EntityType Name="contact"><Property Name="&xxe;" Type="Edm.String"/></EntityType>'
                '</Schema></edmx:DataServices></edmx:Edmx>')
    path = tmp_path / "xxe.xml"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    assert str(caught.value) == f"{path}:2:1: {DTD_REFUSED}"
    assert "TOP SECRET" not in str(caught.value)


def test_external_dtd_is_refused():
    document = ('<?xml version="1.0"?><!DOCTYPE edmx SYSTEM "metadata.dtd">'
                '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>')
    with pytest.raises(SchemaError) as caught:
        parse_edmx(document)
    assert (caught.value.message, caught.value.line, caught.value.column) == (DTD_REFUSED, 1, 22)


def test_malformed_xml_reports_its_position():
    with pytest.raises(SchemaError) as caught:
        parse_edmx("<edmx:Edmx xmlns:edmx='x'>\n  <a></b>\n</edmx:Edmx>", source="m.xml")
    assert str(caught.value) == "m.xml:2:8: invalid XML: mismatched tag"


def test_text_with_a_lone_surrogate_is_a_schema_error():
    with pytest.raises(SchemaError) as caught:
        parse_edmx("<edmx:Edmx xmlns:edmx='x'>\ud800</edmx:Edmx>", source="m.xml")
    assert str(caught.value) == "m.xml: invalid XML: the text holds a lone surrogate (U+D800), which is not Unicode"


def test_xml_that_is_not_edmx():
    with pytest.raises(SchemaError) as caught:
        parse_edmx("<html><body/></html>")
    assert caught.value.message == "not a CSDL/EDMX document: the root element is <html>, expected <edmx:Edmx>"


def test_duplicate_names_differing_by_case_are_a_schema_error():
    document = """<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
    <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
    <EntityType Name="contact"/><EntityType Name="Contact"/></Schema></edmx:DataServices></edmx:Edmx>"""
    with pytest.raises(SchemaError) as caught:
        parse_edmx(document, source="dup.xml")
    assert str(caught.value) == ("dup.xml:3:33: duplicate entity type name `Contact`: `contact` is already defined "
                                 "(names are compared without regard to case)")


def _document(types: str) -> str:
    return ('<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>\n'
            f'<Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n{types}\n'
            "</Schema></edmx:DataServices></edmx:Edmx>")


def test_two_properties_whose_names_differ_only_in_case_are_a_located_schema_error():
    with pytest.raises(SchemaError) as error:
        parse_edmx(_document('<EntityType Name="t"><Property Name="P" Type="Edm.String"/>'
                             '<Property Name="p" Type="Edm.String"/></EntityType>'), source="m.xml")
    assert str(error.value) == ("m.xml:3:1: duplicate property name `p` in entity type `t`: `P` is already "
                                "defined (names are compared without regard to case)")
