"""Editor features as plain functions over a text and an offset.

A language server is thin glue over these; each works on any text,
including text that does not parse, and never raises. Positions are offsets
into the text (code points); lines are 1-based. docs/editors.md describes
each feature.
"""

from segquery.ide.code_actions import code_actions, fix_all_action
from segquery.ide.completion import complete
from segquery.ide.folding import folding_ranges
from segquery.ide.hover import hover
from segquery.ide.model import (CodeAction, CompletionItem, CompletionKind, FoldingKind, FoldingRange, Hover,
                                Location, ParameterInfo, PrepareRename, SignatureHelp, Symbol, SymbolKind)
from segquery.ide.navigation import definition, prepare_rename, references, rename, rename_problem
from segquery.ide.semantic_tokens import TOKEN_MODIFIERS, TOKEN_TYPES, SemanticToken, semantic_tokens
from segquery.ide.signature import signature_help
from segquery.ide.symbols import document_symbols

__all__ = [
    "CodeAction",
    "CompletionItem",
    "CompletionKind",
    "FoldingKind",
    "FoldingRange",
    "Hover",
    "Location",
    "ParameterInfo",
    "PrepareRename",
    "SemanticToken",
    "SignatureHelp",
    "Symbol",
    "SymbolKind",
    "TOKEN_MODIFIERS",
    "TOKEN_TYPES",
    "code_actions",
    "complete",
    "definition",
    "document_symbols",
    "fix_all_action",
    "folding_ranges",
    "hover",
    "prepare_rename",
    "references",
    "rename",
    "rename_problem",
    "semantic_tokens",
    "signature_help",
]
