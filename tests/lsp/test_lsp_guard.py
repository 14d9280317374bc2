"""The server's promises checked in-process, where a test can make the library
fail at will: a failing check still publishes (E007), a failing request is
answered with an error that carries no traceback, no future is kept per
notification, and the background thread drops cancelled jobs."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError
from segquery.lsp import project as project_module
from segquery.lsp import requests
from segquery.lsp.background import Background
from segquery.lsp.guard import answering
from segquery.lsp.assembly import create_server
from segquery.lsp.server import SegqueryLanguageServer

from segquery import engine

URI = "file:///project/query.segq"
OTHER = "file:///project/other.segq"
QUERY = "PROFILE(contact, c).FILTER(c.address1_city == 'Seattle')"


class Recorder:
    """Where the server writes: every message it sends, decoded."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.arrived = asyncio.Event()

    def write(self, data: bytes) -> None:
        self.messages.append(json.loads(data))
        self.arrived.set()

    async def response(self, message_id: int) -> dict[str, Any]:
        async with asyncio.timeout(10):
            while True:
                found = [message for message in self.messages if message.get("id") == message_id]
                if found:
                    return found[0]
                self.arrived.clear()
                await self.arrived.wait()

    def close(self) -> None:
        pass

    def sent(self, method: str) -> list[dict[str, Any]]:
        return [message["params"] for message in self.messages if message.get("method") == method]


@pytest.fixture
def server() -> SegqueryLanguageServer:
    server = create_server()
    server.protocol.set_writer(Recorder(), include_headers=False)
    return server


def recorder(server: SegqueryLanguageServer) -> Recorder:
    return server.protocol.writer  # type: ignore[return-value]


def receive(server: SegqueryLanguageServer, message: dict[str, Any]) -> None:
    """A message from the client, decoded and handled as pygls does."""
    protocol = server.protocol
    protocol.handle_message(json.loads(json.dumps({"jsonrpc": "2.0", **message}),
                                       object_hook=protocol.structure_message))


def open_document(server: SegqueryLanguageServer, uri: str, text: str) -> None:
    server.documents.open(types.TextDocumentItem(uri=uri, language_id="segquery", version=1, text=text))


