"""The language server: its state, and publishing diagnostics.

The state is the open documents (`DocumentStore`) and the project (settings
and workspace, `project.Project`). Handlers live in `notifications` (they
change the state) and `requests` (they read a snapshot of it); every answer
comes from a library function, converted at the boundary by `convert` and
`results`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer

from segquery import __version__
from segquery.diagnostics import Diagnostic
from segquery_lsp.convert import UTF16, LineIndex
from segquery_lsp.debounce import Debouncer
from segquery_lsp.diagnostics import DEFAULT_RULES_URL, to_lsp_diagnostic
from segquery_lsp.documents import Document, DocumentStore, path_key
from segquery_lsp.project import Project
from segquery_lsp.protocol import SegqueryProtocol
from segquery_lsp.results import CompletionOptions

logger = logging.getLogger(__name__)

NAME = "segquery"


class SegqueryLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__, protocol_cls=SegqueryProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = DocumentStore()
        self.project = Project()
        self.rules_url = DEFAULT_RULES_URL
        self.diagnostics = Debouncer(self.refresh)
        # The library diagnostics last published for each document, with its version.
        self._checked: dict[str, tuple[int | None, list[Diagnostic]]] = {}
        # The version of each open document that the project's workspace holds.
        self._synced: dict[str, int | None] = {}

    # ------------------------------------------------------------ what the client can take

    @property
    def encoding(self) -> str:
        return str(self.server_capabilities.position_encoding or UTF16)

    @cached_property
    def completion_options(self) -> CompletionOptions:
        capabilities = self.client_capabilities
        defaults = get_capability(capabilities, "text_document.completion.completion_list.item_defaults", None) or ()
        resolvable = get_capability(capabilities, "text_document.completion.completion_item.resolve_support", None)
        return CompletionOptions(
            snippets=bool(get_capability(capabilities, "text_document.completion.completion_item.snippet_support",
                                         False)),
            default_edit_range="editRange" in defaults,
            default_data="data" in defaults,
            lazy_documentation=resolvable is not None and "documentation" in (resolvable.properties or ()))

    @property
    def client_supports_label_offsets(self) -> bool:
        return bool(get_capability(
            self.client_capabilities,
            "text_document.signature_help.signature_information.parameter_information.label_offset_support",
            False))

    @property
    def client_supports_document_changes(self) -> bool:
        return bool(get_capability(self.client_capabilities, "workspace.workspace_edit.document_changes", False))

    # ------------------------------------------------------------ snapshots

    def document(self, uri: str) -> Document | None:
        return self.documents.get(uri)

    def index_for_path(self, path: str) -> LineIndex | None:
        """The text of another file, open or on disk, for related locations and edits."""
        document = self.documents.by_path(path)
        if document is not None:
            return document.index
        text = self.project.file_text(path)
        return LineIndex(text, self.encoding) if text is not None else None

    def library_diagnostics(self, document: Document) -> list[Diagnostic]:
        """The document's diagnostics: those last published when they are of this version."""
        checked = self._checked.get(document.uri)
        if checked is not None and checked[0] == document.version:
            return checked[1]
        return self.project.check(document.text, document.path)

    def fix_check(self, document: Document) -> Callable[[str], list[Diagnostic]]:
        """What fixing a document until nothing is left re-checks after each pass."""
        return lambda text: self.project.check_text(text, document.path)

    def lsp_diagnostic(self, diagnostic: Diagnostic, document: Document) -> types.Diagnostic:
        return to_lsp_diagnostic(diagnostic, document.index, rules_url=self.rules_url, document_uri=document.uri,
                                 index_for_path=self.index_for_path)

    # ------------------------------------------------------------ the project

    def load_project(self, roots: list[Path]) -> None:
        """(Re)read the settings and files below `roots`, keeping the open documents' texts."""
        open_documents = [document for document in self.documents if document.path is not None]
        self.project.load(roots, {document.path: document.text for document in open_documents})
        self._synced = {document.uri: document.version for document in open_documents}
        for problem in self.project.problems:
            self.show(types.MessageType.Warning, f"segquery: {problem}")
        self.schedule_all_diagnostics()

    def close_document(self, uri: str) -> None:
        document = self.documents.close(uri)
        self._synced.pop(uri, None)
        self.clear_diagnostics(uri)
        if document is not None and document.path is not None:
            # The file on disk takes the place of the closed editor's text.
            self.schedule_diagnostics(self.project.update(document.path))

    # ------------------------------------------------------------ diagnostics

    def refresh(self, uri: str) -> None:
        """Give the workspace the document's latest text, recheck the other open
        documents that this may affect, and publish the document's diagnostics."""
        document = self.documents.get(uri)
        if document is None:
            return
        if document.path is not None and self._synced.get(uri, -1) != document.version:
            affected = self.project.update(document.path, document.text)
            self._synced[uri] = document.version
            own = path_key(document.path)
            self.schedule_diagnostics(path for path in affected if path_key(path) != own)
        self.publish_diagnostics(uri)

    def schedule_diagnostics(self, paths: Iterable[str]) -> None:
        """Recheck the open documents among `paths` (files whose diagnostics may have changed)."""
        for path in paths:
            document = self.documents.by_path(path)
            if document is not None:
                self.diagnostics.schedule(document.uri)

    def schedule_all_diagnostics(self) -> None:
        for document in self.documents:
            self.diagnostics.schedule(document.uri)

    def publish_diagnostics(self, uri: str) -> None:
        """Check the latest version of an open document and publish its diagnostics."""
        document = self.documents.get(uri)
        if document is None:
            return
        try:
            found = self.project.check(document.text, document.path)
            diagnostics = [self.lsp_diagnostic(item, document) for item in found]
        except Exception as error:  # reported to the client; the server keeps serving
            logger.exception("checking %s failed", uri)
            self.log(types.MessageType.Error, f"checking {uri} failed: {type(error).__name__}: {error}")
            return
        self._checked[uri] = (document.version, found)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=diagnostics))

    def clear_diagnostics(self, uri: str) -> None:
        self.diagnostics.forget(uri)
        self._checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # ------------------------------------------------------------ messages

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))


def create_server() -> SegqueryLanguageServer:
    """A server with every handler registered."""
    from segquery_lsp import notifications, requests

    server = SegqueryLanguageServer()
    notifications.register(server)
    requests.register(server)
    return server
