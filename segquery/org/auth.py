"""Credentials from azure-identity, the library the platform's own tools use.

Secrets are never read from files of the project: the `env` mode reads
AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate
path) from the environment, and the other modes ask the machine's identity,
the Azure CLI's login, or a person at a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from segquery.org.errors import OrgError

if TYPE_CHECKING:
    from azure.core.credentials import AccessToken, TokenCredential

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
        return DeviceCode(prompt or _to_stderr)
    raise OrgError(f"unknown authentication mode {mode!r}: use one of {', '.join(AUTH_MODES)}")


class DeviceCode:
    """DeviceCodeCredential with azure-identity's persistent token cache, so that a person signs in once.

    Where the system has no protected store for it (Linux without libsecret, an SSH session, a
    platform msal-extensions does not serve, or msal-extensions missing), azure-identity refuses the
    cache, when the credential is made or when the first token is asked for; the sign-in then goes on
    without it (and says why) rather than storing tokens unencrypted.
    """

    def __init__(self, prompt: Callable[[str], None]) -> None:
        import azure.identity as identity

        self._prompt = prompt
        try:
            self._credential = identity.DeviceCodeCredential(
                prompt_callback=self._show,
                cache_persistence_options=identity.TokenCachePersistenceOptions(name=TOKEN_CACHE_NAME))
        except NO_CACHE_ERRORS as error:
            self._credential = self._without_cache(error)
            self._cached = False
        else:
            self._cached = True

    def _show(self, uri: str, code: str, expires: object) -> None:
        self._prompt(f"To sign in, open {uri} and enter the code {code}")

    def _without_cache(self, error: BaseException) -> Any:
        import azure.identity as identity

        self._prompt(f"No protected token store on this system ({_first_sentence(error)}): "
                     "the sign-in is not kept for the next command")
        return identity.DeviceCodeCredential(prompt_callback=self._show)

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        try:
            return self._credential.get_token(*scopes, **kwargs)
        except NO_CACHE_ERRORS as error:
            if not self._cached:
                raise
            self._credential, self._cached = self._without_cache(error), False
        return self._credential.get_token(*scopes, **kwargs)


NO_CACHE_ERRORS = (ValueError, ImportError, NotImplementedError)
"""What azure-identity raises when the persistent cache cannot be had: no encryption back end (ValueError),
msal-extensions missing (ImportError), a platform without a store (NotImplementedError)."""


def _first_sentence(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text.split(". ")[0].rstrip(".")


def _to_stderr(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)
