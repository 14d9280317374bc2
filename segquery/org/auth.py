"""Credentials from azure-identity, the library the platform's own tools use.

Secrets are never read from files of the project: the `env` mode reads
AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate
path) from the environment, and the other modes ask the machine's identity,
the Azure CLI's login, or a person at a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from segquery.org.errors import OrgError

if TYPE_CHECKING:
    from azure.core.credentials import TokenCredential

AUTH_MODES = ("default", "env", "managed-identity", "azure-cli", "device-code")
TOKEN_CACHE_NAME = "segquery"
"""Name of the persistent token cache (in the operating system's protected store) used by the modes
that support one, so a person signs in once rather than at every command."""


def make_credential(mode: str = "default", *, prompt: Callable[[str], None] | None = None) -> TokenCredential:
    """The credential for an `--auth` mode; `prompt` shows the device-code message (default: stderr)."""
    import azure.identity as identity

    if mode == "default":
        return identity.DefaultAzureCredential()
    if mode == "env":
        return identity.EnvironmentCredential()
    if mode == "managed-identity":
        return identity.ManagedIdentityCredential()
    if mode == "azure-cli":
        return identity.AzureCliCredential()
    if mode == "device-code":
        cache = identity.TokenCachePersistenceOptions(name=TOKEN_CACHE_NAME)

        def show(uri: str, code: str, expires: object) -> None:
            (prompt or _to_stderr)(f"To sign in, open {uri} and enter the code {code}")

        return identity.DeviceCodeCredential(prompt_callback=show, cache_persistence_options=cache)
    raise OrgError(f"unknown authentication mode {mode!r}: use one of {', '.join(AUTH_MODES)}")


def _to_stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)
