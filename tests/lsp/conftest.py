"""A real LSP client (pytest-lsp) talking to `python -m segquery.lsp` over stdio.

Each test module gets one server, started on a fresh workspace directory
(filled from the module's `workspace_files`); tests open documents under
their own names so they do not see each other's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_session import CONFIG, start_session, write_files
from pytest_lsp import LanguageClient


@pytest.fixture(scope="module")
def workspace_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty workspace directory; a module fills it through `workspace_files`."""
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="module")
def workspace_files() -> dict[str, str]:
    return {}


@pytest.fixture(scope="module")
def editor() -> str:
    """Whose capabilities the client announces (a name pytest-lsp knows)."""
    return "visual-studio-code"


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, workspace_root: Path, workspace_files: dict[str, str], editor: str):
    write_files(workspace_root, workspace_files)
    lsp_client.initialize_result = await start_session(  # type: ignore[attr-defined]
        lsp_client, workspace_root, editor)
    yield
    await lsp_client.shutdown_session()
