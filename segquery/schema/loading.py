"""Load a user's schema file without asking which format it is in."""

from __future__ import annotations

from segquery.schema.edmx import parse_edmx
from segquery.schema.errors import SchemaError
from segquery.schema.json_format import parse_json_schema
from segquery.schema.model import Schema
from segquery.schema.reading import PathOrText, decode, is_inline, read_bytes, source_name


def load_schema(path_or_text: PathOrText) -> Schema:
    """Load a JSON schema or a `$metadata` EDMX document, told apart by content:
    a JSON schema starts with `{`, XML with `<`. Accepts a path or the text."""
    if is_inline(path_or_text, "{[<"):
        data, source = path_or_text, None
    else:
        data, source = read_bytes(path_or_text), source_name(path_or_text)
    if is_inline(data, "<"):
        return parse_edmx(data, source=source)
    if is_inline(data, "{["):
        text = data if isinstance(data, str) else decode(data, source)
        return parse_json_schema(text, source=source)
    raise SchemaError("not a schema: expected a JSON schema (starting with `{`) "
                      "or a $metadata EDMX document (starting with `<`)", source=source)
