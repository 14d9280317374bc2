"""Pulled diagnostics (`textDocument/diagnostic`, `workspace/diagnostic`), for clients
that ask for diagnostics instead of waiting for them to be published.

The answers are the reports that publishing computes (`Reports`), so pulled
and pushed diagnostics are the same. The first pull switches the session to
pulling: what was pushed is cleared and nothing more is pushed, since a
client shows pushed and pulled diagnostics side by side. When a document's
findings change without an edit of it (another file changed), the client is
asked to pull again (`workspace/diagnostic/refresh`).
"""

from __future__ import annotations

from lsprotocol import types

from segquery.lsp.guard import answering
from segquery.lsp.reports import Report
from segquery.lsp.server import NAME, SegqueryLanguageServer

OPTIONS = types.DiagnosticOptions(identifier=NAME, inter_file_dependencies=True, workspace_diagnostics=True)


async def document_diagnostic(server: SegqueryLanguageServer,
                              params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
    report = await server.pull_report(params.text_document.uri)
    if report is None:  # not open: nothing is published for it either
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if report.result_id == params.previous_result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=report.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=report.diagnostics, result_id=report.result_id)


async def workspace_diagnostic(server: SegqueryLanguageServer,
                               params: types.WorkspaceDiagnosticParams) -> types.WorkspaceDiagnosticReport:
    """The reports of the open documents (the documents push publishes for)."""
    previous = {item.uri: item.value for item in params.previous_result_ids}
    items: list[types.WorkspaceDocumentDiagnosticReport] = []
    for uri in [document.uri for document in server.documents]:
        report = await server.pull_report(uri)
        if report is not None:
            items.append(_workspace_item(uri, report, previous.get(uri)))
    return types.WorkspaceDiagnosticReport(items=items)


def _workspace_item(uri: str, report: Report, previous: str | None) -> types.WorkspaceDocumentDiagnosticReport:
    if report.result_id == previous:
        return types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, version=report.version,
                                                                result_id=report.result_id)
    return types.WorkspaceFullDocumentDiagnosticReport(uri=uri, version=report.version, items=report.diagnostics,
                                                       result_id=report.result_id)


def register(server: SegqueryLanguageServer) -> None:
    # Large documents answer too: their diagnostics are still checked.
    server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, OPTIONS)(answering(
        server, types.TEXT_DOCUMENT_DIAGNOSTIC, document_diagnostic, large_documents=True))
    server.feature(types.WORKSPACE_DIAGNOSTIC)(answering(server, types.WORKSPACE_DIAGNOSTIC, workspace_diagnostic))
