"""Library results as LSP values. Positions go through `convert.LineIndex`;
everything else is a one-to-one mapping of fields and kinds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from segquery.ide import model
from segquery.lsp.convert import LineIndex, code_units

COMPLETION_KINDS = {
    model.CompletionKind.KEYWORD: types.CompletionItemKind.Keyword,
    model.CompletionKind.FUNCTION: types.CompletionItemKind.Function,
    model.CompletionKind.TABLE: types.CompletionItemKind.Class,
    model.CompletionKind.ATTRIBUTE: types.CompletionItemKind.Field,
    model.CompletionKind.RELATIONSHIP: types.CompletionItemKind.Reference,
    model.CompletionKind.SEGMENT: types.CompletionItemKind.Module,
    model.CompletionKind.ALIAS: types.CompletionItemKind.Variable,
    model.CompletionKind.SNIPPET: types.CompletionItemKind.Snippet,
    model.CompletionKind.DATE_PART: types.CompletionItemKind.EnumMember,
    model.CompletionKind.INTERACTION: types.CompletionItemKind.Event,
    model.CompletionKind.LINK_TYPE: types.CompletionItemKind.Reference,
    model.CompletionKind.VALUE: types.CompletionItemKind.Value,
}


def markdown(text: str) -> types.MarkupContent | None:
    return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text) if text else None


_SNIPPET_PART = re.compile(r"\$\{\d+\|([^,|}]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+")


def snippet_as_plain_text(snippet: str) -> str:
    """A snippet for a client without snippet support: placeholders become their
    default text (a choice its first option), tab stops disappear."""
    return _SNIPPET_PART.sub(lambda match: match.group(1) or match.group(2) or "", snippet)


@dataclass(frozen=True)
class CompletionOptions:
    """What the client accepts, as far as the shape of completion results goes."""

    snippets: bool = True
    default_edit_range: bool = False     # completionList.itemDefaults has "editRange"
    default_data: bool = False           # ... has "data"
    lazy_documentation: bool = False     # completionItem/resolve may fill in "documentation"


def completion_list(items: Sequence[model.CompletionItem], index: LineIndex, options: CompletionOptions,
                    data: dict) -> types.CompletionList:
    """The items; when the client allows it, the range they all replace and the
    data that identifies the request are given once, and documentation waits
    for completionItem/resolve, which keeps a list of a table's attributes small."""
    spans = {item.replace for item in items}
    shared = next(iter(spans)) if len(spans) == 1 and options.default_edit_range else None
    defaults = None
    if shared is not None or (options.lazy_documentation and options.default_data):
        defaults = types.CompletionItemDefaults(
            edit_range=index.range(shared.start, shared.end) if shared is not None else None,
            data=data if options.lazy_documentation and options.default_data else None)
    item_data = data if options.lazy_documentation and not options.default_data else None
    converted = [_completion_item(item, index, options, shared is not None, item_data) for item in items]
    return types.CompletionList(is_incomplete=False, items=converted, item_defaults=defaults)


def _completion_item(item: model.CompletionItem, index: LineIndex, options: CompletionOptions,
                     shared_range: bool, data: dict | None) -> types.CompletionItem:
    snippet = item.is_snippet and options.snippets
    new_text = item.insert_text if snippet or not item.is_snippet else snippet_as_plain_text(item.insert_text)
    edit = None if shared_range else types.TextEdit(range=index.range(item.replace.start, item.replace.end),
                                                    new_text=new_text)
    return types.CompletionItem(
        label=item.label,
        kind=COMPLETION_KINDS[item.kind],
        detail=item.detail or None,
        documentation=None if options.lazy_documentation else markdown(item.documentation),
        sort_text=item.sort_key or None,
        text_edit=edit,
        text_edit_text=new_text if shared_range and new_text != item.label else None,
        insert_text_format=types.InsertTextFormat.Snippet if snippet else None,
        data=data,
    )


def resolve_documentation(item: types.CompletionItem, candidates: Sequence[model.CompletionItem]) -> types.CompletionItem:
    """The item with the documentation of the library item of the same label and kind."""
    for candidate in candidates:
        if candidate.label == item.label and COMPLETION_KINDS[candidate.kind] == item.kind:
            item.documentation = markdown(candidate.documentation)
            break
    return item


