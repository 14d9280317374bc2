"""Settings from the workspace's segquery.toml / pyproject.toml: rules,
severities and schema, reloaded when the file changes."""

from __future__ import annotations

import json

import pytest
from lsp_session import (
    at,
    close_document,
    doc,
    open_document,
    uri_of,
    wait_for_diagnostics,
    wait_for_version,
)
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

STYLE = 'profile(contact).filter(fullname == "Ann")\n'
MEMBERS = "PROFILE(member).FILTER(nickname == 'Ann')\n"
SCHEMA = {"version": 1, "tables": {"member": {"attributes": {"memberid": "uniqueidentifier",
                                                              "nickname": "string"}}}}


@pytest.fixture(scope="module")
def workspace_files() -> dict[str, str]:
    return {"style.segq": STYLE, "members.segq": MEMBERS, "custom_schema.json": json.dumps(SCHEMA)}


def summary(diagnostics: list[types.Diagnostic]) -> list[tuple[str, types.DiagnosticSeverity]]:
    return [(item.code, item.severity) for item in diagnostics]


def settings_changed(client, workspace_root, text: str) -> None:
    path = workspace_root / "segquery.toml"
    existed = path.exists()
    path.write_text(text, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=uri_of(path), type=types.FileChangeType.Changed if existed else types.FileChangeType.Created)]))


def settings_removed(client, workspace_root) -> None:
    path = workspace_root / "segquery.toml"
    path.unlink()
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
        uri=uri_of(path), type=types.FileChangeType.Deleted)]))


WARNING, ERROR = types.DiagnosticSeverity.Warning, types.DiagnosticSeverity.Error


async def test_rules_and_severities_follow_the_settings_file(client, workspace_root):
    uri = uri_of(workspace_root / "style.segq")
    open_document(client, uri, STYLE)
    assert summary(await wait_for_version(client, uri, 1)) == [("L001", WARNING), ("L001", WARNING),
                                                               ("L002", WARNING)]
    settings_changed(client, workspace_root, 'ignore = ["L001"]\nseverity = { L002 = "error" }\n')
    assert summary(await wait_for_diagnostics(client, uri, lambda params: len(params.diagnostics) == 1)) == [
        ("L002", ERROR)]
    # A broken file: the server says why, and checks with the defaults meanwhile.
    settings_changed(client, workspace_root, 'ignore = ["L001"]\nignor = ["L002"]\n')
    assert summary(await wait_for_diagnostics(client, uri, lambda params: len(params.diagnostics) == 3)) == [
        ("L001", WARNING), ("L001", WARNING), ("L002", WARNING)]
    [message] = [item for item in client.messages if item.type == types.MessageType.Warning]
    assert message.message == (f"segquery: {workspace_root / 'segquery.toml'}:2:1: `ignor`: unknown key; "
                               "did you mean `ignore`?")
    settings_removed(client, workspace_root)
    close_document(client, uri)


async def test_the_schema_setting(client, workspace_root):
    uri = uri_of(workspace_root / "members.segq")
    open_document(client, uri, MEMBERS)
    [unknown] = await wait_for_version(client, uri, 1)
    # `member` is not in the bundled schema: a warning until the org's schema is configured.
    assert (unknown.code, unknown.severity) == ("V046", types.DiagnosticSeverity.Warning)
    settings_changed(client, workspace_root, 'schema = "custom_schema.json"\ntarget = "member"\n')
    assert await wait_for_diagnostics(client, uri, lambda params: not params.diagnostics) == []
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at(0, 8)))
    tables = [item.label for item in result.items if item.kind == types.CompletionItemKind.Class]
    # A configured JSON schema extends the bundled one (docs/schema.md): both kinds of table are offered.
    assert "member" in tables and "contact" in tables
    settings_removed(client, workspace_root)
    close_document(client, uri)


async def test_a_configuration_change_notification_reloads_the_settings(client, workspace_root):
    uri = uri_of(workspace_root / "style.segq")
    open_document(client, uri, STYLE)
    assert len(await wait_for_version(client, uri, 1)) == 3
    # Written without a file event (a client that watches nothing): the next
    # workspace/didChangeConfiguration reloads it.
    (workspace_root / "segquery.toml").write_text('ignore = ["L"]\n', encoding="utf-8")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    assert await wait_for_diagnostics(client, uri, lambda params: not params.diagnostics) == []
    settings_removed(client, workspace_root)
    close_document(client, uri)
