"""Library results as LSP values. Positions go through `convert.LineIndex`;
everything else is a one-to-one mapping of fields and kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from lsprotocol import types

from segquery.ide import model
from segquery_lsp.convert import LineIndex, code_units

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
