"""The org commands end to end (click's runner, the fake org), and what they never print."""

import json

import pytest
from click.testing import CliRunner

import segquery.org.connect as connect
from org_documents import serve_schema
from org_fakes import API, SECRET, make_client, org_url
from org_state import FakeOrg, outbound
from segquery.cli import main
from segquery.org.auth import AUTH_MODES, make_credential

A = "7649566b-79e2-e811-a989-000d3a135be0"


@pytest.fixture
def cli(httpserver, tls_context, credential, sleeps, monkeypatch, tmp_path):
    """Run `segquery ...` in tmp_path against the fake org (its certificate trusted, its credential fake)."""
    monkeypatch.setattr(connect, "open_client",
                        lambda settings, auth="default", credential_=None: make_client(
                            httpserver, tls_context, credential, sleeps))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000001")
    monkeypatch.setenv("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000002")
    monkeypatch.setenv("AZURE_CLIENT_SECRET", SECRET)

    def run(*args, input=None):
        return CliRunner().invoke(main, [*args, "--org", org_url(httpserver)], input=input)

    return run


def test_schema_pull_writes_the_file_and_check_reports_drift(cli, httpserver, tmp_path):
    serve_schema(httpserver, API)
    written = cli("schema", "pull", "--tables", "contact")
    assert written.exit_code == 0, written.output
    data = json.loads((tmp_path / "schema.json").read_text())
    assert sorted(data["tables"]) == ["contact"]
    assert cli("schema", "pull", "--check", "--tables", "contact").exit_code == 0
    (tmp_path / "schema.json").write_text((tmp_path / "schema.json").read_text().replace('"money"', '"decimal"'))
    drift = cli("schema", "pull", "--check", "--tables", "contact")
    assert drift.exit_code == 1
    assert '-    "xyz_leadscore": "decimal"\n+    "xyz_leadscore": "money"' in drift.output
    assert "schema.json: the org's schema has drifted from the file" in drift.output


def test_pull_plan_and_apply_from_a_plan_file(cli, httpserver, tmp_path):
    org = FakeOrg()
    org.tables["msdyncrm_segments"].append(outbound(A, "Adults", "PROFILE(contact)"))
    org.install(httpserver)
    pulled = cli("pull")
    assert (pulled.exit_code, pulled.output) == (0, "segments/adults.segq: written\n"
                                                    "1 written, 0 unchanged, 0 kept, 0 that do not parse\n")
    path = tmp_path / "segments" / "adults.segq"
    path.write_text(path.read_text().replace("PROFILE(contact)", "PROFILE(contact).FILTER(donotemail == false)"))
    planned = cli("plan", "--output-format", "json", "--out", "plan.json")
    assert planned.exit_code == 0
    assert json.loads(planned.output)["steps"] == [{
        "action": "update-query", "segment": "Adults", "method": "PATCH", "url": f"msdyncrm_segments({A})",
        "body": {"msdyncrm_segmentquery": "PROFILE(contact).FILTER(donotemail == false)"}, "write_id": None}]
    refused = cli("apply", "--plan", "plan.json")
    assert refused.exit_code == 2
    assert "nothing sent: give --yes to apply without a terminal to confirm on" in refused.output
    assert org.requests == []
    applied = cli("apply", "--plan", "plan.json", "--yes")
    assert applied.exit_code == 0, applied.output
    assert applied.output.splitlines()[-1] == "1 done, 0 failed, 0 not done"
    again = cli("plan")
    assert (again.exit_code, again.output) == (0, "No changes: the org matches the repository.\n")


