"""Code actions: each diagnostic's fix as a quick fix, one action that
applies every safe fix of the file, and the translation of an outbound file
to real-time journeys.

The whole-file action uses the linter's fix machinery
(`segquery.lint.fixes`): one pass of non-overlapping safe fixes over the
given diagnostics, or, when a `check` function is given, passes repeated
until nothing is left to fix (a pass that would break the query is undone).
"""

from __future__ import annotations

from typing import Callable, Iterable, cast

from segquery.diagnostics import Applicability, Diagnostic, Fix, TextEdit
from segquery.directives import comment_body
from segquery.ide.model import CodeAction
from segquery.lint.fixes import apply_fixes, fix_until_stable
from segquery.source import Span
from segquery.syntax.dialect import Dialect
from segquery.syntax.parser import parse_tolerant

QUICK_FIX = "quickfix"
FIX_ALL = "source.fixAll.segquery"
FIX_ALL_TITLE = "Fix all safe problems"
TRANSLATE = "refactor.rewrite.realtime"
TRANSLATE_TITLE = "Translate to real-time journeys"


def code_actions(text: str, diagnostics: Iterable[Diagnostic], span: Span, *,
                 check: Callable[[str], list[Diagnostic]] | None = None) -> list[CodeAction]:
    """Quick fixes for the diagnostics that touch `span` (safe ones first and
    preferred), then the fix-all action when any safe fix exists."""
    diagnostics = list(diagnostics)
    touching = [d for d in diagnostics if d.fix is not None and d.fix.edits and _touches(d, span)]
    touching.sort(key=lambda d: (cast(Fix, d.fix).applicability is not Applicability.SAFE, d.sort_key()))
    actions = [_quick_fix(d) for d in touching]
    fix_all = fix_all_action(text, diagnostics, check=check)
    if fix_all is not None:
        actions.append(fix_all)
    return actions


def _touches(diagnostic: Diagnostic, span: Span) -> bool:
    return diagnostic.start <= span.end and span.start <= diagnostic.end


def _quick_fix(diagnostic: Diagnostic) -> CodeAction:
    fix = cast(Fix, diagnostic.fix)  # only a diagnostic with a fix gets a quick fix
    safe = fix.applicability is Applicability.SAFE
    title = fix.message if safe else f"{fix.message} (may change the meaning)"
    return CodeAction(title=f"{title} [{diagnostic.code}]", kind=QUICK_FIX, edits=tuple(fix.edits),
                      diagnostics=(diagnostic,), is_preferred=safe)


def fix_all_action(text: str, diagnostics: Iterable[Diagnostic], *,
                   check: Callable[[str], list[Diagnostic]] | None = None) -> CodeAction | None:
    """The action that applies every safe fix, or None when there is none."""
    diagnostics = list(diagnostics)
    if check is None:
        new_text, applied = apply_fixes(text, diagnostics)
        if not applied:
            return None
        edits = tuple(sorted((edit for d in applied for edit in cast(Fix, d.fix).edits), key=lambda edit: edit.start))
        return CodeAction(FIX_ALL_TITLE, FIX_ALL, edits, tuple(applied))
    result = fix_until_stable(text, check)
    if not result.changed:
        return None
    return CodeAction(FIX_ALL_TITLE, FIX_ALL, (minimal_edit(text, result.text),))


def minimal_edit(old: str, new: str) -> TextEdit:
    """One edit turning `old` into `new`, without their common prefix and suffix."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return TextEdit(prefix, len(old) - suffix, new[prefix:len(new) - suffix])


def translate_action(text: str, *, dialect: Dialect) -> CodeAction | None:
    """Rewrite an outbound file in the real-time dialect, or None when it is not outbound or
    something in it has no real-time form (`segquery migrate` reports why)."""
    if dialect.name != "outbound":
        return None
    from segquery.ide.migration_hover import migration_of  # only this action needs the migration

    result = migration_of(text)
    parsed = parse_tolerant(text)
    if result.text is None or parsed.query is None:
        return None
    directives = [comment.text for comment in parsed.query.comments
                  if comment_body(comment).strip().startswith("segquery:")
                  and not comment_body(comment).strip()[len("segquery:"):].strip().startswith("dialect")]
    new_text = "".join(line + "\n" for line in ["// segquery: dialect = realtime", *directives]) + result.text
    return CodeAction(TRANSLATE_TITLE, TRANSLATE, (minimal_edit(text, new_text),))
