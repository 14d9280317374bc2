"""`segquery lsp` and `python -m segquery.lsp`: stdio, TCP, and their errors."""

from __future__ import annotations

import asyncio
import socket
import subprocess
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


INSTALL_HINT = ("its dependencies (pygls, lsprotocol) are installed with segquery: "
                "run `python -m pip install .` in a clone of segquery, "
                "or `python -m pip install git+<repository URL>`")


def test_a_clear_error_without_the_server_dependencies(monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: the language server cannot start: import of pygls.lsp.server halted; None in sys.modules; "
        f"{INSTALL_HINT}\n")


# Hides pygls and lsprotocol from imports, then runs `python -m segquery.lsp`.
WITHOUT_DEPENDENCIES = """
import runpy, sys
class Hide:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("pygls", "lsprotocol"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
sys.meta_path.insert(0, Hide())
sys.argv = ["segquery.lsp"]
runpy.run_module("segquery.lsp", run_name="__main__", alter_sys=True)
"""


def test_the_module_entry_point_without_its_dependencies_says_one_line():
    completed = subprocess.run([sys.executable, "-c", WITHOUT_DEPENDENCIES], check=False,
                               capture_output=True, text=True, timeout=60)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == (
        f"Error: the language server cannot start: No module named 'lsprotocol'; {INSTALL_HINT}\n")


@pytest.mark.parametrize("flag", ["--node-ipc", "--socket=6009", "--pipe=/tmp/lsp.sock"])
def test_transports_the_server_does_not_speak_are_refused_clearly(flag):
    result = CliRunner().invoke(main, ["lsp", flag])
    assert result.exit_code == 2
    name = flag.split("=")[0]
    assert result.output.endswith(
        f"Error: {name} is not supported: the language server talks over standard input and output "
        "(or --tcp HOST:PORT); set the editor's transport to stdio\n")


def test_stdio_and_tcp_together_are_a_usage_error():
    result = CliRunner().invoke(main, ["lsp", "--stdio", "--tcp", "127.0.0.1:2087"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: --stdio and --tcp exclude each other: choose one transport\n")


def test_a_busy_port_is_a_clear_error_and_exit_2():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        completed = subprocess.run([sys.executable, "-m", "segquery", "lsp", "--tcp", f"127.0.0.1:{port}"],
                                   check=False, capture_output=True, text=True, timeout=60)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == (
        f"Error: the language server cannot listen on 127.0.0.1:{port}: Address already in use\n")


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
    completed = subprocess.run([sys.executable, "-m", "segquery.lsp", "--tcp", "nowhere"], check=False,
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert "expected HOST:PORT with a port from 1 to 65535, got 'nowhere'" in completed.stderr


@pytest.mark.asyncio
@pytest.mark.parametrize("command", [
    ["segquery", "lsp"],
    ["segquery", "lsp", "--stdio"],  # what vscode-languageclient appends for its stdio transport
    ["segquery", "lsp", "--stdio", "--clientProcessId=4242"],
    ["segquery", "lsp", "--clientProcessId", "4242", "--stdio"],
    ["segquery.lsp", "--stdio", "--clientProcessId=4242"],
])
async def test_the_server_serves_stdio_with_the_flags_clients_pass(command):
    client = LanguageClient("stdio-test", "1")
    published = asyncio.get_running_loop().create_future()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(_client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        if not published.done():
            published.set_result(params)

    await client.start_io(sys.executable, "-m", *command)
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
