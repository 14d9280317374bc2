"""Bodies the fake org answers with, shaped as the documented Web API answers."""

METADATA = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
 <edmx:DataServices>
  <Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
   <EntityType Name="crmbaseentity" Abstract="true"/>
   <EntityType Name="new_loyaltytier" BaseType="mscrm.crmbaseentity">
    <Key><PropertyRef Name="new_loyaltytierid"/></Key>
    <Property Name="new_loyaltytierid" Type="Edm.Guid"/>
    <Property Name="new_name" Type="Edm.String"/>
   </EntityType>
   <EntityType Name="contact" BaseType="mscrm.crmbaseentity">
    <Key><PropertyRef Name="contactid"/></Key>
    <Property Name="contactid" Type="Edm.Guid"/>
    <Property Name="fullname" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Computed" Bool="true"/></Property>
    <Property Name="xyz_leadscore" Type="Edm.Decimal"/>
    <Property Name="gendercode" Type="Edm.Int32"/>
    <Property Name="donotemail" Type="Edm.Boolean"/>
    <Property Name="_new_tierid_value" Type="Edm.Guid"/>
    <NavigationProperty Name="new_tierid" Type="mscrm.new_loyaltytier" Partner="new_contact_tier">
     <ReferentialConstraint Property="_new_tierid_value" ReferencedProperty="new_loyaltytierid"/>
    </NavigationProperty>
   </EntityType>
   <Action Name="msdyncrm_ValidateSegment"><Parameter Name="Query" Type="Edm.String"/></Action>
   <EntityContainer Name="System">
    <EntitySet Name="contacts" EntityType="Microsoft.Dynamics.CRM.contact"/>
    <EntitySet Name="new_loyaltytiers" EntityType="Microsoft.Dynamics.CRM.new_loyaltytier"/>
   </EntityContainer>
  </Schema>
 </edmx:DataServices>
</edmx:Edmx>
"""


def label(text):
    return {"UserLocalizedLabel": {"Label": text, "LanguageCode": 1033}, "LocalizedLabels": []}


ENTITY_DEFINITIONS = {
    "contact": {
        "LogicalName": "contact", "EntitySetName": "contacts", "PrimaryIdAttribute": "contactid",
        "PrimaryNameAttribute": "fullname", "DisplayName": label("Contact"),
        "Attributes": [
            {"LogicalName": "xyz_leadscore", "AttributeType": "Money", "AttributeTypeName": {"Value": "MoneyType"}},
            {"LogicalName": "fullname", "AttributeType": "String", "AttributeTypeName": {"Value": "StringType"},
             "DisplayName": {"UserLocalizedLabel": None, "LocalizedLabels": []}},
            {"LogicalName": "contactid", "AttributeType": "Uniqueidentifier",
             "AttributeTypeName": {"Value": "UniqueidentifierType"}},
            {"LogicalName": "gendercode", "AttributeType": "Picklist", "AttributeTypeName": {"Value": "PicklistType"},
             "DisplayName": label("Gender")},
            {"LogicalName": "donotemail", "AttributeType": "Boolean", "AttributeTypeName": {"Value": "BooleanType"}},
            {"LogicalName": "new_tierid", "AttributeType": "Lookup", "AttributeTypeName": {"Value": "LookupType"}},
        ]},
    "new_loyaltytier": {
        "LogicalName": "new_loyaltytier", "EntitySetName": "new_loyaltytiers",
        "PrimaryIdAttribute": "new_loyaltytierid", "PrimaryNameAttribute": "new_name",
        "Attributes": [
            {"LogicalName": "new_name", "AttributeType": "String", "AttributeTypeName": {"Value": "StringType"}},
            {"LogicalName": "new_loyaltytierid", "AttributeType": "Uniqueidentifier",
             "AttributeTypeName": {"Value": "UniqueidentifierType"}},
        ]},
}
PICKLISTS = {"contact": [{"LogicalName": "gendercode", "OptionSet": {"Options": [
    {"Value": 2, "Label": label("Female")}, {"Value": 1, "Label": label("Male")}]}}]}
BOOLEANS = {"contact": [{"LogicalName": "donotemail", "OptionSet": {
    "TrueOption": {"Value": 1, "Label": label("Do Not Allow")},
    "FalseOption": {"Value": 0, "Label": label("Allow")}}}]}


def serve_schema(server, api, metadata=METADATA, definitions=None):
    server.expect_request(api + "$metadata").respond_with_data(metadata, content_type="application/xml")
    for table, definition in (definitions or ENTITY_DEFINITIONS).items():
        base = f"{api}EntityDefinitions(LogicalName='{table}')"
        server.expect_request(base).respond_with_json(definition)
        for cast in ("PicklistAttributeMetadata", "MultiSelectPicklistAttributeMetadata",
                     "StateAttributeMetadata", "StatusAttributeMetadata", "BooleanAttributeMetadata"):
            values = {"PicklistAttributeMetadata": PICKLISTS, "BooleanAttributeMetadata": BOOLEANS}.get(cast, {})
            server.expect_request(f"{base}/Attributes/Microsoft.Dynamics.CRM.{cast}").respond_with_json(
                {"value": values.get(table, [])})
