"""Where the project and each rule's documentation live on the web.

SARIF (`informationUri`, `helpUri`), the language server (`codeDescription`)
and the package metadata all link to the same pages.
"""

from __future__ import annotations

import re

from segquery.rules import catalog

HOMEPAGE = "https://github.com/segquery/segquery"
# docs/rules.md as published; each rule is a heading of that page.
RULES_URL = f"{HOMEPAGE}/blob/main/docs/rules.md"


def heading_anchor(heading: str) -> str:
    """The anchor a Markdown renderer (GitHub's rules) gives a heading."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def rule_anchor(code: str) -> str:
    """The anchor of a rule's heading (`CODE name`) in docs/rules.md."""
    rule = catalog.get_rule(code)
    return heading_anchor(f"{rule.code} {rule.name}" if rule is not None else code)


def rule_url(code: str, base_url: str = RULES_URL) -> str:
    return f"{base_url}#{rule_anchor(code)}"
