"""The language server: its state, and publishing diagnostics.

The state is the open documents (`DocumentStore`) and the project (settings
and workspace, `project.Project`). Handlers live in `notifications` (they
change the state) and `requests` (they read a snapshot of it); every answer
comes from a library function, converted at the boundary by `convert` and
`results`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from functools import cached_property
from pathlib import Path
from typing import cast

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer

from segquery.version import __version__
from segquery.diagnostics import Diagnostic
from segquery.lsp.background import Background
from segquery.lsp.convert import UTF16, LineIndex
from segquery.lsp.debounce import Debouncer
from segquery.lsp.diagnostics import DEFAULT_RULES_URL, internal_error, to_lsp_diagnostic
from segquery.lsp.documents import Document, DocumentStore, path_key
from segquery.lsp.idle_collection import IdleCollector, collections_deferred
from segquery.lsp.project import Project
from segquery.lsp.protocol import SegqueryProtocol
from segquery.lsp.reports import Report, Reports
from segquery.lsp.results import CompletionOptions

logger = logging.getLogger(__name__)

NAME = "segquery"

# Above this many characters a document is "large": it is checked on the
# background thread, and requests about it are declined with a message.
# The `largeDocumentSize` initialization option changes it.
LARGE_DOCUMENT_CHARS = 512 * 1024


class SegqueryLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__, protocol_cls=SegqueryProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = DocumentStore()
        self.project = Project()
        self.rules_url = DEFAULT_RULES_URL
        self.diagnostics = Debouncer(self.refresh)
        self.background = Background("segquery-requests")   # whole-document requests
        self.checks = Background("segquery-checks")         # checks of large documents
        self.idle_collector = IdleCollector()               # full garbage collections while idle
        self.large_document_chars = LARGE_DOCUMENT_CHARS
        # Each large document's check on the background thread, until it is published.
        self._background_checks: dict[str, Future[list[Diagnostic]]] = {}
        # The requests declined for each large document's current version (one message each).
        self._declined: dict[str, tuple[int | None, set[str]]] = {}
        # The library diagnostics last published for each document, with its version.
        self._checked: dict[str, tuple[int | None, list[Diagnostic]]] = {}
        # The version of each open document that the project's workspace holds.
        self._synced: dict[str, int | None] = {}
        # Each document's diagnostics as sent (pushed, or answered when the client pulls).
        self.reports = Reports()
        self.pulling = False  # the client has pulled diagnostics: they are no longer pushed
        self._refresh_due: set[str] = set()  # workspace/*/refresh requests to send on the next turn

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

    def client_supports_refresh(self, capability: str) -> bool:
        """Whether the client takes `workspace/<capability>/refresh` (`diagnostics`, `code_lens`...);
        before `initialize`, there is no client to ask."""
        capabilities = getattr(self.protocol, "client_capabilities", None)
        return capabilities is not None and bool(
            get_capability(capabilities, f"workspace.{capability}.refresh_support", False))

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
        return self.findings(document, lambda: self.project.check(document.text, document.path))

    def fix_check(self, document: Document) -> Callable[[str], list[Diagnostic]]:
        """What fixing a document until nothing is left re-checks after each pass
        (a text whose check fails has nothing left to fix)."""
        check = self.project.checker(document.path)
        return lambda text: self.findings(document, lambda: check(text))

    def findings(self, document: Document, check: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
        """What `check` finds in the document; when it fails, whatever the library
        raised, what can be known without it and an internal-error diagnostic (E007)."""
        try:
            return check()
        except Exception as error:  # the library's bug: reported, and the server keeps serving
            logger.exception("checking %s failed", document.uri)
            self.log(types.MessageType.Error,
                     f"segquery: checking {document.uri} failed: {type(error).__name__}: {error}")
            return self.project.known_findings(document.path) + [internal_error(document.text, document.path, error)]

    def sync_workspace(self, document: Document) -> None:
        """Bring the workspace up to the document's current version (its due check runs now),
        so that answers read from the workspace are positioned in the text the client has."""
        if document.path is not None and not self.is_large(document) \
                and self._synced.get(document.uri, -1) != document.version:
            self.diagnostics.run_now(document.uri)

    # ------------------------------------------------------------ pulled diagnostics

    async def pull_report(self, uri: str) -> Report | None:
        """The diagnostics of the document's current version, the same as push would publish
        (None when it is not open). A check that is due runs now; a large document's
        background check is waited for."""
        self.start_pulling()
        while (document := self.documents.get(uri)) is not None:
            report = self.reports.get(uri)
            if report is not None and report.version == document.version and not self.diagnostics.is_pending(uri):
                self.reports.answered(report, uri)
                return report
            if uri not in self._background_checks or self.diagnostics.is_pending(uri):
                self.diagnostics.run_now(uri)
            if uri in self._background_checks:
                await self.reports.next_change(uri)
        return None

    def start_pulling(self) -> None:
        """The client pulls diagnostics: clear what was pushed (the client would show both)."""
        if self.pulling:
            return
        self.pulling = True
        for uri in list(self._checked):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def request_refresh(self, capability: str) -> None:
        """Ask the client, once on the next turn of the event loop, to ask again for what
        it shows (`diagnostics`, `code_lens`, `inlay_hint`), when it can be asked."""
        if capability in self._refresh_due or not self.client_supports_refresh(capability):
            return
        if not self._refresh_due:
            asyncio.get_running_loop().call_soon(self._send_refresh_requests)
        self._refresh_due.add(capability)

    def _send_refresh_requests(self) -> None:
        send = {"diagnostics": self.workspace_diagnostic_refresh, "code_lens": self.workspace_code_lens_refresh,
                "inlay_hint": self.workspace_inlay_hint_refresh}
        for capability in sorted(self._refresh_due):
            send[capability](None)
        self._refresh_due.clear()

    # ------------------------------------------------------------ large documents

    def is_large(self, document: Document) -> bool:
        return len(document.text) > self.large_document_chars

    def decline(self, method: str, document: Document) -> None:
        """Say once per version of a large document that `method` is off for it."""
        version, methods = self._declined.get(document.uri, (document.version, set()))
        if version != document.version:
            methods = set()
        self._declined[document.uri] = (document.version, methods)
        if method in methods:
            return
        methods.add(method)
        self.show(types.MessageType.Info, declined_message(method, len(document.text), self.large_document_chars))

    def lsp_diagnostic(self, diagnostic: Diagnostic, document: Document) -> types.Diagnostic:
        return to_lsp_diagnostic(diagnostic, document.index, rules_url=self.rules_url, document_uri=document.uri,
                                 index_for_path=self.index_for_path)

    # ------------------------------------------------------------ the project

    def load_project(self, roots: list[Path]) -> None:
        """(Re)read the settings and files below `roots`, keeping the open documents' texts
        (but for large documents, which the workspace holds as they are on disk)."""
        open_documents = [document for document in self.documents
                          if document.path is not None and not self.is_large(document)]
        try:
            self.project.load(roots, {cast(str, document.path): document.text for document in open_documents})
        except Exception as error:  # the library's bug: each document is still checked on its own
            logger.exception("reading the workspace failed")
            self.show(types.MessageType.Error, f"segquery: reading the workspace failed ({type(error).__name__}: "
                                               f"{error}); please report this as a bug")
        self._synced = {document.uri: document.version for document in open_documents}
        for problem in self.project.problems:
            self.show(types.MessageType.Warning, f"segquery: {problem}")
        self.schedule_all_diagnostics()
        self.request_refresh("inlay_hint")  # the schema they read may have changed

    def close_document(self, uri: str) -> None:
        document = self.documents.close(uri)
        self._synced.pop(uri, None)
        self._declined.pop(uri, None)
        self._cancel_background_check(uri)
        self.clear_diagnostics(uri)
        if document is not None:
            self.project.forget(document.path)
        if document is not None and document.path is not None:
            # The file on disk takes the place of the closed editor's text.
            self.schedule_diagnostics(self.project.update(document.path))

    # ------------------------------------------------------------ diagnostics

    def refresh(self, uri: str) -> None:
        """Give the workspace the document's latest text, recheck the other open
        documents that this may affect, and publish the document's diagnostics
        (garbage collections wait until they are written: idle_collection.py)."""
        with collections_deferred():
            self._refresh(uri)

    def _refresh(self, uri: str) -> None:
        document = self.documents.get(uri)
        if document is None:
            return
        if document.path is not None and not self.is_large(document) \
                and self._synced.get(uri, -1) != document.version:
            before = self.project.names_and_references(document.path)
            affected = self._update_workspace(document)
            self._synced[uri] = document.version
            own = path_key(document.path)
            # Most keystrokes leave the names and references alone: other documents' lenses stay as they are.
            after = self.project.names_and_references(document.path)
            self.schedule_diagnostics((path for path in affected if path_key(path) != own),
                                      lenses=before is None or after != before)
        self.publish_diagnostics(uri)

    def _update_workspace(self, document: Document) -> list[str]:
        """Give the workspace the document's text; the paths whose findings may have changed."""
        try:
            return self.project.update(cast(str, document.path), document.text)  # called for a file's document
        except Exception:  # the document's own check reports the failure (E007)
            logger.exception("updating the workspace with %s failed", document.uri)
            return []

    def schedule_diagnostics(self, paths: Iterable[str], *, lenses: bool = True) -> None:
        """Recheck the open documents among `paths` (files whose diagnostics may have changed);
        with `lenses`, the references that code lenses count may have changed too."""
        if lenses:
            self.request_refresh("code_lens")
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
        if self.is_large(document):
            self._check_in_background(document)
        else:
            self._publish(document, lambda: self.project.check(document.text, document.path))

    def _publish(self, document: Document, check: Callable[[], list[Diagnostic]]) -> None:
        """Publish what `check` finds in the document (an E007 diagnostic when it fails)."""
        found = self.findings(document, check)
        try:
            diagnostics = [self.lsp_diagnostic(item, document) for item in found]
        except Exception as error:  # converting is the server's own code: reported the same way
            logger.exception("converting the diagnostics of %s failed", document.uri)
            found = [internal_error(document.text, document.path, error)]
            diagnostics = [self.lsp_diagnostic(item, document) for item in found]
        self._checked[document.uri] = (document.version, found)
        if self.reports.store(document.uri, document.version, diagnostics):
            self.request_refresh("diagnostics")
        if not self.pulling:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=document.uri, version=document.version, diagnostics=diagnostics))

    def _check_in_background(self, document: Document) -> None:
        """Check a large document on the background thread (its own findings only: a
        large document is not part of the workspace) and publish them when done,
        unless a newer version has replaced it meanwhile."""
        self._cancel_background_check(document.uri)
        check = self.project.checker(document.path)
        job = self.checks.submit(lambda: check(document.text))
        self._background_checks[document.uri] = job

        def publish(done: asyncio.Future[list[Diagnostic]]) -> None:
            if done.cancelled() or self.documents.get(document.uri) is not document:
                return
            self._background_checks.pop(document.uri, None)
            self._publish(document, done.result)

        asyncio.wrap_future(job).add_done_callback(publish)

    def _cancel_background_check(self, uri: str) -> None:
        job = self._background_checks.pop(uri, None)
        if job is not None:
            job.cancel()  # drops it if it has not started; a running check is left to finish unpublished

    def clear_diagnostics(self, uri: str) -> None:
        self.diagnostics.forget(uri)
        self._checked.pop(uri, None)
        self.reports.forget(uri)
        if not self.pulling:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # ------------------------------------------------------------ messages

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))


def declined_message(method: str, size: int, limit: int) -> str:
    return (f"segquery: {method} is off for documents above {limit:,} characters (this one has {size:,}); "
            "its diagnostics are still checked")

