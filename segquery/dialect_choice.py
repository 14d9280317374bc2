"""Which dialect a file is read in, and why (for `parse` output and hover).

The order: the file's own `// segquery: dialect = ...` directive; else the
setting (`--dialect`, the configuration's `dialects` glob for the file, its
`dialect` key). A setting of `auto` reads the text's constructs
(segquery/syntax/inference.py) and falls back to the default dialect when they
do not decide.
"""

from __future__ import annotations


from segquery.fast_dataclass import dataclass
from segquery.syntax.dialect import Dialect
from segquery.syntax.dialects import AUTO, DEFAULT_DIALECT, dialect_named


@dataclass(frozen=True)
class DialectChoice:
    dialect: Dialect
    reason: str

    def describe(self) -> str:
        return f"{self.dialect.name} ({self.reason})"


def choose_dialect(text: str, setting: str | None, *, directive: str | None = None) -> DialectChoice:
    """The dialect of `text` under a setting (a dialect's name, `auto`, or None for the default)."""
    if directive:
        if directive.strip().lower() != AUTO:
            named = dialect_named(directive)
            if named is not None:
                return DialectChoice(named, "the file's dialect directive")
        setting = AUTO
    if setting and setting.strip().lower() == AUTO:
        from segquery.syntax.inference import infer_dialect  # only `auto` needs the tokenizer pass

        inference = infer_dialect(text)
        if inference.dialect is not None:
            return DialectChoice(inference.dialect, f"auto: {inference.reason()}")
        return DialectChoice(DEFAULT_DIALECT, f"auto: {inference.reason()}; the default")
    named = dialect_named(setting) if setting else None
    if named is not None:
        return DialectChoice(named, "configured")
    return DialectChoice(DEFAULT_DIALECT, "the default")


def choose_dialect_of_text(text: str, setting: str | None) -> DialectChoice:
    """`choose_dialect`, reading the text's own directive (for commands that do not otherwise read it)."""
    from segquery.lint.suppression import read_directives
    from segquery.source import SourceText

    return choose_dialect(text, setting, directive=read_directives(SourceText(text)).dialect)
