"""The schema bundled with segquery: standard Dataverse tables used by
Dynamics 365 Marketing, their relationships, and the interaction types."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from segquery.schema.json_format import parse_json_schema
from segquery.schema.model import Schema

DEFAULT_SCHEMA_RESOURCE = ("segquery.schema", "data/default_schema.json")


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """Load the bundled schema once; later calls return the same object.

    Read through importlib.resources so it works from an installed wheel or
    a zip as well as from a source checkout.
    """
    package, name = DEFAULT_SCHEMA_RESOURCE
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return parse_json_schema(text, source=f"{package.replace('.', '/')}/{name}")
