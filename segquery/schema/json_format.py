"""segquery's JSON schema format (version 1): read, check, and write.

The format is documented in docs/schema.md. It is meant to be written by
hand or exported, so every mistake is reported as one SchemaError carrying
the JSON path and the line and column of the offending key or value.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

from segquery.lenient_json.paths import PathPart, format_path, locate
from segquery.lenient_json.values import python_type_name
from segquery.schema.errors import SchemaError
from segquery.schema.model import (STANDARD_PROFILE_ID_COLUMNS, Attribute, AttributeType, InteractionTable,
                                   InteractionType, Relationship, Schema, Table)
from segquery.schema.reading import PathOrText, decode, is_inline, read_bytes, source_name
from segquery.source import SourceText
from segquery.suggest import suggestion_suffix

FORMAT_VERSION = 1

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_INTEGER = re.compile(r"-?[0-9]+\Z")
_STRING_OR_NUMBER = re.compile(r'"(?:[^"\\]|\\.)*"|-?(?P<integer>[0-9]+)(?P<float>(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)')
_TYPE_NAMES = [member.value for member in AttributeType]
_OPTION_TYPES = "picklist, state, status, multiselectpicklist and boolean"
_TARGET_TYPES = "lookup, customer and owner"

Path = tuple[PathPart, ...]


def load_json_schema(path_or_text: PathOrText) -> Schema:
    """Load a schema from a file path, or from the JSON text itself."""
    if is_inline(path_or_text, "{["):
        text = path_or_text if isinstance(path_or_text, str) else decode(path_or_text, None)
        return parse_json_schema(text)
    source = source_name(path_or_text)
    return parse_json_schema(decode(read_bytes(path_or_text), source), source=source)


def parse_json_schema(text: str, *, source: str | None = None) -> Schema:
    """Check JSON text against the format and build the Schema it describes."""
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        raise SchemaError(f"invalid JSON: {error.msg}", source=source,
                          line=error.lineno, column=error.colno) from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise _number_too_long(text, source) from None
    except RecursionError:
        raise SchemaError("invalid JSON: nested too deeply", source=source) from None
    return _Reader(text, source).schema(data)


def _number_too_long(text: str, source: str | None) -> SchemaError:
    limit = sys.get_int_max_str_digits()
    line = column = None
    for match in _STRING_OR_NUMBER.finditer(text):
        if match["integer"] and not match["float"] and len(match["integer"]) > limit:
            position = SourceText(text).position(match.start())
            line, column = position.line, position.column
            break
    return SchemaError(f"invalid JSON: the number has more than {limit} digits", source=source,
                       line=line, column=column)


def schema_to_json_data(schema: Schema, *, description: str | None = None) -> dict[str, Any]:
    """The JSON-ready form of a schema, in the shortest spelling the format allows."""
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    if description:
        data["description"] = description
    data["tables"] = {name: _table_data(table) for name, table in schema.tables.items()}
    data["relationships"] = {name: _relationship_data(rel) for name, rel in schema.relationships.items()}
    data["interactions"] = {name: _interaction_data(item) for name, item in schema.interactions.items()}
    if schema.interaction_tables:
        data["interaction_tables"] = {name: _interaction_table_data(item)
                                      for name, item in schema.interaction_tables.items()}
    return data


def dump_json_schema(schema: Schema, *, description: str | None = None, indent: int | None = 1) -> str:
    """Serialize a schema; `load_json_schema` of the result gives an equal Schema."""
    text = json.dumps(schema_to_json_data(schema, description=description),
                      indent=indent, ensure_ascii=False)
    return text + "\n"


def _attribute_data(attribute: Attribute) -> str | dict[str, Any]:
    if attribute.options is None and not attribute.targets and attribute.display_name is None:
        return attribute.type.value
    data: dict[str, Any] = {"type": attribute.type.value}
    if attribute.display_name is not None:
        data["display_name"] = attribute.display_name
    if attribute.options is not None:
        data["options"] = {str(value): label for value, label in attribute.options.items()}
    if attribute.targets:
        data["targets"] = list(attribute.targets)
    return data


def _table_data(table: Table) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in ("display_name", "entity_set", "primary_id", "primary_name"):
        if getattr(table, key) is not None:
            data[key] = getattr(table, key)
    data["attributes"] = {name: _attribute_data(a) for name, a in table.attributes.items()}
    return data


def _relationship_data(relationship: Relationship) -> dict[str, Any]:
    data = {
        "referencing_table": relationship.referencing_table,
        "referencing_attribute": relationship.referencing_attribute,
        "referenced_table": relationship.referenced_table,
    }
    if relationship.schema_name is not None:
        data["schema_name"] = relationship.schema_name
    return data


def _interaction_data(interaction: InteractionType) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if interaction.link_types:
        data["link_types"] = list(interaction.link_types)
    if interaction.attributes:
        data["attributes"] = {name: _attribute_data(a) for name, a in interaction.attributes.items()}
    return data


def _interaction_table_data(table: InteractionTable) -> dict[str, Any]:
    return {"profile_id_columns": list(table.profile_id_columns),
            "attributes": {name: _attribute_data(a) for name, a in table.attributes.items()}}


class _Object(dict):
    """A decoded JSON object that had repeated keys, which json.loads would
    otherwise drop silently."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicates = []
        for key, _ in pairs:
            if key in seen:
                duplicates.append(key)
            seen.add(key)
        result = _Object(result)
        result.duplicates = duplicates
    return result