def test_secrets_and_tokens_are_never_printed(cli, httpserver, tmp_path, monkeypatch, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(API + "msdyncrm_segments").respond_with_json({"error": {"message": "no"}}, status=401)
    result = cli("pull")
    assert result.exit_code == 2
    assert "the org refused the access token twice" in result.output
    for leaked in (SECRET, "token-1", "token-2", "Bearer"):
        assert leaked not in result.output and leaked not in caplog.text


def test_a_secret_in_the_configuration_is_refused_without_being_echoed(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.segquery.org]\nurl = "https://contoso.crm.dynamics.com"\nclient-secret = "{SECRET}"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["pull"])
    assert result.exit_code == 2
    assert result.output == (f"segquery pull: {tmp_path / 'pyproject.toml'}:3:1: `tool.segquery.org.client-secret`: "
                             "unknown key; secrets are never read from a file: set AZURE_CLIENT_SECRET (or use "
                             "another --auth mode)\n")


def test_a_plain_http_org_is_refused_before_anything_is_sent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["schema", "pull", "--org", "http://contoso.crm.dynamics.com"])
    assert (result.exit_code, result.output) == (2, (
        "segquery schema pull: the org URL must use https (got http): the access token is sent with every "
        "request and must not travel in the clear\n"))


def test_each_auth_mode_has_its_azure_identity_credential():
    assert [type(make_credential(mode)).__name__ for mode in AUTH_MODES] == [
        "DefaultAzureCredential", "EnvironmentCredential", "ManagedIdentityCredential", "AzureCliCredential",
        "DeviceCode"]


def test_check_remote_reports_where_the_service_and_segquery_differ(cli, httpserver, tmp_path):
    FakeOrg().install(httpserver)
    segments = tmp_path / "segments"
    segments.mkdir()
    (segments / "everyone.segq").write_text("PROFILE(contact)\n")
    (segments / "unknown.segq").write_text("PROFILE(UnknownEntity)\n")
    (segments / "broken.segq").write_text("PROFILE(contact).FILTER(\n")
    (segments / "rt.segq").write_text("// segquery: dialect = realtime\nPROFILE(contact)\n")
    result = cli("check", "--remote", "segments")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "segments/broken.segq: `broken`: DIFFERS: segquery says invalid (1:24: S007 `(` is never closed: add `)`); "
        "the service says valid",
        "segments/everyone.segq: `everyone`: agrees: segquery says valid; the service says valid",
        "segments/rt.segq: `rt`: not checked remotely: the service validates a real-time query only while "
        "publishing it (msdynmkt_PublishSegmentDefinition), which has side effects",
        "segments/unknown.segq: `unknown`: DIFFERS: segquery says valid; the service says invalid "
        "(SegmentDciValidator_SegmentInvalid on msdyncrm_query)",
        "2 of 3 checked segment(s) differ"]


@pytest.mark.parametrize(("answer", "sent", "status"), [("n\n", 0, 1), ("y\n", 1, 0)])
def test_apply_asks_on_a_terminal_before_sending(cli, httpserver, tmp_path, monkeypatch, answer, sent, status):
    import segquery.cli.apply_cmd as apply_cmd

    org = FakeOrg()
    org.install(httpserver)
    (tmp_path / "segments").mkdir()
    (tmp_path / "segments" / "everyone.segq").write_text("PROFILE(contact)\n")
    monkeypatch.setattr(apply_cmd, "can_confirm", lambda: True)
    result = cli("apply", input=answer)
    assert result.exit_code == status
    assert f"Send these 1 request(s) to {org_url(httpserver)}? [y/N]: " in result.output
    assert len(org.requests) == sent


def test_schema_pull_writes_the_configured_schema_file(cli, httpserver, tmp_path):
    serve_schema(httpserver, API)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "org.json").write_text('{"version": 1}\n')
    (tmp_path / "segquery.toml").write_text('schema = "schema/org.json"\n')
    result = cli("schema", "pull", "--tables", "new_loyaltytier")
    assert result.exit_code == 0, result.output
    assert result.output == f"{tmp_path / 'schema' / 'org.json'}: written\n"
    assert list(json.loads((tmp_path / "schema" / "org.json").read_text())["tables"]) == ["new_loyaltytier"]


