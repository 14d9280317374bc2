"""The name rules together: without a schema none of them runs, and any schema can be configured.
Each rule's own findings are in its test module (test_v020_known_tables.py ...)."""

from segquery.schema import Attribute, AttributeType, Relationship, Schema, Table, default_schema
from segquery.semantic import NO_SCHEMA

from semantic_helpers import diagnostics, findings

# A schema the user configured: the bundled one with nothing added, but not the bundled one itself.
CONFIGURED = default_schema().merge(Schema())


def test_no_schema_skips_every_name_check():
    text = ("PROFILE(Contacts).FILTER(adress1_city == 'x').TRAVERSE(HavingAccount) UNION "
            "SEGMENT(a)")
    assert [d.code for d in diagnostics(text)] == ["V020", "V046"]
    assert [d.code for d in diagnostics(text, schema=CONFIGURED)] == ["V020", "V023"]
    assert findings(text, schema=NO_SCHEMA) == []
    assert findings(text, schema=Schema()) == []


def test_a_custom_schema():
    event = Table("event", {"name": Attribute("name", AttributeType.STRING),
                            "contactid": Attribute("contactid", AttributeType.LOOKUP, targets=("contact",))})
    contact = Table("contact", {"fullname": Attribute("fullname", AttributeType.STRING)})
    relationship = Relationship("event_contact_contactid", "event", "contactid", "contact")
    schema = Schema({"event": event, "contact": contact}, {relationship.name: relationship})
    assert findings("PROFILE(event).FILTER(name CONTAINS 'run').TRAVERSE(event_contact_contactid)", schema=schema) == []
    assert findings("PROFILE(event).FILTER(nam CONTAINS 'run')", schema=schema) == [
        ("V013", "1:1-1:15", "a dynamic segment must end on the `contact` profile type, but this query ends on `event`"),
        ("V022", "1:23-1:26", "`nam` is not an attribute of table `event`; did you mean `name`?"),
    ]
