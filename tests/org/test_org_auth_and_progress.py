"""The device-code sign-in's persistent token cache (a fake credential class stands in for azure-identity's),
and the progress bar of `schema pull`, shown on a terminal only (the terminal is faked by a flag)."""

import azure.identity
import pytest
from azure.core.credentials import AccessToken
from click.testing import CliRunner

import segquery.cli.schema_cmd as schema_cmd
import segquery.org.connect as connect
from org_documents import serve_schema
from org_fakes import API, make_client, org_url
from segquery.cli import main
from segquery.org.auth import make_credential

SCOPE = "https://contoso.crm.dynamics.com/.default"
NOT_KEPT = "the sign-in is not kept for the next command"


class FakeDeviceCode:
    """Stands in for azure.identity.DeviceCodeCredential: records how each one was made; `refuse` says
    how the persistent cache fails (None: it works), `when` whether at construction or first token."""

    made: list = []
    refuse: BaseException | None = None
    when = "token"

    def __init__(self, prompt_callback, cache_persistence_options=None):
        self.prompt, self.options = prompt_callback, cache_persistence_options
        FakeDeviceCode.made.append(self)
        if self.options is not None and self.refuse is not None and self.when == "construction":
            raise self.refuse

    def get_token(self, *scopes, **kwargs):
        if self.options is not None and self.refuse is not None:
            raise self.refuse
        self.prompt("https://microsoft.com/devicelogin", "ABC123", None)
        return AccessToken(f"token-{len(FakeDeviceCode.made)}", 4_000_000_000)


@pytest.fixture
def device_code(monkeypatch):
    monkeypatch.setattr(azure.identity, "DeviceCodeCredential", FakeDeviceCode)
    monkeypatch.setattr(FakeDeviceCode, "made", [])
    said = []
    return said


def test_device_code_keeps_its_token_in_the_persistent_cache_named_segquery(device_code):
    credential = make_credential("device-code", prompt=device_code.append)
    assert credential.get_token(SCOPE).token == "token-1"
    [made] = FakeDeviceCode.made
    assert isinstance(made.options, azure.identity.TokenCachePersistenceOptions)
    assert (made.options.name, made.options.allow_unencrypted_storage) == ("segquery", False)
    assert device_code == ["To sign in, open https://microsoft.com/devicelogin and enter the code ABC123"]


@pytest.mark.parametrize(("when", "error", "reason"), [
    ("token", ValueError("Cache encryption is impossible because libsecret dependencies are not installed or are "
                         "unusable, for example because no display is available (as in an SSH session). The "
                         "chained exception has more information."),
     "Cache encryption is impossible because libsecret dependencies are not installed or are unusable, for "
     "example because no display is available (as in an SSH session)"),
    ("token", ModuleNotFoundError("No module named 'msal_extensions'"), "No module named 'msal_extensions'"),
    ("construction", NotImplementedError("A persistent cache is not available in this environment."),
     "A persistent cache is not available in this environment"),
])
def test_without_a_persistence_back_end_the_sign_in_goes_on_and_says_why(device_code, monkeypatch, when, error,
                                                                          reason):
    monkeypatch.setattr(FakeDeviceCode, "refuse", error)
    monkeypatch.setattr(FakeDeviceCode, "when", when)
    credential = make_credential("device-code", prompt=device_code.append)
    assert credential.get_token(SCOPE).token == "token-2"
    assert [made.options is None for made in FakeDeviceCode.made] == [False, True]
    assert device_code == [f"No protected token store on this system ({reason}): {NOT_KEPT}",
                           "To sign in, open https://microsoft.com/devicelogin and enter the code ABC123"]
    assert credential.get_token(SCOPE).token == "token-2"        # the fallback is made once
    assert len(FakeDeviceCode.made) == 2


def test_the_cli_prints_the_no_cache_message_as_one_line_not_a_traceback(device_code, monkeypatch, httpserver,
                                                                         tls_context, tmp_path):
    monkeypatch.setattr(FakeDeviceCode, "refuse", ModuleNotFoundError("No module named 'msal_extensions'"))
    monkeypatch.setattr(connect, "open_client", lambda settings, auth="default", credential_=None: make_client(
        httpserver, tls_context, make_credential(auth)))
    monkeypatch.chdir(tmp_path)
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_json({"value": []})
    httpserver.expect_request(API + "msdynmkt_segmentdefinitions").respond_with_json({"value": []})
    httpserver.expect_request(API + "msdynmkt_segments").respond_with_json({"value": []})
    result = CliRunner().invoke(main, ["pull", "--auth", "device-code", "--org", org_url(httpserver)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == [
        f"No protected token store on this system (No module named 'msal_extensions'): {NOT_KEPT}",
        "To sign in, open https://microsoft.com/devicelogin and enter the code ABC123"]


# ---------------------------------------------------------------- the progress bar


@pytest.fixture
def schema_cli(httpserver, tls_context, credential, sleeps, monkeypatch, tmp_path):
    monkeypatch.setattr(connect, "open_client", lambda settings, auth="default", credential_=None: make_client(
        httpserver, tls_context, credential, sleeps))
    monkeypatch.chdir(tmp_path)
    serve_schema(httpserver, API)
    return lambda *args: CliRunner().invoke(main, ["schema", "pull", *args, "--org", org_url(httpserver)])


def test_the_progress_bar_is_shown_on_a_terminal(schema_cli, monkeypatch):
    monkeypatch.setattr(schema_cmd, "on_terminal", lambda: True)
    result = schema_cli()
    assert result.exit_code == 0, result.output
    # click's bar (its label, as the test's stream is no real terminal) comes before the result line
    assert result.output == "tables\nschema.json: written\n"


@pytest.mark.parametrize("args", [(), ("--check",)])
def test_no_progress_bar_without_a_terminal(schema_cli, monkeypatch, args):
    monkeypatch.setattr(schema_cmd, "on_terminal", lambda: False)
    result = schema_cli(*args)
    assert "tables" not in result.output and "#" not in result.output
    assert result.output == ("schema.json: written\n" if not args else
                             "schema.json: no such file\nschema.json: the org's schema has drifted from the file\n")


class Terminal:
    def isatty(self):
        return True


@pytest.mark.parametrize(("ci", "shown"), [(None, True), ("true", False)])
def test_a_terminal_shows_progress_unless_it_is_a_ci_job(monkeypatch, ci, shown):
    monkeypatch.setattr(schema_cmd.sys, "stderr", Terminal())
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert schema_cmd.on_terminal() is shown
