"""Library diagnostics as LSP diagnostics: severity, code, link to the rule's
documentation, related locations."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types
from pygls.uris import from_fs_path

from segquery.diagnostics import Diagnostic, RelatedLocation, Severity, make_diagnostic
from segquery.rules.links import RULES_URL, rule_url
from segquery.source import SourceText
from segquery.syntax.codes import INTERNAL_ERROR
from segquery.lsp.convert import LineIndex

SOURCE = "segquery"

# A client may override where the rules are published with the `rulesUrl`
# initialization option.
DEFAULT_RULES_URL = RULES_URL

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}

IndexForPath = Callable[[str], "LineIndex | None"]


def internal_error(text: str, path: str | None, error: Exception) -> Diagnostic:
    """E007 at the start of a document whose check failed with `error`."""
    return make_diagnostic(SourceText(text, path), INTERNAL_ERROR,
                           f"segquery could not check this document ({type(error).__name__}: {error}); "
                           "please report this as a bug", 0, 0)


def to_lsp_diagnostic(diagnostic: Diagnostic, index: LineIndex, *, rules_url: str = DEFAULT_RULES_URL,
                      document_uri: str, index_for_path: IndexForPath | None = None) -> types.Diagnostic:
    related = [item for item in (
        _related(location, index, document_uri, index_for_path) for location in diagnostic.related
    ) if item is not None]
    return types.Diagnostic(
        range=index.range(diagnostic.start, diagnostic.end),
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_url(diagnostic.code, rules_url)),
        source=SOURCE,
        message=diagnostic.message,
        related_information=related or None,
    )


def _related(location: RelatedLocation, index: LineIndex, document_uri: str,
             index_for_path: IndexForPath | None) -> types.DiagnosticRelatedInformation | None:
    other: LineIndex | None
    if location.path is None:
        uri, other = document_uri, index
    else:
        uri = from_fs_path(location.path) or location.path
        other = index_for_path(location.path) if index_for_path is not None else None
    if other is None:
        # The file cannot be read: its 1-based line and column are the best we know.
        start, end = location.range.start, location.range.end
        lsp_range = types.Range(start=types.Position(line=start.line - 1, character=start.column - 1),
                                end=types.Position(line=end.line - 1, character=end.column - 1))
    else:
        lsp_range = other.range(location.range.start.offset, location.range.end.offset)
    return types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=lsp_range), message=location.message)