def hover(value: model.Hover, index: LineIndex) -> types.Hover:
    return types.Hover(contents=markdown(value.markdown) or "",
                       range=index.range(value.span.start, value.span.end))


def signature_help(value: model.SignatureHelp, *, label_offsets: bool) -> types.SignatureHelp:
    """One signature; parameters are labelled by their UTF-16 offsets in it when the client can use them."""
    parameters = []
    for info, span in zip(value.parameters, value.parameter_spans):
        label: str | tuple[int, int] = info.label
        if label_offsets:
            start = code_units(value.label[:span.start])
            label = (start, start + code_units(value.label[span.start:span.end]))
        parameters.append(types.ParameterInformation(label=label, documentation=markdown(info.documentation)))
    signature = types.SignatureInformation(label=value.label, documentation=markdown(value.documentation),
                                           parameters=parameters)
    return types.SignatureHelp(signatures=[signature], active_signature=0,
                               active_parameter=value.active_parameter)


SYMBOL_KINDS = {
    model.SymbolKind.QUERY: types.SymbolKind.File,
    model.SymbolKind.SET_OPERATION: types.SymbolKind.Operator,
    model.SymbolKind.CHAIN: types.SymbolKind.Namespace,
    model.SymbolKind.SOURCE: types.SymbolKind.Class,
    model.SymbolKind.STEP: types.SymbolKind.Method,
    model.SymbolKind.ALIAS: types.SymbolKind.Variable,
}


def document_symbol(symbol: model.Symbol, index: LineIndex) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=symbol.name,
        kind=SYMBOL_KINDS[symbol.kind],
        range=index.range(symbol.span.start, symbol.span.end),
        selection_range=index.range(symbol.selection.start, symbol.selection.end),
        detail=symbol.detail or None,
        children=[document_symbol(child, index) for child in symbol.children] or None,
    )


FOLDING_KINDS = {
    model.FoldingKind.REGION: types.FoldingRangeKind.Region,
    model.FoldingKind.COMMENT: types.FoldingRangeKind.Comment,
}


def folding_range(value: model.FoldingRange, index: LineIndex) -> types.FoldingRange:
    return types.FoldingRange(start_line=index.lsp_line(value.start_line), end_line=index.lsp_line(value.end_line),
                              kind=FOLDING_KINDS[value.kind])


def semantic_tokens(tokens: Sequence, index: LineIndex, token_types: Sequence[str],
                    token_modifiers: Sequence[str]) -> types.SemanticTokens:
    """Tokens (start, length, type, modifiers in code points) in the protocol's relative encoding."""
    type_ids = {name: number for number, name in enumerate(token_types)}
    modifier_bits = {name: 1 << number for number, name in enumerate(token_modifiers)}
    data: list[int] = []
    previous_line = previous_start = 0
    for token in tokens:
        position = index.position(token.start)
        length = code_units(index.text[token.start:token.start + token.length], index.encoding)
        delta_line = position.line - previous_line
        delta_start = position.character - previous_start if delta_line == 0 else position.character
        bits = 0
        for modifier in token.modifiers:
            bits |= modifier_bits[modifier]
        data += [delta_line, delta_start, length, type_ids[token.type], bits]
        previous_line, previous_start = position.line, position.character
    return types.SemanticTokens(data=data)


def workspace_edit(edits_by_uri: dict[str, tuple[LineIndex, Sequence, int | None]], *,
                   document_changes: bool) -> types.WorkspaceEdit:
    """Edits of several files: (index of the text they apply to, TextEdits, open version or None) by URI."""
    if document_changes:
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=index.text_edits(edits))
            for uri, (index, edits, version) in edits_by_uri.items()])
    return types.WorkspaceEdit(changes={uri: index.text_edits(edits)
                                        for uri, (index, edits, _) in edits_by_uri.items()})


def code_action(action: model.CodeAction, edit: types.WorkspaceEdit,
                diagnostics: list[types.Diagnostic]) -> types.CodeAction:
    return types.CodeAction(title=action.title, kind=action.kind, diagnostics=diagnostics or None,
                            is_preferred=action.is_preferred or None, edit=edit)
