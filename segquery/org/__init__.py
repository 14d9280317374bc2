"""Working against a real org: its schema and segments pulled into the repository, and
reviewed changes planned and applied back in dependency order. See docs/org.md."""

from segquery.org.auth import AUTH_MODES, make_credential
from segquery.org.client import Client, query_string
from segquery.org.errors import OrgError
from segquery.org.url import normalize_org_url, org_url_problem, scope_for

__all__ = ["AUTH_MODES", "Client", "OrgError", "make_credential", "normalize_org_url", "org_url_problem",
           "query_string", "scope_for"]
