"""V012: DISTINCT() only matters after a TRAVERSE.

The distinct-placement rule's findings, pinned by code, range and message."""

from semantic_helpers import findings, fixed, only


def test_distinct_before_any_traverse():
    text = "PROFILE(contact).DISTINCT().FILTER(statecode == 0)"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.severity.label, diagnostic.message) == (
        "V012", "warning", "DISTINCT() has no effect before a TRAVERSE: the records of PROFILE(contact) are already "
                           "distinct")
    assert diagnostic.fix.applicability.value == "safe"
    assert fixed(text, diagnostic) == "PROFILE(contact).FILTER(statecode == 0)"


def test_distinct_repeated():
    text = "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()\n  .DISTINCT()"
    diagnostic = only(text)
    assert (diagnostic.code, diagnostic.message) == ("V012", "DISTINCT() is repeated: the records are already distinct")
    assert fixed(text, diagnostic) == "PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()\n  "


def test_distinct_after_traverse_is_fine():
    assert findings("PROFILE(account).TRAVERSE(contact_account_parentcustomerid).DISTINCT()") == []