def test_the_org_of_the_configuration_is_used_with_its_api_version(httpserver, tls_context, credential, sleeps,
                                                                   monkeypatch, tmp_path):
    made = []

    def open_client(settings, auth="default", credential_=None):
        made.append(settings)
        return make_client(httpserver, tls_context, credential, sleeps)

    monkeypatch.setattr(connect, "open_client", open_client)
    monkeypatch.chdir(tmp_path)
    FakeOrg().install(httpserver)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.segquery.org]\nurl = "https://Contoso.crm4.dynamics.com/"\napi-version = "v9.1"\n')
    result = CliRunner().invoke(main, ["pull"])
    assert result.exit_code == 0, result.output
    assert [(settings.url, settings.api_version) for settings in made] == [("https://contoso.crm4.dynamics.com",
                                                                            "v9.1")]


def test_a_plain_http_org_in_the_configuration_is_refused_with_its_position(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.segquery.org]\nurl = "http://contoso.crm.dynamics.com"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["plan", "."])
    assert (result.exit_code, result.output) == (2, (
        f"segquery plan: {tmp_path / 'pyproject.toml'}:2:1: `tool.segquery.org.url`: the org URL must use https "
        "(got http): the access token is sent with every request and must not travel in the clear\n"))


def test_pull_keeps_a_local_edit_shows_its_diff_and_replaces_it_with_force(cli, httpserver, tmp_path):
    org = FakeOrg()
    org.tables["msdyncrm_segments"].append(outbound(A, "Adults", "PROFILE(contact)"))
    org.install(httpserver)
    assert cli("pull").exit_code == 0
    path = tmp_path / "segments" / "adults.segq"
    path.write_text(path.read_text() + ".FILTER(donotemail == false)")
    kept = cli("pull")
    assert kept.exit_code == 1
    assert kept.output.splitlines()[:8] == [
        "segments/adults.segq: kept: it differs from the org (rerun with --force to replace it):",
        "--- a/segments/adults.segq", "+++ b/segments/adults.segq", "@@ -2,4 +2,4 @@",
        f" // segquery: id = {A}", " // segquery: type = dynamic", " // segquery: status = live",
        "-PROFILE(contact).FILTER(donotemail == false)"]
    assert path.read_text().endswith(".FILTER(donotemail == false)")
    forced = cli("pull", "--force")
    assert forced.exit_code == 0
    assert forced.output.splitlines()[0] == "segments/adults.segq: replaced (--force); it differed from the org:"
    assert path.read_text().endswith("\nPROFILE(contact)")


def test_apply_writes_new_ids_and_exits_1_when_a_file_changed_since_the_plan(cli, httpserver, tmp_path, monkeypatch):
    import uuid

    new_ids = iter(f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 9))
    monkeypatch.setattr(uuid, "uuid4", lambda: next(new_ids))
    FakeOrg().install(httpserver)
    (tmp_path / "segments").mkdir()
    (tmp_path / "segments" / "a.segq").write_text("PROFILE(contact)\n")
    (tmp_path / "segments" / "b.segq").write_text("PROFILE(contact)\n")
    assert cli("plan", "--out", "plan.json").exit_code == 0
    (tmp_path / "segments" / "b.segq").write_text("PROFILE(contact).FILTER(donotemail == false)\n")
    result = cli("apply", "--plan", "plan.json", "--yes")
    assert result.exit_code == 1
    first, second = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
    assert result.output.splitlines()[-3:] == [
        f"id {first} written into segments/a.segq",
        f"id {second} NOT written into segments/b.segq: it changed since the plan was made; it is left as it is; "
        f"add it yourself (`// segquery: id = {second}`), or the next plan matches the segment by its name",
        "2 done, 0 failed, 0 not done"]
    assert (tmp_path / "segments" / "a.segq").read_text() == f"// segquery: id = {first}\nPROFILE(contact)\n"
