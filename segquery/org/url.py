"""The org URL: checked before anything is sent, because a token travels with every request.

An org URL is `https://<org>.crm<n>.dynamics.com`: plain http would send the
bearer token in the clear, and credentials written into the URL would end up in
logs and shell histories, so both are refused.
"""

from __future__ import annotations

from urllib.parse import urlsplit

DEFAULT_API_VERSION = "v9.2"


def org_url_problem(url: object) -> str | None:
    """Why `url` cannot be an org URL, or None when it can."""
    if not isinstance(url, str) or not url.strip():
        return "expected the org URL, such as \"https://contoso.crm.dynamics.com\""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "https":
        shown = parts.scheme or "no scheme"
        return (f"the org URL must use https (got {shown}): the access token is sent with every request "
                "and must not travel in the clear")
    if not parts.hostname:
        return "the org URL has no host name"
    if parts.username is not None or parts.password is not None:
        return ("the org URL must not hold a user name or password; credentials come from the environment "
                "or the Azure credential chain")
    if parts.query or parts.fragment:
        return "the org URL must not have a query or a fragment"
    if parts.path.strip("/"):
        return f"the org URL is the address of the org alone, without a path (got {parts.path!r})"
    return None


def normalize_org_url(url: str) -> str:
    """`https://Contoso.crm.dynamics.com/` -> `https://contoso.crm.dynamics.com`; ValueError when refused."""
    problem = org_url_problem(url)
    if problem is not None:
        raise ValueError(problem)
    parts = urlsplit(url.strip())
    port = f":{parts.port}" if parts.port else ""
    return f"https://{(parts.hostname or '').lower()}{port}"


def scope_for(url: str) -> str:
    """The Azure AD scope that grants access to the org's Web API."""
    return normalize_org_url(url) + "/.default"