@pytest.fixture
def failing_library(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking any text raises, as a bug in the library would."""
    def check_text(text: str, **options: Any):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
    monkeypatch.setattr(engine, "check_text", check_text)


FAILURE = ("segquery could not check this document (ValueError: Exceeds the limit (4300 digits) for integer "
           "string conversion); please report this as a bug")


# ---------------------------------------------------------------- a failing check


async def test_a_failing_check_publishes_an_internal_error_diagnostic(server, failing_library):
    open_document(server, URI, QUERY)
    server.refresh(URI)
    [published] = recorder(server).sent("textDocument/publishDiagnostics")
    assert published == {"uri": URI, "version": 1, "diagnostics": [{
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "severity": 1, "code": "E007",
        "codeDescription": {"href": "https://github.com/segquery/segquery/blob/main/docs/rules.md#e007-internal-error"},
        "source": "segquery", "message": FAILURE}]}
    [logged] = recorder(server).sent("window/logMessage")
    assert logged == {"type": 1, "message": f"segquery: checking {URI} failed: ValueError: Exceeds the limit "
                                            "(4300 digits) for integer string conversion"}


async def test_every_document_is_published_when_one_check_fails(server, monkeypatch):
    real_check = engine.check_text

    def check_text(text: str, **options: Any):
        if "9999" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_check(text, **options)

    monkeypatch.setattr(engine, "check_text", check_text)
    open_document(server, URI, "PROFILE(contact).FILTER(numberofemployees == 9999)")
    open_document(server, OTHER, "PROFILE(contact).FILTER(")
    server.refresh(URI)
    server.refresh(OTHER)
    published = {params["uri"]: [item["code"] for item in params["diagnostics"]]
                 for params in recorder(server).sent("textDocument/publishDiagnostics")}
    assert published == {URI: ["E007"], OTHER: ["S007"]}


async def test_fix_all_answers_when_the_check_fails(server, failing_library):
    open_document(server, URI, QUERY)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=URI),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.segquery"]))
    assert answering(server, types.TEXT_DOCUMENT_CODE_ACTION, requests.code_action)(params) == []


async def test_documents_are_published_when_reading_the_workspace_fails(server, monkeypatch, tmp_path):
    def from_paths(*args: Any, **kwargs: Any):
        raise OSError("disk on fire")

    monkeypatch.setattr(project_module.Workspace, "from_files", from_paths)
    open_document(server, URI, "PROFILE(contact).FILTER(")
    server.load_project([tmp_path])
    server.refresh(URI)
    assert recorder(server).sent("window/showMessage") == [{"type": 1, "message": (
        "segquery: reading the workspace failed (OSError: disk on fire); please report this as a bug")}]
    [published] = recorder(server).sent("textDocument/publishDiagnostics")
    assert [item["code"] for item in published["diagnostics"]] == ["S007"]


# ---------------------------------------------------------------- a failing request


async def test_a_failing_request_is_answered_with_an_error_without_traceback(server, monkeypatch):
    def hover_at(*args: Any, **kwargs: Any):
        raise KeyError("alias")

    monkeypatch.setattr(requests, "hover_at", hover_at)
    open_document(server, URI, QUERY)
    params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=URI),
                               position=types.Position(line=0, character=1))
    with pytest.raises(JsonRpcInternalError) as raised:
        answering(server, types.TEXT_DOCUMENT_HOVER, requests.hover)(params)
    assert raised.value.to_response_error() == types.ResponseError(
        code=-32603, message="segquery could not answer textDocument/hover (KeyError: 'alias'); "
                             "please report this as a bug")
    assert recorder(server).sent("window/logMessage") == [
        {"type": 1, "message": "segquery: textDocument/hover failed: KeyError: 'alias'"}]


async def test_every_request_handler_is_registered_through_the_guard(server):
    registered = server.protocol.fm.features
    for table in (requests.HANDLERS, requests.BACKGROUND_HANDLERS):
        for method in table:
            assert registered[method].__qualname__.startswith("answering.<locals>."), method


# ---------------------------------------------------------------- notifications keep nothing


async def test_no_future_is_kept_per_notification(server):
    for number in range(200):
        uri = f"file:///project/q{number}.segq"
        receive(server, {"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "segquery", "version": 1, "text": QUERY}}})
        receive(server, {"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": QUERY}]}})
        receive(server, {"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    assert server.protocol._request_futures == {}


async def test_the_future_of_a_request_is_dropped_once_answered(server):
    open_document(server, URI, QUERY)
    receive(server, {"id": 7, "method": "textDocument/foldingRange", "params": {"textDocument": {"uri": URI}}})
    answer = await recorder(server).response(7)
    assert answer["result"] == []
    await asyncio.sleep(0)  # one turn of the loop: the done-callbacks run after the answer is written
    assert server.protocol._request_futures == {}


# ---------------------------------------------------------------- the background thread


async def test_a_job_cancelled_before_it_starts_never_runs():
    background = Background("test")
    release = threading.Event()
    ran: list[str] = []
    first = background.submit(lambda: release.wait() and ran.append("first"))
    second = background.submit(lambda: ran.append("second"))
    assert second.cancel()
    release.set()
    third = asyncio.wrap_future(background.submit(lambda: ran.append("third")))
    async with asyncio.timeout(10):
        await third
    assert first.result() is None
    assert ran == ["first", "third"]


async def test_an_exception_in_a_job_reaches_whoever_awaits_it():
    with pytest.raises(ZeroDivisionError):
        async with asyncio.timeout(10):
            await Background("test").run(lambda: 1 / 0)


# ---------------------------------------------------------------- the upstream reproducer


def test_the_documented_reproducer_shows_the_upstream_leak(tmp_path: Path):
    """The script in docs/language-server.md still shows pygls keeping one future per
    notification; when it prints 0, pygls is fixed and the workaround in
    `protocol.py` can go."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "language-server.md").read_text(encoding="utf-8")
    [script] = re.findall(r"```python\n(# pygls_notification_leak\.py.*?)```", doc, flags=re.DOTALL)
    (tmp_path / "reproducer.py").write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "reproducer.py")], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout == "futures kept after 2000 notifications: 2000\n"
