"""Hover on a construct of an outbound query: what migrating it to real-time journeys does, and why."""

from __future__ import annotations

import functools

from segquery.ide.model import Hover
from segquery.migrate.translate import QueryMigration, migrate_query
from segquery.source import Span
from segquery.syntax.dialect import Dialect


@functools.lru_cache(maxsize=8)
def migration_of(text: str) -> QueryMigration:
    """The migration of an outbound text; the editor asks again for the same text on every hover and
    cursor move (code actions), so the last few answers are kept."""
    return migrate_query(text)


def migration_hover(text: str, offset: int, *, dialect: Dialect) -> Hover | None:
    """The migration findings whose outbound range holds `offset`, or None (also for a real-time text)."""
    if dialect.name != "outbound":
        return None
    found = [finding for finding in migration_of(text).findings
             if finding.range.start.offset <= offset <= finding.range.end.offset]
    if not found:
        return None
    lines = [f"**{finding.code}** real-time journeys, {finding.outcome.label}: {finding.done} ({finding.why})"
             for finding in found]
    innermost = min(found, key=lambda finding: finding.range.end.offset - finding.range.start.offset)
    return Hover("\n\n".join(lines), Span(innermost.range.start.offset, innermost.range.end.offset))


def with_migration(found: Hover | None, migration: Hover | None) -> Hover | None:
    """The word's own hover, followed by the migration findings under it."""
    if found is None or migration is None:
        return found or migration
    return Hover(f"{found.markdown}\n\n---\n\n{migration.markdown}", found.span)
