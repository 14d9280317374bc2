"""Editor features on nesting deeper than the parser accepts answer, never recurse without bound."""

from __future__ import annotations

from segquery import ide
from segquery.schema import default_schema

DEPTH = 1000
TEXT = "(" * DEPTH + "PROFILE(account).FILTER(revenue > 1)" + ")" * DEPTH + \
    ".TRAVERSE(contact_account_parentcustomerid)"


def test_hover_and_completion_after_a_very_deep_group():
    offset = TEXT.index("contact_account_parentcustomerid") + 3
    schema = default_schema()
    # The relationship is described; what the TRAVERSE starts from is not worked out that deep.
    hover = ide.hover(TEXT, offset, schema=schema)
    assert hover.markdown.startswith("**contact_account_parentcustomerid** (relationship)\n\nLookup: "
                                     "`contact.parentcustomerid` → `account`")
    assert "TRAVERSE from" not in hover.markdown
    items = ide.complete(TEXT, offset, schema=schema)
    assert "contact_account_parentcustomerid" in {item.label for item in items}
