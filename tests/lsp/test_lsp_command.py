"""`segquery lsp` and `python -m segquery.lsp`: stdio, TCP, and their errors."""

from __future__ import annotations

import asyncio
import socket
import sys

import pytest
from click.testing import CliRunner
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from segquery.lsp.main import parse_address

from segquery.cli import main


def test_lsp_command_is_registered():
    result = CliRunner().invoke(main, ["lsp", "--help"])
    assert result.exit_code == 0
    assert "Run the language server (stdio by default)." in result.output
    assert "--tcp HOST:PORT" in result.output


def test_a_clear_error_without_the_lsp_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: the language server needs the `lsp` extra: pip install 'segquery[lsp]' (")


@pytest.mark.parametrize("address", ["localhost", "host:0", "host:70000", "host:port"])
def test_a_bad_tcp_address_is_a_usage_error(address):
    result = CliRunner().invoke(main, ["lsp", "--tcp", address])
    assert result.exit_code == 2
    assert f"expected HOST:PORT with a port from 1 to 65535, got '{address}'" in result.output


@pytest.mark.parametrize(("text", "expected"), [
    ("127.0.0.1:2087", ("127.0.0.1", 2087)),
    ("localhost:1", ("localhost", 1)),
    (":2087", ("127.0.0.1", 2087)),
    ("[::1]:2087", ("::1", 2087)),
])
def test_parse_address(text, expected):
    assert parse_address(text) == expected


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.asyncio
async def test_the_server_over_tcp():
    port = free_port()
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "segquery", "lsp", "--tcp", f"127.0.0.1:{port}", "--log-level", "INFO",
        stderr=asyncio.subprocess.PIPE)
    try:
        async with asyncio.timeout(30):
            # pygls logs the address once it listens.
            while b"Serving on" not in (line := await server.stderr.readline()):
                assert line, "the server exited before listening"
            client = LanguageClient("tcp-test", "1")
            await client.start_tcp("127.0.0.1", port)
            result = await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
            assert (result.server_info.name, result.capabilities.hover_provider) == ("segquery", True)
            await client.shutdown_async(None)
            client.exit(None)
            await client.stop()
    finally:
        if server.returncode is None:
            server.terminate()
        await server.wait()


def test_module_entry_point_rejects_a_bad_address():
    import subprocess

    completed = subprocess.run([sys.executable, "-m", "segquery.lsp", "--tcp", "nowhere"], check=False,
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert "expected HOST:PORT with a port from 1 to 65535, got 'nowhere'" in completed.stderr


@pytest.mark.asyncio
async def test_the_cli_command_serves_stdio():
    client = LanguageClient("stdio-test", "1")
    published = asyncio.get_running_loop().create_future()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        if not published.done():
            published.set_result(params)

    await client.start_io(sys.executable, "-m", "segquery", "lsp")
    try:
        async with asyncio.timeout(30):
            result = await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
            assert result.server_info.name == "segquery"
            client.initialized(types.InitializedParams())
            client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
                uri="untitled:Untitled-1", language_id="segquery", version=1, text="PROFILE(contact")))
            params = await published
            assert (params.uri, params.version, [item.code for item in params.diagnostics]) == (
                "untitled:Untitled-1", 1, ["S007"])
            await client.shutdown_async(None)
            client.exit(None)
    finally:
        await client.stop()
