"""`pull_schema`: the org's own schema, in the project's JSON format.

`$metadata` gives the tables, lookups, their targets and the relationship schema
names (streamed: it can be tens of MB). It lacks what a checker needs most from
an org, so each selected table is completed from EntityDefinitions: the exact
attribute types (money, memo, choice...), the primary name column, and the
option values of choice columns (`PicklistAttributeMetadata` and its kin with
`$expand=OptionSet`). The result is sorted throughout, so that it diffs well.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from segquery.files import Stored, UnreadableFile, WriteFailed, read_text, write_text
from segquery.org.client import Client
from segquery.org.diffs import text_diff
from segquery.org.errors import OrgError
from segquery.schema.edmx_stream import parse_edmx_stream
from segquery.schema.json_format import dump_json_schema
from segquery.schema.model import Attribute, AttributeType, InteractionType, Relationship, Schema, Table
from segquery.suggest import did_you_mean

# The real-time interaction tables of the vendor's reference guide: pulled whenever the org has them.
REALTIME_INTERACTION_TABLES = (
    "msdynmkt_emailaddressoptedout", "msdynmkt_emailblocked", "msdynmkt_emailbounced", "msdynmkt_emaildelivered",
    "msdynmkt_emailfeedbackloop", "msdynmkt_emaillinkclicked", "msdynmkt_emailopened", "msdynmkt_emailsent",
    "msdynmkt_pushnotificationlinkclicked", "msdynmkt_pushnotificationnotsent", "msdynmkt_pushnotificationopened",
    "msdynmkt_pushnotificationsent", "msdynmkt_smsbounced", "msdynmkt_smsconsentnotgiven", "msdynmkt_smsdelivered",
    "msdynmkt_smslinkclicked", "msdynmkt_smsnotsent", "msdynmkt_smsreceived", "msdynmkt_smssent",
)
# Attribute metadata types whose OptionSet holds `Options`; booleans hold TrueOption/FalseOption.
CHOICE_METADATA = ("PicklistAttributeMetadata", "MultiSelectPicklistAttributeMetadata", "StateAttributeMetadata",
                   "StatusAttributeMetadata")
BOOLEAN_METADATA = "BooleanAttributeMetadata"

Progress = Callable[[Sequence[str]], Iterable[str]]


def pull_schema(client: Client, *, tables: Sequence[str] | None = None, progress: Progress | None = None) -> Schema:
    """The org's schema: every table, or `tables` (with the real-time interaction tables the org has)."""
    base = read_metadata(client)
    names = select_tables(base, tables)
    completed = {name: complete_table(client, base.tables[name])
                 for name in (progress or _quietly)(names)}
    return sorted_schema(Schema(completed, _relationships_from(base, set(completed)), {}))


def read_metadata(client: Client) -> Schema:
    """`$metadata`, streamed through a temporary file into the safe XML reader."""
    with tempfile.TemporaryFile() as spool:
        client.download("$metadata", spool)
        spool.seek(0)
        from segquery.schema.errors import SchemaError

        try:
            return parse_edmx_stream(spool, source="$metadata")
        except SchemaError as error:
            raise OrgError(f"the org's $metadata cannot be used: {error}") from None


def select_tables(schema: Schema, wanted: Sequence[str] | None) -> list[str]:
    """The table names to pull, sorted; an OrgError naming a table the org does not have."""
    if not wanted:
        return sorted(schema.tables)
    found = []
    for name in wanted:
        table = schema.table(name)
        if table is None:
            suggestion = did_you_mean(name, schema.tables)
            raise OrgError(f"the org has no table `{name}`" + (f"; did you mean `{suggestion}`?" if suggestion else ""))
        found.append(table.name)
    found += [name for name in REALTIME_INTERACTION_TABLES if name in schema.tables]
    return sorted(set(found))


def complete_table(client: Client, table: Table) -> Table:
    """The table with EntityDefinitions' attribute types, primary name and option values."""
    definition = f"EntityDefinitions(LogicalName='{table.name}')"
    data = client.get_json(definition, {
        "$select": "LogicalName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,DisplayName",
        "$expand": "Attributes($select=LogicalName,AttributeType,AttributeTypeName,DisplayName)"})
    options = _options(client, definition)
    attributes: dict[str, Attribute] = {}
    for item in data.get("Attributes", []):
        name = item.get("LogicalName")
        if not isinstance(name, str) or not name:
            continue
        known = table.attribute(name)
        kind = _attribute_type(item, known)
        targets = known.targets if known is not None and kind.is_lookup else ()
        attributes[name] = Attribute(name, kind, options.get(name) if _takes_options(kind) else None, targets,
                                     _display_name(item))
    for name, attribute in table.attributes.items():     # lookups only $metadata shows keep their targets
        attributes.setdefault(name, attribute)
    primary_name = data.get("PrimaryNameAttribute") if data.get("PrimaryNameAttribute") in attributes else None
    primary_id = data.get("PrimaryIdAttribute") if data.get("PrimaryIdAttribute") in attributes else table.primary_id
    return Table(table.name, dict(sorted(attributes.items())), primary_id, primary_name,
                 data.get("EntitySetName") or table.entity_set, _display_name(data))


