"""Inlay hints and code lenses: what the editor shows inside and above the text.

Inlay hints come from `ide.inlay_hints` (a pure function of the text and the
schema, so they are computed on the background thread); code lenses from
`ide.code_lens`: the query's explanation, and the references to each segment
over the workspace, which is first brought up to the document's current
version. A lens's command lists the referencing segments:
`segquery.showReferences` with the arguments VS Code's
`editor.action.showReferences` takes (the document URI, the lens position,
the reference locations), which a client maps to its references view.
"""

from __future__ import annotations

from lsprotocol import types
from lsprotocol.converters import get_converter

from segquery.ide import model
from segquery.ide.code_lens import ReferenceLens, explanation_lens, reference_lenses
from segquery.ide.inlay_hints import InlayHint, InlayHintKind, inlay_hints
from segquery.lsp.convert import LineIndex
from segquery.lsp.documents import Document
from segquery.lsp.guard import answering
from segquery.lsp.requests import Work, _locations
from segquery.lsp.server import SegqueryLanguageServer

SHOW_REFERENCES = "segquery.showReferences"
HINT_KINDS = {InlayHintKind.TYPE: types.InlayHintKind.Type, InlayHintKind.PARAMETER: types.InlayHintKind.Parameter}

_converter = get_converter()


def inlay_hint(server: SegqueryLanguageServer, params: types.InlayHintParams) -> Work | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    schema = server.project.schema(document.path)
    dialect = server.project.dialect(document.path, document.text)
    start, end = document.index.offsets(params.range)
    return lambda: [to_inlay_hint(hint, document.index)
                    for hint in inlay_hints(document.text, schema=schema, start=start, end=end, dialect=dialect)]


def to_inlay_hint(hint: InlayHint, index: LineIndex) -> types.InlayHint:
    return types.InlayHint(position=index.position(hint.offset), label=hint.label, kind=HINT_KINDS[hint.kind],
                           tooltip=hint.tooltip or None, padding_left=hint.pad_before or None,
                           padding_right=hint.pad_after or None)


def code_lens(server: SegqueryLanguageServer, params: types.CodeLensParams) -> list[types.CodeLens] | None:
    document = server.document(params.text_document.uri)
    if document is None:
        return None
    lenses: list[types.CodeLens] = []
    if document.path is not None:
        server.sync_workspace(document)
        lenses = [_code_lens(server, document, lens)
                  for lens in reference_lenses(server.project.workspace, document.path)]
    explained = explanation_lens(document.text, schema=server.project.schema(document.path),
                                 dialect=server.project.dialect(document.path, document.text))
    if explained is not None:
        # No command to run: the lens is there to be read (the hover on the first token has the lines).
        lenses.append(types.CodeLens(range=document.index.range(explained.span.start, explained.span.end),
                                     command=types.Command(title=explained.title, command="")))
    return lenses


def _code_lens(server: SegqueryLanguageServer, document: Document, lens: ReferenceLens) -> types.CodeLens:
    anchor = document.index.range(lens.span.start, lens.span.end)
    locations = _locations(server, document, [model.Location(item.path, item.span) for item in lens.references])
    arguments = [document.uri, _converter.unstructure(anchor.start), _converter.unstructure(locations)]
    return types.CodeLens(range=anchor, command=types.Command(title=lens.title, command=SHOW_REFERENCES,
                                                              arguments=arguments))


def register(server: SegqueryLanguageServer) -> None:
    server.feature(types.TEXT_DOCUMENT_INLAY_HINT)(answering(server, types.TEXT_DOCUMENT_INLAY_HINT, inlay_hint,
                                                             background=True))
    server.feature(types.TEXT_DOCUMENT_CODE_LENS)(answering(server, types.TEXT_DOCUMENT_CODE_LENS, code_lens))
