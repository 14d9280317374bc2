"""Library values as LSP values, for each kind of client."""

from __future__ import annotations

import pytest
from lsprotocol import types
from segquery.lsp.convert import LineIndex
from segquery.lsp.results import (
    CompletionOptions,
    completion_list,
    signature_help,
    snippet_as_plain_text,
)

from segquery.ide import model
from segquery.source import Span

TEXT = "PROFILE(contact).FI"
ITEMS = [
    model.CompletionItem(label="FILTER", kind=model.CompletionKind.FUNCTION, replace=Span(17, 19),
                         insert_text="FILTER($1)$0", detail="FILTER(condition)", documentation="Keep records.",
                         sort_key="2:filter", is_snippet=True),
    model.CompletionItem(label="FIRST", kind=model.CompletionKind.KEYWORD, replace=Span(17, 19),
                         insert_text="FIRST", sort_key="3:first"),
]


@pytest.mark.parametrize(("snippet", "plain"), [
    ("FILTER($1)$0", "FILTER()"),
    ("DATEDIFF(${1|YEAR,MONTH,DAY|}, ${2:start}, ${3:end})$0", "DATEDIFF(YEAR, start, end)"),
    ("PROFILE(${1:contact}, ${2:c}).FILTER(${2:c}.$3)$0", "PROFILE(contact, c).FILTER(c.)"),
    ("COUNT()", "COUNT()"),
])
def test_snippet_as_plain_text(snippet, plain):
    assert snippet_as_plain_text(snippet) == plain


def test_a_plain_client_gets_whole_items_without_snippets():
    result = completion_list(ITEMS, LineIndex(TEXT), CompletionOptions(snippets=False), {"uri": "u", "offset": 19})
    assert result.item_defaults is None
    first, second = result.items
    assert (first.text_edit.new_text, first.insert_text_format) == ("FILTER()", None)
    assert (first.text_edit.range.start.character, first.text_edit.range.end.character) == (17, 19)
    assert first.documentation.value == "Keep records."
    assert (first.sort_text, first.detail, first.data) == ("2:filter", "FILTER(condition)", None)
    assert (second.text_edit.new_text, second.detail) == ("FIRST", None)


def test_a_current_client_gets_shared_defaults_and_lazy_documentation():
    options = CompletionOptions(snippets=True, default_edit_range=True, default_data=True, lazy_documentation=True)
    result = completion_list(ITEMS, LineIndex(TEXT), options, {"uri": "u", "offset": 19})
    defaults = result.item_defaults
    assert (defaults.edit_range.start.character, defaults.edit_range.end.character) == (17, 19)
    assert defaults.data == {"uri": "u", "offset": 19}
    first, second = result.items
    assert (first.text_edit, first.text_edit_text, first.insert_text_format) == (
        None, "FILTER($1)$0", types.InsertTextFormat.Snippet)
    assert (first.documentation, first.data) == (None, None)
    assert second.text_edit_text is None  # the label is the text


def test_items_replacing_different_ranges_keep_their_own():
    items = [ITEMS[0], model.CompletionItem(label="x", kind=model.CompletionKind.ALIAS, replace=Span(19, 19),
                                            insert_text="x")]
    options = CompletionOptions(default_edit_range=True)
    result = completion_list(items, LineIndex(TEXT), options, {})
    assert result.item_defaults is None
    assert [item.text_edit.range.start.character for item in result.items] == [17, 19]


def test_signature_parameters_as_utf16_offsets_or_labels():
    value = model.SignatureHelp(
        label="F(é😀, b)", documentation="", parameters=(model.ParameterInfo("é😀"), model.ParameterInfo("b")),
        parameter_spans=(Span(2, 4), Span(6, 7)), active_parameter=1, call_span=Span(0, 0))
    by_offsets = signature_help(value, label_offsets=True)
    assert [parameter.label for parameter in by_offsets.signatures[0].parameters] == [(2, 5), (7, 8)]
    by_labels = signature_help(value, label_offsets=False)
    assert [parameter.label for parameter in by_labels.signatures[0].parameters] == ["é😀", "b"]
    assert by_labels.active_parameter == 1