def _display_name(item: dict[str, Any]) -> str | None:
    """The label of `DisplayName` in the user's language, when the org gives one."""
    label = (item.get("DisplayName") or {}).get("UserLocalizedLabel") or {}
    return label["Label"] if isinstance(label.get("Label"), str) and label["Label"] else None


def _attribute_type(item: dict[str, Any], known: Attribute | None) -> AttributeType:
    type_name = item.get("AttributeTypeName")
    value = type_name.get("Value") if isinstance(type_name, dict) else None
    kind = AttributeType.from_dataverse(value or item.get("AttributeType") or "")
    if kind is AttributeType.OTHER and known is not None:
        return known.type
    return kind


def _takes_options(kind: AttributeType) -> bool:
    return kind.is_choice or kind is AttributeType.BOOLEAN


def _options(client: Client, definition: str) -> dict[str, dict[int, str]]:
    """Attribute -> {value: label} for every choice and boolean column of a table."""
    found: dict[str, dict[int, str]] = {}
    for metadata in CHOICE_METADATA:
        for item in _cast(client, definition, metadata, "OptionSet($select=Options)"):
            option_set = item.get("OptionSet") or {}
            found[item["LogicalName"]] = dict(sorted(
                (option["Value"], _label(option)) for option in option_set.get("Options", [])
                if isinstance(option.get("Value"), int)))
    for item in _cast(client, definition, BOOLEAN_METADATA, "OptionSet($select=TrueOption,FalseOption)"):
        option_set = item.get("OptionSet") or {}
        pairs = [(option["Value"], _label(option)) for option in (option_set.get("FalseOption"),
                                                                  option_set.get("TrueOption"))
                 if isinstance(option, dict) and isinstance(option.get("Value"), int)]
        if pairs:
            found[item["LogicalName"]] = dict(sorted(pairs))
    return found


def _cast(client: Client, definition: str, metadata: str, expand: str) -> Iterator[dict[str, Any]]:
    path = f"{definition}/Attributes/Microsoft.Dynamics.CRM.{metadata}"
    for item in client.collection(path, select=["LogicalName"], params={"$expand": expand}):
        if isinstance(item.get("LogicalName"), str):
            yield item


def _label(option: dict[str, Any]) -> str:
    label = option.get("Label") or {}
    user = label.get("UserLocalizedLabel") or {}
    if isinstance(user.get("Label"), str):
        return user["Label"]
    localized = label.get("LocalizedLabels") or []
    return next((item["Label"] for item in localized if isinstance(item.get("Label"), str)), str(option["Value"]))


def _relationships_from(schema: Schema, tables: set[str]) -> dict[str, Relationship]:
    """The relationships whose referencing table was pulled (each lookup of a pulled table)."""
    return {name: relationship for name, relationship in schema.relationships.items()
            if relationship.referencing_table in tables}


def sorted_schema(schema: Schema) -> Schema:
    """The same schema with every mapping in name order and every option map in value order."""
    def attributes(items: dict[str, Attribute] | Any) -> dict[str, Attribute]:
        return {name: Attribute(a.name, a.type, None if a.options is None else dict(sorted(a.options.items())),
                                a.targets, a.display_name) for name, a in sorted(items.items())}

    tables = {name: Table(t.name, attributes(t.attributes), t.primary_id, t.primary_name, t.entity_set,
                          t.display_name)
              for name, t in sorted(schema.tables.items())}
    interactions = {name: InteractionType(i.name, tuple(sorted(i.link_types)), attributes(i.attributes))
                    for name, i in sorted(schema.interactions.items())}
    return Schema(tables, dict(sorted(schema.relationships.items())), interactions)


def schema_text(schema: Schema, url: str) -> str:
    """The schema file's text: deterministic, so that a pull with nothing changed writes the same bytes."""
    return dump_json_schema(schema, description=f"Pulled from {url} by segquery schema pull")


@dataclass(frozen=True)
class SchemaFile:
    """A schema file and the pulled text it is compared with (`current` is None when there is no file)."""

    path: str
    current: str | None
    text: str
    stored: Stored | None = field(default=None, repr=False, compare=False)

    @property
    def unchanged(self) -> bool:
        return self.current == self.text

    def diff(self) -> str:
        """What the pull changes in the file, as a unified diff ("" when nothing)."""
        return text_diff(self.current or "", self.text, self.path)

    def write(self) -> None:
        """Write the pulled text if it differs; an existing file is replaced atomically (`segquery.files`),
        in its encoding, and only if it still holds what was compared."""
        if self.unchanged:
            return
        try:
            if self.stored is None:
                Path(self.path).write_text(self.text, encoding="utf-8")
            else:
                write_text(self.path, self.text, self.stored)
        except WriteFailed as error:
            raise OrgError(str(error)) from None
        except OSError as error:
            raise OrgError(f"{self.path}: cannot write the file: {error.strerror or error}") from None


def schema_file(path: str, text: str) -> SchemaFile:
    """The schema file at `path` compared with a pulled schema's text."""
    if not Path(path).is_file():
        return SchemaFile(path, None, text)
    try:
        found = read_text(path)
    except UnreadableFile as error:
        raise OrgError(f"{path}: {error.reason}") from None
    return SchemaFile(path, found.text, text, found.stored)


def _quietly(names: Sequence[str]) -> Iterable[str]:
    return names