class _Reader:
    """Walks decoded JSON, building model objects and failing at the first fault."""

    def __init__(self, text: str, source: str | None) -> None:
        self.text = text
        self.source = source

    def fail(self, path: Path, message: str, *, key: bool = False) -> NoReturn:
        offset = locate(self.text, path, key=key)
        line = column = None
        if offset is not None:
            position = SourceText(self.text).position(offset)
            line, column = position.line, position.column
        raise SchemaError(message, source=self.source, path=format_path(path), line=line, column=column)

    def object(self, value: Any, path: Path, *, required: tuple[str, ...] = (),
               optional: tuple[str, ...] = (), fixed: bool = True) -> dict[str, Any]:
        """A JSON object; with `fixed`, only the given keys (and `_`-prefixed
        comment keys) are allowed."""
        if not isinstance(value, dict):
            self.fail(path, f"expected an object, found {python_type_name(value)}")
        duplicates = getattr(value, "duplicates", None)
        if duplicates:
            self.fail(path + (duplicates[0],), f"duplicate key `{duplicates[0]}`", key=True)
        if fixed:
            allowed = required + optional
            for key in value:
                if key not in allowed and not key.startswith("_"):
                    self.fail(path + (key,), f"unknown key `{key}`" + suggestion_suffix(key, allowed), key=True)
            for key in required:
                if key not in value:
                    self.fail(path, f"missing required key `{key}`")
        return value

    def string(self, value: Any, path: Path) -> str:
        if not isinstance(value, str):
            self.fail(path, f"expected a string, found {python_type_name(value)}")
        return value

    def name(self, value: Any, path: Path, kind: str, *, key: bool = False) -> str:
        text = self.string(value, path)
        if not _NAME.match(text):
            self.fail(path, f"`{text}` is not a valid {kind} name: a name starts with a letter or `_` "
                            "and has only letters, digits and `_`", key=key)
        return text

    def names(self, value: Any, path: Path, kind: str) -> dict[str, Any]:
        """An object keyed by names that must differ even when case is ignored."""
        members = self.object(value, path, fixed=False)
        seen: dict[str, str] = {}
        for key in members:
            self.name(key, path + (key,), kind, key=True)
            folded = key.casefold()
            if folded in seen:
                self.fail(path + (key,), f"duplicate {kind} name `{key}`: `{seen[folded]}` is already "
                                         "defined (names are compared without regard to case)", key=True)
            seen[folded] = key
        return members

    def name_list(self, value: Any, path: Path, kind: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(path, f"expected an array, found {python_type_name(value)}")
        seen: dict[str, str] = {}
        for index, item in enumerate(value):
            name = self.name(item, path + (index,), kind)
            folded = name.casefold()
            if folded in seen:
                self.fail(path + (index,), f"duplicate {kind} `{name}`")
            seen[folded] = name
        return tuple(value)

    def attribute_type(self, value: Any, path: Path) -> AttributeType:
        text = self.string(value, path)
        found = AttributeType.from_name(text)
        if found is None:
            self.fail(path, f"unknown attribute type `{text}`" + suggestion_suffix(text, _TYPE_NAMES))
        return found

    def attribute(self, name: str, value: Any, path: Path) -> Attribute:
        if isinstance(value, str):
            return Attribute(name, self.attribute_type(value, path))
        if not isinstance(value, dict):
            self.fail(path, f"expected a type name or an object, found {python_type_name(value)}")
        self.object(value, path, required=("type",), optional=("display_name", "options", "targets"))
        kind = self.attribute_type(value["type"], path + ("type",))
        options = None
        if "options" in value:
            if not (kind.is_choice or kind is AttributeType.BOOLEAN):
                self.fail(path + ("options",), f"options are allowed only on {_OPTION_TYPES} "
                                               f"attributes, not on {kind.value}", key=True)
            options = self.options(value["options"], path + ("options",))
        targets: tuple[str, ...] = ()
        if "targets" in value:
            if not kind.is_lookup:
                self.fail(path + ("targets",), f"targets are allowed only on {_TARGET_TYPES} "
                                               f"attributes, not on {kind.value}", key=True)
            targets = self.name_list(value["targets"], path + ("targets",), "table")
        return Attribute(name, kind, options, targets, self.display_name(value, path))

    def display_name(self, value: dict[str, Any], path: Path) -> str | None:
        return self.string(value["display_name"], path + ("display_name",)) if "display_name" in value else None

    def options(self, value: Any, path: Path) -> dict[int, str]:
        members = self.object(value, path, fixed=False)
        options: dict[int, str] = {}
        for key, label in members.items():
            if not _INTEGER.match(key):
                self.fail(path + (key,), f"option value `{key}` is not an integer", key=True)
            try:
                code = int(key)
            except ValueError:  # more digits than Python converts
                self.fail(path + (key,), f"option value `{key[:20]}…` has too many digits", key=True)
            if code in options:
                self.fail(path + (key,), f"duplicate option value {code}", key=True)
            options[code] = self.string(label, path + (key,))
        return options

    def attributes(self, value: Any, path: Path) -> dict[str, Attribute]:
        members = self.names(value, path, "attribute")
        return {name: self.attribute(name, item, path + (name,)) for name, item in members.items()}

    def table(self, name: str, value: Any, path: Path) -> Table:
        self.object(value, path, required=("attributes",),
                    optional=("display_name", "entity_set", "primary_id", "primary_name"))
        table = Table(name, self.attributes(value["attributes"], path + ("attributes",)))
        fields: dict[str, str | None] = {}
        for key in ("primary_id", "primary_name"):
            fields[key] = None
            if key in value:
                wanted = self.string(value[key], path + (key,))
                attribute = table.attribute(wanted)
                if attribute is None:
                    self.fail(path + (key,), f"{key} `{wanted}` is not an attribute of table `{name}`"
                                             + suggestion_suffix(wanted, table.attributes))
                fields[key] = attribute.name
        entity_set = self.string(value["entity_set"], path + ("entity_set",)) if "entity_set" in value else None
        return Table(name, table.attributes, fields["primary_id"], fields["primary_name"], entity_set,
                     self.display_name(value, path))

    def relationship(self, name: str, value: Any, path: Path) -> Relationship:
        keys = ("referencing_table", "referencing_attribute", "referenced_table")
        self.object(value, path, required=keys, optional=("schema_name",))
        kinds = ("table", "attribute", "table")
        ends = [self.name(value[key], path + (key,), kind) for key, kind in zip(keys, kinds)]
        schema_name = self.string(value["schema_name"], path + ("schema_name",)) if "schema_name" in value else None
        return Relationship(name, ends[0], ends[1], ends[2], schema_name)

    def interaction(self, name: str, value: Any, path: Path) -> InteractionType:
        self.object(value, path, optional=("link_types", "attributes"))
        links = self.name_list(value.get("link_types", []), path + ("link_types",), "link type")
        attributes = self.attributes(value.get("attributes", {}), path + ("attributes",))
        return InteractionType(name, links, attributes)

    def interaction_table(self, name: str, value: Any, path: Path) -> InteractionTable:
        self.object(value, path, optional=("profile_id_columns", "attributes"))
        columns = (self.name_list(value["profile_id_columns"], path + ("profile_id_columns",), "profile id column")
                   if "profile_id_columns" in value else STANDARD_PROFILE_ID_COLUMNS)
        if not columns:
            self.fail(path + ("profile_id_columns",), "an interaction table needs at least one profile id column")
        attributes = self.attributes(value.get("attributes", {}), path + ("attributes",))
        return InteractionTable(name, columns, attributes)

    def section(self, data: dict[str, Any], key: str, kind: str, build) -> dict[str, Any]:
        members = self.names(data.get(key, {}), (key,), kind)
        return {name: build(name, item, (key, name)) for name, item in members.items()}

    def schema(self, data: Any) -> Schema:
        self.object(data, (), required=("version",),
                    optional=("description", "tables", "relationships", "interactions", "interaction_tables"))
        version = data["version"]
        if isinstance(version, bool) or not isinstance(version, int):
            self.fail(("version",), f"expected an integer, found {python_type_name(version)}")
        if version != FORMAT_VERSION:
            self.fail(("version",), f"unsupported schema format version {version}; "
                                    f"this segquery reads version {FORMAT_VERSION}")
        if "description" in data:
            self.string(data["description"], ("description",))
        tables = self.section(data, "tables", "table", self.table)
        relationships = self.section(data, "relationships", "relationship", self.relationship)
        interactions = self.section(data, "interactions", "interaction", self.interaction)
        interaction_tables = self.section(data, "interaction_tables", "interaction table", self.interaction_table)
        try:
            return Schema(tables, relationships, interactions, interaction_tables)
        except ValueError as error:
            raise SchemaError(str(error), source=self.source) from None

