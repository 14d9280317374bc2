"""Handlers that answer requests. Each one reads a snapshot (the document's
current version and the project), calls one library function, and converts
the answer; none of them changes the server's state.

Whole-document features (symbols, folding, semantic tokens, formatting) are
pure functions of the text: their handlers read the snapshot and return the
work (`Work`), which runs on the background thread. Every handler is
registered through `guard.answering`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.uris import from_fs_path

from segquery.diagnostics import TextEdit
from segquery.format import format_edits, format_range
from segquery.ide import model
from segquery.ide.code_actions import FIX_ALL, QUICK_FIX, TRANSLATE, code_actions, fix_all_action, translate_action
from segquery.ide.completion import complete
from segquery.ide.folding import folding_ranges
from segquery.ide.hover import hover as hover_at
from segquery.ide.migration_hover import migration_hover, with_migration
from segquery.ide.navigation import definition as definition_at
from segquery.ide.navigation import prepare_rename as prepare_rename_at
from segquery.ide.navigation import references as references_at
from segquery.ide.navigation import rename as rename_at
from segquery.ide.navigation import rename_problem
from segquery.ide.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES, semantic_tokens
from segquery.ide.signature import signature_help as signature_help_at
from segquery.ide.symbols import document_symbols
from segquery.paths import is_json_path
from segquery.source import Span
from segquery.syntax.dialect import Dialect
from segquery.syntax.parser import ParseError
from segquery.format import TokenMismatch
from segquery.lsp import results
from segquery.lsp.guard import Handler, answering
from segquery.lsp.convert import LineIndex
from segquery.lsp.documents import Document
from segquery.lsp.server import SegqueryLanguageServer

COMPLETION_TRIGGERS = [".", "(", ",", " "]
SIGNATURE_TRIGGERS = ["(", ","]
CODE_ACTION_KINDS = [QUICK_FIX, FIX_ALL, TRANSLATE]
SEMANTIC_LEGEND = types.SemanticTokensLegend(token_types=list(TOKEN_TYPES), token_modifiers=list(TOKEN_MODIFIERS))


Work = Callable[[], object]


class RequestFailed(JsonRpcException):
    """An answer the user should read (why a rename cannot be done)."""

    CODE = types.LSPErrorCodes.RequestFailed.value


# ---------------------------------------------------------------- completion, hover, signatures


def completion(server: SegqueryLanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    offset = document.index.offset(params.position)
    items = complete(document.text, offset, schema=server.project.schema(document.path),
                     segments=server.project.segments(),
                     dialect=server.project.dialect(document.path, document.text))
    return results.completion_list(items, document.index, server.completion_options,
                                   {"uri": document.uri, "offset": offset})


def completion_resolve(server: SegqueryLanguageServer, item: types.CompletionItem) -> types.CompletionItem:
    """Fill in the documentation of the item the user is looking at."""
    data = item.data if isinstance(item.data, dict) else {}
    document = server.document(str(data.get("uri", "")))
    offset = data.get("offset")
    if document is None or not isinstance(offset, int) or not 0 <= offset <= len(document.text) \
            or item.documentation is not None:
        return item
    candidates = complete(document.text, offset, schema=server.project.schema(document.path),
                          segments=server.project.segments(),
                          dialect=server.project.dialect(document.path, document.text))
    return results.resolve_documentation(item, candidates)


def hover(server: SegqueryLanguageServer, params: types.HoverParams) -> types.Hover | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    choice = server.project.dialect_choice(document.path, document.text)
    offset = document.index.offset(params.position)
    found = hover_at(document.text, offset, schema=server.project.schema(document.path),
                     segments=server.project.segments(), dialect=choice.dialect, dialect_reason=choice.reason)
    if not _is_json(document):
        found = with_migration(found, migration_hover(document.text, offset, dialect=choice.dialect))
    return results.hover(found, document.index) if found is not None else None


def signature_help(server: SegqueryLanguageServer, params: types.SignatureHelpParams) -> types.SignatureHelp | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    found = signature_help_at(document.text, document.index.offset(params.position),
                              dialect=server.project.dialect(document.path, document.text))
    if found is None:
        return None
    return results.signature_help(found, label_offsets=server.client_supports_label_offsets)


# ---------------------------------------------------------------- navigation


def definition(server: SegqueryLanguageServer, params: types.DefinitionParams) -> list[types.Location] | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    found = definition_at(document.text, document.index.offset(params.position),
                          segments=server.project.segments(), path=document.path,
                          dialect=server.project.dialect(document.path, document.text))
    return _locations(server, document, found)


def references(server: SegqueryLanguageServer, params: types.ReferenceParams) -> list[types.Location] | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    found = references_at(document.text, document.index.offset(params.position),
                          segments=server.project.segments(), path=document.path,
                          include_declaration=params.context.include_declaration,
                          dialect=server.project.dialect(document.path, document.text))
    return _locations(server, document, found)


def _locations(server: SegqueryLanguageServer, document: Document,
               found: list[model.Location]) -> list[types.Location]:
    locations = []
    for location in found:
        uri, index = _file_of(server, document, location.path)
        if index is not None:
            locations.append(types.Location(uri=uri, range=index.range(location.span.start, location.span.end)))
    return locations


def _file_of(server: SegqueryLanguageServer, document: Document,
             path: str | None) -> tuple[str, LineIndex | None]:
    """The URI and text of a file a library answer names (None: the document itself)."""
    if path is None or (document.path is not None and server.documents.by_path(path) is document):
        return document.uri, document.index
    other = server.documents.by_path(path)
    if other is not None:
        return other.uri, other.index
    return from_fs_path(path) or path, server.index_for_path(path)


def prepare_rename(server: SegqueryLanguageServer,
                   params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    prepared = prepare_rename_at(document.text, document.index.offset(params.position),
                                 segments=server.project.segments(), path=document.path,
                                 dialect=server.project.dialect(document.path, document.text))
    if not prepared.ok:
        raise RequestFailed(prepared.reason)
    span = cast(Span, prepared.span)  # a rename that can be done has the span of its name
    return types.PrepareRenamePlaceholder(range=document.index.range(span.start, span.end),
                                          placeholder=prepared.placeholder)


def rename(server: SegqueryLanguageServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    offset = document.index.offset(params.position)
    segments = server.project.segments()
    dialect = server.project.dialect(document.path, document.text)
    problem = rename_problem(document.text, offset, params.new_name, segments=segments, path=document.path,
                             dialect=dialect)
    if problem is not None:
        raise RequestFailed(problem)
    edits = rename_at(document.text, offset, params.new_name, segments=segments, path=document.path,
                      dialect=dialect)
    return _workspace_edit(server, document, edits)


def _workspace_edit(server: SegqueryLanguageServer, document: Document,
                    edits: dict[str | None, list[TextEdit]]) -> types.WorkspaceEdit:
    by_uri: dict[str, tuple[LineIndex, Sequence[TextEdit], int | None]] = {}
    for path, changes in edits.items():
        uri, index = _file_of(server, document, path)
        if index is None:
            raise RequestFailed(f"cannot read {path}")
        open_document = server.documents.get(uri)
        by_uri[uri] = (index, changes, open_document.version if open_document is not None else None)
    return results.workspace_edit(by_uri, document_changes=server.client_supports_document_changes)


# ---------------------------------------------------------------- structure


def document_symbol(server: SegqueryLanguageServer, params: types.DocumentSymbolParams) -> Work | None:
    return _structure(server, params.text_document.uri, lambda document, dialect: [
        results.document_symbol(symbol, document.index) for symbol in document_symbols(document.text, dialect=dialect)])


def folding_range(server: SegqueryLanguageServer, params: types.FoldingRangeParams) -> Work | None:
    return _structure(server, params.text_document.uri, lambda document, dialect: [
        results.folding_range(value, document.index) for value in folding_ranges(document.text, dialect=dialect)])


def semantic_tokens_full(server: SegqueryLanguageServer, params: types.SemanticTokensParams) -> Work | None:
    return _structure(server, params.text_document.uri, lambda document, dialect: results.semantic_tokens(
        semantic_tokens(document.text, dialect=dialect), document.index, TOKEN_TYPES, TOKEN_MODIFIERS))


def _structure(server: SegqueryLanguageServer, uri: str, answer: Callable[[Document, Dialect], object]) -> Work | None:
    """The work of a structure feature: `answer` over the document's current snapshot and dialect,
    both read now (None when the document is not open)."""
    document = server.document(uri)
    if document is None:
        return None
    dialect = server.project.dialect(document.path, document.text)
    return lambda: answer(document, dialect)


# ---------------------------------------------------------------- edits


def formatting(server: SegqueryLanguageServer, params: types.DocumentFormattingParams) -> Work | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    line_length = server.project.settings(document.path).config.line_length
    dialect = server.project.dialect(document.path, document.text)
    return lambda: _formatted(document, lambda: format_edits(document.text, line_length=line_length,
                                                             dialect=dialect))


def range_formatting(server: SegqueryLanguageServer, params: types.DocumentRangeFormattingParams) -> Work | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    line_length = server.project.settings(document.path).config.line_length
    dialect = server.project.dialect(document.path, document.text)
    start, end = document.index.offsets(params.range)
    return lambda: _formatted(document, lambda: format_range(document.text, start, end, line_length=line_length,
                                                             dialect=dialect))


def _formatted(document: Document, edits: Callable[[], list[TextEdit]]) -> list[types.TextEdit] | None:
    try:
        return document.index.text_edits(edits())
    except (ParseError, TokenMismatch):
        return None  # the diagnostics already say what to fix first; never rewrite what cannot be kept


def code_action(server: SegqueryLanguageServer,
                params: types.CodeActionParams) -> list[types.CodeAction] | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    only = params.context.only
    diagnostics = server.library_diagnostics(document)
    start, end = document.index.offsets(params.range)
    if only is not None and all(_within(FIX_ALL, kind) for kind in only):
        # Asked for the fix-all action alone (on save): fix until nothing is left.
        actions = [action for action in [fix_all_action(document.text, diagnostics,
                                                        check=server.fix_check(document))] if action]
    else:
        actions = code_actions(document.text, diagnostics, Span(start, end))
        translation = (None if _is_json(document) else
                       translate_action(document.text, dialect=server.project.dialect(document.path, document.text)))
        actions += [translation] if translation is not None else []
    answer = []
    for action in actions:
        if only is not None and not any(_within(action.kind, kind) for kind in only):
            continue
        edit = _workspace_edit(server, document, {None: list(action.edits)})
        answer.append(results.code_action(action, edit, [server.lsp_diagnostic(item, document)
                                                         for item in action.diagnostics]))
    return answer


def _is_json(document: Document) -> bool:
    """Request bodies and records are not migrated from the editor (`segquery migrate` does)."""
    return document.path is not None and is_json_path(document.path)


def _within(kind: str, requested: str) -> bool:
    """Whether an action kind falls under a requested kind (`source.fixAll.segquery` under `source`)."""
    return kind == requested or kind.startswith(requested + ".")


# method -> (handler, registration options); the second table's handlers return Work.
HANDLERS: dict[str, tuple[Handler, Any]] = {
    types.TEXT_DOCUMENT_COMPLETION: (completion, types.CompletionOptions(
        trigger_characters=COMPLETION_TRIGGERS, resolve_provider=True)),
    types.COMPLETION_ITEM_RESOLVE: (completion_resolve, None),
    types.TEXT_DOCUMENT_HOVER: (hover, None),
    types.TEXT_DOCUMENT_SIGNATURE_HELP: (signature_help, types.SignatureHelpOptions(
        trigger_characters=SIGNATURE_TRIGGERS)),
    types.TEXT_DOCUMENT_DEFINITION: (definition, None),
    types.TEXT_DOCUMENT_REFERENCES: (references, None),
    types.TEXT_DOCUMENT_PREPARE_RENAME: (prepare_rename, None),
    types.TEXT_DOCUMENT_RENAME: (rename, None),
    types.TEXT_DOCUMENT_CODE_ACTION: (code_action, types.CodeActionOptions(code_action_kinds=CODE_ACTION_KINDS)),
}
BACKGROUND_HANDLERS: dict[str, tuple[Handler, Any]] = {
    types.TEXT_DOCUMENT_DOCUMENT_SYMBOL: (document_symbol, None),
    types.TEXT_DOCUMENT_FOLDING_RANGE: (folding_range, None),
    types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL: (semantic_tokens_full, SEMANTIC_LEGEND),
    types.TEXT_DOCUMENT_FORMATTING: (formatting, None),
    types.TEXT_DOCUMENT_RANGE_FORMATTING: (range_formatting, None),
}


def register(server: SegqueryLanguageServer) -> None:
    for background, table in ((False, HANDLERS), (True, BACKGROUND_HANDLERS)):
        for method, (handler, options) in table.items():
            server.feature(method, options)(answering(server, method, handler, background=background))
