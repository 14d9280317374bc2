"""Handlers that answer requests. Each one reads a snapshot (the document's
current version and the project), calls one library function, and converts
the answer; none of them changes the server's state."""

from __future__ import annotations

from lsprotocol import types

from segquery.ide.completion import complete
from segquery.ide.hover import hover as hover_at
from segquery.ide.signature import signature_help as signature_help_at
from segquery_lsp import results
from segquery_lsp.server import SegqueryLanguageServer

COMPLETION_TRIGGERS = [".", "(", ",", " "]
SIGNATURE_TRIGGERS = ["(", ","]


def completion(server: SegqueryLanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    offset = document.index.offset(params.position)
    items = complete(document.text, offset, schema=server.project.schema, segments=server.project.segments())
    return results.completion_list(items, document.index, server.completion_options,
                                   {"uri": document.uri, "offset": offset})


def completion_resolve(server: SegqueryLanguageServer, item: types.CompletionItem) -> types.CompletionItem:
    """Fill in the documentation of the item the user is looking at."""
    data = item.data if isinstance(item.data, dict) else {}
    document = server.document(str(data.get("uri", "")))
    offset = data.get("offset")
    if document is None or not isinstance(offset, int) or item.documentation is not None:
        return item
    candidates = complete(document.text, offset, schema=server.project.schema, segments=server.project.segments())
    return results.resolve_documentation(item, candidates)


def hover(server: SegqueryLanguageServer, params: types.HoverParams) -> types.Hover | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    found = hover_at(document.text, document.index.offset(params.position),
                     schema=server.project.schema, segments=server.project.segments())
    return results.hover(found, document.index) if found is not None else None


def signature_help(server: SegqueryLanguageServer, params: types.SignatureHelpParams) -> types.SignatureHelp | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    found = signature_help_at(document.text, document.index.offset(params.position))
    if found is None:
        return None
    return results.signature_help(found, label_offsets=server.client_supports_label_offsets)


def register(server: SegqueryLanguageServer) -> None:
    server.feature(types.TEXT_DOCUMENT_COMPLETION,
                   types.CompletionOptions(trigger_characters=COMPLETION_TRIGGERS, resolve_provider=True))(completion)
    server.feature(types.COMPLETION_ITEM_RESOLVE)(completion_resolve)
    server.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(types.TEXT_DOCUMENT_SIGNATURE_HELP,
                   types.SignatureHelpOptions(trigger_characters=SIGNATURE_TRIGGERS))(signature_help)
