"""The values editor features return.

Every position is an offset into the text (code points), every line is
1-based, as everywhere in segquery; a language server converts them to its
own positions at its boundary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from segquery.diagnostics import Diagnostic, TextEdit
from segquery.source import Span


class CompletionKind(enum.Enum):
    KEYWORD = "keyword"
    FUNCTION = "function"
    TABLE = "table"
    ATTRIBUTE = "attribute"
    RELATIONSHIP = "relationship"
    SEGMENT = "segment"
    ALIAS = "alias"
    SNIPPET = "snippet"
    DATE_PART = "date-part"
    INTERACTION = "interaction"
    LINK_TYPE = "link-type"
    VALUE = "value"


@dataclass(frozen=True, slots=True)
class CompletionItem:
    """One proposal. `insert_text` replaces `replace` (the word being typed,
    or an empty span at the cursor); when `is_snippet` is true it holds
    `$1`/`${1:name}` placeholders and `$0` for the final cursor."""

    label: str
    kind: CompletionKind
    replace: Span
    insert_text: str
    detail: str = ""
    documentation: str = ""
    sort_key: str = ""
    is_snippet: bool = False


@dataclass(frozen=True, slots=True)
class Hover:
    markdown: str
    span: Span


@dataclass(frozen=True, slots=True)
class ParameterInfo:
    label: str
    documentation: str = ""


@dataclass(frozen=True, slots=True)
class SignatureHelp:
    """The call around the cursor.

    `parameter_spans[i]` is where `parameters[i]` is written in `label`.
    `active_parameter` indexes `parameters`; for calls with repeating
    arguments (ORDERBY, SELECT) it stays on the last one, and past the last
    parameter of other calls (too many arguments) it indexes none.
    `call_span` runs from the call's name to the cursor.
    """

    label: str
    documentation: str
    parameters: tuple[ParameterInfo, ...]
    parameter_spans: tuple[Span, ...]
    active_parameter: int
    call_span: Span


@dataclass(frozen=True, slots=True)
class Location:
    """A span in a file; `path` is None for the text being edited."""

    path: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class PrepareRename:
    """What `prepare_rename` answers: the span of the name to rename and its
    current text, or, when the position cannot be renamed, the reason."""

    span: Span | None
    placeholder: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.span is not None


class SymbolKind(enum.Enum):
    QUERY = "query"
    SET_OPERATION = "set-operation"
    CHAIN = "chain"
    SOURCE = "source"
    STEP = "step"
    ALIAS = "alias"


@dataclass(frozen=True, slots=True)
class Symbol:
    """An outline entry. `span` covers the whole construct, `selection` the
    part to highlight when it is picked (its name or call word)."""

    name: str
    kind: SymbolKind
    span: Span
    selection: Span
    detail: str = ""
    children: tuple["Symbol", ...] = ()


class FoldingKind(enum.Enum):
    REGION = "region"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class FoldingRange:
    """Lines `start_line`..`end_line` (1-based, inclusive) fold to the first."""

    start_line: int
    end_line: int
    kind: FoldingKind


@dataclass(frozen=True, slots=True)
class CodeAction:
    """A quick fix (`kind` "quickfix") or a whole-file action
    (`kind` "source.fixAll"), as edits over the text it was computed for."""

    title: str
    kind: str
    edits: tuple[TextEdit, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    is_preferred: bool = False
