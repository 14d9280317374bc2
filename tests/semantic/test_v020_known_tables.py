"""V020, the table part of V021 and of V046: PROFILE(table) names a table of the schema.

The known-tables rule's findings, pinned by code, range and message."""

from segquery.schema import Schema, default_schema

from semantic_helpers import findings, fixed, only

# A schema the user configured: the bundled one with nothing added, but not the bundled one itself.
CONFIGURED = default_schema().merge(Schema())


def test_unknown_table_with_suggestion():
    diagnostic = only("PROFILE(contacts)")
    assert (diagnostic.code, diagnostic.message) == ("V020", "unknown table `contacts`; did you mean `contact`?")
    assert (diagnostic.range.start.column, diagnostic.range.end.column) == (9, 17)
    assert diagnostic.fix.applicability.value == "unsafe"
    assert fixed("PROFILE(contacts)", diagnostic) == "PROFILE(contact)"


def test_unknown_table_without_suggestion():
    assert findings("PROFILE(Membership)", schema=CONFIGURED) == [("V020", "1:9-1:19", "unknown table `Membership`")]


def test_table_in_another_case():
    diagnostic = only("PROFILE(Contact)")
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (
        "V021", "warning", "table `Contact` is named `contact` in the schema")
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed("PROFILE(Contact)", diagnostic) == "PROFILE(contact)"
