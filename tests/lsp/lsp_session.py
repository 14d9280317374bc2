"""Driving the server under test: the client, the session, and small helpers
to open, edit and wait. Waiting is always for a message from the server,
never for a fixed time."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

# Tests wait on events (a publication, a response); this only stops a test whose server
# hangs. It must exceed what a slow answer takes on a loaded 2-core machine: starting the
# server there took 16-30 s, and a 10,000-line document's diagnostics over 20 s.
WAIT_SECONDS = 180.0
SERVER_COMMAND = [sys.executable, "-m", "segquery.lsp"]


def _record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published[params.uri] = params  # type: ignore[attr-defined]
    client.publish_count[params.uri] = client.publish_count.get(params.uri, 0) + 1  # type: ignore[attr-defined]
    # Wake every waiter, then give later waiters a fresh event to wait on.
    arrived, client.publication = client.publication, asyncio.Event()  # type: ignore[attr-defined]
    arrived.set()


def _record_registration(client: LanguageClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)  # type: ignore[attr-defined]
    client.registered.set()  # type: ignore[attr-defined]


async def wait_for_registration(client: LanguageClient) -> None:
    """Until the server's client/registerCapability request has arrived."""
    async with asyncio.timeout(WAIT_SECONDS):
        await client.registered.wait()  # type: ignore[attr-defined]


def _record_refresh(method: str) -> Callable[[LanguageClient, None], None]:
    def record(client: LanguageClient, params: None) -> None:
        client.refreshes.append(method)  # type: ignore[attr-defined]
        client.refreshed.set()  # type: ignore[attr-defined]
    return record


async def wait_for_refresh(client: LanguageClient, method: str) -> None:
    """Until the server has sent the `workspace/.../refresh` request `method`."""
    async with asyncio.timeout(WAIT_SECONDS):
        while method not in client.refreshes:  # type: ignore[attr-defined]
            client.refreshed.clear()  # type: ignore[attr-defined]
            await client.refreshed.wait()  # type: ignore[attr-defined]


def make_client() -> LanguageClient:
    """pytest-lsp's test client, also keeping each publication's version and
    accepting (and keeping) the server's dynamic registrations."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = {}  # type: ignore[attr-defined]
    client.publish_count = {}  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    client.registered = asyncio.Event()  # type: ignore[attr-defined]
    client.publication = asyncio.Event()  # type: ignore[attr-defined]
    client.refreshes = []  # type: ignore[attr-defined]
    client.refreshed = asyncio.Event()  # type: ignore[attr-defined]
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_diagnostics
    features[types.CLIENT_REGISTER_CAPABILITY] = _record_registration
    for method in (types.WORKSPACE_CODE_LENS_REFRESH, types.WORKSPACE_INLAY_HINT_REFRESH,
                   types.WORKSPACE_DIAGNOSTIC_REFRESH):
        features[method] = _record_refresh(method)
    register_lsp_features(client, features)
    return client


CONFIG = ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client)


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


async def wait_for_diagnostics(client: LanguageClient, uri: str,
                               where: Callable[[types.PublishDiagnosticsParams], bool] = lambda params: True,
                               ) -> list[types.Diagnostic]:
    """The first publication for `uri` (already received or still to come) that satisfies `where`.

    The event to wait on is taken in the same step as the look at what has
    arrived, so a publication that arrives in between cannot be missed (as it
    could with pytest-lsp's `wait_for_notification`, whose waiter is only
    registered once its task first runs)."""
    async with asyncio.timeout(WAIT_SECONDS):
        while True:
            arrived = client.publication  # type: ignore[attr-defined]
            params = client.published.get(uri)  # type: ignore[attr-defined]
            if params is not None and where(params):
                return list(params.diagnostics)
            await arrived.wait()


async def wait_for_version(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    return await wait_for_diagnostics(client, uri, lambda params: params.version == version)


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.published.pop(uri, None)  # type: ignore[attr-defined]
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="segquery", version=version, text=text)))


def close_document(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def edit(client: LanguageClient, uri: str, version: int, start: tuple[int, int], end: tuple[int, int],
         text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=start[0], character=start[1]),
                              end=types.Position(line=end[0], character=end[1])),
            text=text)]))


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def span(lsp_range: types.Range) -> tuple[int, int, int, int]:
    """A range as (start line, start character, end line, end character), for exact asserts."""
    return lsp_range.start.line, lsp_range.start.character, lsp_range.end.line, lsp_range.end.character


async def start_session(client: LanguageClient, root: Path, editor: str = "visual-studio-code",
                        capabilities: types.ClientCapabilities | None = None,
                        **options) -> types.InitializeResult:
    return await client.initialize_session(types.InitializeParams(
        capabilities=capabilities or client_capabilities(editor),
        root_uri=uri_of(root),
        workspace_folders=[types.WorkspaceFolder(uri=uri_of(root), name=root.name)],
        initialization_options=options or None,
    ))


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


