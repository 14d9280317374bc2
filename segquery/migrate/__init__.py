"""Migrating outbound marketing segments to real-time journeys.

    result = migrate("PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')")
    result.text        # "PROFILE(contact).FILTER(address1_city == 'Seattle')\\n"
    result.findings    # what was done with each construct, and why

`migrate(workspace)` migrates a whole estate of segments in go-live order
(see `segquery.migrate.estate`). docs/migration.md describes every rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, overload

from segquery.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from segquery.migrate.estate import EstateMigration
    from segquery.migrate.findings import Finding, Outcome
    from segquery.migrate.mapping import InteractionMap, MappingError, default_interaction_map, load_interaction_map
    from segquery.migrate.translate import QueryMigration
    from segquery.schema import Schema
    from segquery.workspace import Workspace

# Each name's module: imported on first use, so that the codes of this package (the rule
# registry imports `segquery.migrate.codes`) do not load the translator.
_EXPORTS = {"Finding": "segquery.migrate.findings", "Outcome": "segquery.migrate.findings",
            "InteractionMap": "segquery.migrate.mapping", "MappingError": "segquery.migrate.mapping",
            "default_interaction_map": "segquery.migrate.mapping", "load_interaction_map": "segquery.migrate.mapping",
            "QueryMigration": "segquery.migrate.translate"}

__all__ = ["Finding", "InteractionMap", "MappingError", "Outcome", "QueryMigration", "default_interaction_map",
           "load_interaction_map", "migrate"]


@overload
def migrate(query_or_workspace: str, *, schema: Schema | None = ..., interactions: InteractionMap | None = ...,
            id_map: Mapping[str, str] | None = ..., allow_partial: bool = ...) -> QueryMigration: ...
@overload
def migrate(query_or_workspace: "Workspace", *, schema: Schema | None = ...,
            interactions: InteractionMap | None = ..., id_map: Mapping[str, str] | None = ...,
            allow_partial: bool = ...) -> "EstateMigration": ...


def migrate(query_or_workspace, *, schema=None, interactions=None, id_map=None, allow_partial=False):
    """Translate an outbound query text, or every segment of a workspace, to real-time journeys.

    `id_map` maps outbound segment names or `SEGMENT_CRM_ID_<hex>` ids to the
    32 hexadecimal digits of the new segment definitions (a workspace
    migration adds an id for each of its segments). A query with an
    `unsupported` finding gets no text unless `allow_partial`.
    """
    if isinstance(query_or_workspace, str):
        from segquery.migrate.translate import migrate_query

        ids = dict(id_map or {})
        return migrate_query(query_or_workspace, schema=schema, interactions=interactions,
                             segment_ids=lambda name: _lookup(ids, name), allow_partial=allow_partial)
    from segquery.migrate.estate import migrate_workspace

    return migrate_workspace(query_or_workspace, schema=schema, interactions=interactions, id_map=id_map,
                             allow_partial=allow_partial)


def _lookup(ids: Mapping[str, str], name: str) -> str | None:
    if name in ids:
        return ids[name]
    folded = name.casefold()
    return next((value for key, value in ids.items() if key.casefold() == folded), None)


__getattr__ = lazy_exports(__name__, _EXPORTS)
