"""segquery: parse, validate, lint, format and resolve Dynamics 365 Marketing
segment queries.

The public API is small and documented in docs/api.md. Names are imported on
first use, so that `import segquery` (and the CLI's start-up) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from segquery.version import __version__

_EXPORTS: dict[str, str] = {
    # text -> tree
    "parse": "segquery.syntax.parser",
    "parse_file": "segquery.syntax.parser",
    "parse_tolerant": "segquery.syntax.parser",
    "ParseError": "segquery.syntax.parser",
    "ParseResult": "segquery.syntax.parser",
    "unparse": "segquery.syntax.printer",
    # diagnostics and positions
    "Applicability": "segquery.diagnostics",
    "Diagnostic": "segquery.diagnostics",
    "Fix": "segquery.diagnostics",
    "RelatedLocation": "segquery.diagnostics",
    "Severity": "segquery.diagnostics",
    "TextEdit": "segquery.diagnostics",
    "Position": "segquery.source",
    "Range": "segquery.source",
    "SourceText": "segquery.source",
    "Span": "segquery.source",
    # semantic validation
    "validate": "segquery.semantic",
    "QueryKind": "segquery.semantic",
    "infer_kind": "segquery.semantic",
    # formatting
    "format_text": "segquery.format",
    "format_range": "segquery.format",
    # compound segments
    "Workspace": "segquery.workspace",
    # the whole pipeline, as `segquery check` runs it
    "check_text": "segquery.engine",
    "check_paths": "segquery.checking",
    # requests and records sent to the Web API
    "validate_request": "segquery.requests",
    "validate_segment": "segquery.requests",
    "check_request_file": "segquery.requests",
    "to_validation_results": "segquery.requests",
    # schemas
    "load_schema": "segquery.schema",
    "default_schema": "segquery.schema",
    # a query in plain English
    "explain": "segquery.explain",
    "Explanation": "segquery.explain",
}

# Static, so that type checkers see the public names (a test keeps it equal to
# the lazy table above).
__all__ = [
    "Applicability",
    "Diagnostic",
    "Explanation",
    "Fix",
    "ParseError",
    "ParseResult",
    "Position",
    "QueryKind",
    "Range",
    "RelatedLocation",
    "Severity",
    "SourceText",
    "Span",
    "TextEdit",
    "Workspace",
    "check_paths",
    "check_request_file",
    "check_text",
    "default_schema",
    "explain",
    "format_range",
    "format_text",
    "infer_kind",
    "load_schema",
    "parse",
    "parse_file",
    "parse_tolerant",
    "to_validation_results",
    "unparse",
    "validate",
    "validate_request",
    "validate_segment",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'segquery' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from segquery.checking import check_paths as check_paths
    from segquery.engine import check_text as check_text
    from segquery.format import (
        format_range as format_range,
        format_text as format_text,
    )
    from segquery.semantic import (
        QueryKind as QueryKind,
        infer_kind as infer_kind,
        validate as validate,
    )
    from segquery.workspace import (
        Workspace as Workspace,
    )
    from segquery.diagnostics import (
        Applicability as Applicability,
        Diagnostic as Diagnostic,
        Fix as Fix,
        RelatedLocation as RelatedLocation,
        Severity as Severity,
        TextEdit as TextEdit,
    )
    from segquery.requests import (
        check_request_file as check_request_file,
        to_validation_results as to_validation_results,
        validate_request as validate_request,
        validate_segment as validate_segment,
    )
    from segquery.schema import (
        default_schema as default_schema,
        load_schema as load_schema,
    )
    from segquery.explain import (
        Explanation as Explanation,
        explain as explain,
    )
    from segquery.source import (
        Position as Position,
        Range as Range,
        SourceText as SourceText,
        Span as Span,
    )
    from segquery.syntax.parser import (
        ParseError as ParseError,
        ParseResult as ParseResult,
        parse as parse,
        parse_file as parse_file,
        parse_tolerant as parse_tolerant,
    )
    from segquery.syntax.printer import (
        unparse as unparse,
    )
