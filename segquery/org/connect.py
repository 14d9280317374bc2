"""Which org to talk to, and how: the URL from `--org` or `[tool.segquery.org]`, the credential from `--auth`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from segquery.config import Config, ConfigError, ConfigFinder
from segquery.config.model import OrgSettings
from segquery.org.errors import OrgError
from segquery.org.url import DEFAULT_API_VERSION, normalize_org_url

if TYPE_CHECKING:
    from azure.core.credentials import TokenCredential

    from segquery.org.client import Client


def project_config(config: str | None = None, directory: Path | None = None) -> Config:
    """The configuration file given, else the one that applies to `directory` (default: the working one)."""
    try:
        return ConfigFinder(Path(config) if config else None).for_directory((directory or Path.cwd()).resolve())
    except ConfigError as error:
        raise OrgError(str(error)) from None


def org_settings(url: str | None = None, *, config: str | None = None, directory: Path | None = None) -> OrgSettings:
    """`url` when given, else the configuration's `[tool.segquery.org]` (found from `directory`)."""
    if url is not None:
        try:
            return OrgSettings(normalize_org_url(url), DEFAULT_API_VERSION)
        except ValueError as error:
            raise OrgError(str(error)) from None
    found = project_config(config, directory)
    if found.org is None:
        raise OrgError("no org to talk to: give --org URL, or set `url` in `[tool.segquery.org]` of pyproject.toml "
                       "(or `[org]` of segquery.toml)")
    return found.org


def open_client(settings: OrgSettings, auth: str = "default", credential: TokenCredential | None = None) -> Client:
    """A Client for the org, signed in with the `auth` mode's credential (or the one given)."""
    from segquery.org.auth import make_credential
    from segquery.org.client import Client

    return Client(settings.url, credential or make_credential(auth), api_version=settings.api_version)
