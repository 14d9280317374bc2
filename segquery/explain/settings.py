"""Explaining a file with the schema and dialect its configuration gives it,
as `segquery check` would read it."""

from __future__ import annotations

from segquery.engine import CheckOptions, SettingsResolver
from segquery.explain.explainer import explain
from segquery.explain.model import Explanation
from segquery.lint.suppression import read_directives
from segquery.schema import default_schema
from segquery.source import SourceText


def explain_configured(text: str, *, path: str | None = None, options: CheckOptions | None = None) -> Explanation:
    """`explain` with the configured schema (or `options.schema`) over the bundled
    one, and the dialect a `// segquery: dialect = ...` directive, `options.dialect`
    or the configuration names (`auto`: the text's constructs decide). Raises
    ParseError for an invalid query and ConfigError for an unusable configuration
    or schema."""
    settings = SettingsResolver(options or CheckOptions()).for_file(path)
    dialect = settings.choose_dialect(text, read_directives(SourceText(text, path)).dialect).dialect
    return explain(text, schema=settings.schema or default_schema(), dialect=dialect, path=path)
