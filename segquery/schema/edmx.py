"""Build a Schema from a Dataverse Web API `$metadata` document (OData CSDL in EDMX).

The document comes from outside (a user downloads it from their org), so it
is parsed with defusedxml and any DTD is refused: a real `$metadata` document
has none, and a DTD is how entity-expansion and external-entity attacks work.

Derivation rules (docs/schema.md has them with examples):
- every non-abstract EntityType is a table named by its `Name` (the logical
  name), with the properties of its base types included;
- a property `_<x>_value` is lookup attribute `<x>`; its targets are the types
  of the single-valued navigation properties whose ReferentialConstraint
  names that property;
- every such navigation property gives the relationship
  `<entity type>_<target type>_<x>`, with the navigation property's
  `Partner` (the Dataverse relationship SchemaName) as its schema name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from segquery.schema.errors import SchemaError
from segquery.schema.model import Attribute, AttributeType, Relationship, Schema, Table
from segquery.schema.reading import PathOrText, is_inline, read_bytes, source_name

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_BASE_TYPES = 32
"""Longest chain of base types an entity type may have. Dataverse's are one or
two long; each table holds the properties of its whole chain, so a chain of
thousands would make the schema grow with the square of the document."""

_LOOKUP_PROPERTY = re.compile(r"_(.+)_value\Z")
_COLLECTION = re.compile(r"Collection\((.*)\)\Z")

EDM_TYPES: dict[str, AttributeType] = {
    "Edm.String": AttributeType.STRING,
    "Edm.Boolean": AttributeType.BOOLEAN,
    "Edm.Byte": AttributeType.INTEGER,
    "Edm.SByte": AttributeType.INTEGER,
    "Edm.Int16": AttributeType.INTEGER,
    "Edm.Int32": AttributeType.INTEGER,
    "Edm.Int64": AttributeType.BIGINT,
    "Edm.Decimal": AttributeType.DECIMAL,
    "Edm.Double": AttributeType.DOUBLE,
    "Edm.Single": AttributeType.DOUBLE,
    "Edm.DateTimeOffset": AttributeType.DATETIME,
    "Edm.Date": AttributeType.DATETIME,
    "Edm.Guid": AttributeType.UNIQUEIDENTIFIER,
    "Edm.Binary": AttributeType.IMAGE,
}
"""Edm primitive type -> attribute type. The Web API folds several Dataverse
types together (money and decimal are Edm.Decimal, choices Edm.Int32, memo
Edm.String), so an EDMX-derived schema is coarser than the bundled one."""


def load_edmx_schema(path_or_text: PathOrText) -> Schema:
    """Load a schema from a `$metadata` file path, or from the XML itself."""
    if is_inline(path_or_text, "<"):
        return parse_edmx(path_or_text)
    return parse_edmx(read_bytes(path_or_text), source=source_name(path_or_text))


def parse_edmx(document: str | bytes, *, source: str | None = None) -> Schema:
    """Parse `$metadata` XML safely and derive tables and relationships from it."""
    root = _parse(document, source)
    if _local(root.tag) not in ("Edmx", "Schema"):
        raise SchemaError(f"not a CSDL/EDMX document: the root element is <{_local(root.tag)}>, "
                          "expected <edmx:Edmx>", source=source)
    try:
        return _Builder(root).schema(source)
    except _EntityTypeError as error:
        line, column = _find_entity_type(document, error.name)
        raise SchemaError(error.message, source=source, line=line, column=column) from None


class _EntityTypeError(Exception):
    """A problem of one entity type, located in the document once the builder is done."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def _parse(document: str | bytes, source: str | None) -> Element:
    # Imported here so that loading the default schema does not pay for XML.
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeElementTree
    from defusedxml import DefusedXmlException, DTDForbidden

    try:
        return SafeElementTree.fromstring(document, forbid_dtd=True)
    except DTDForbidden:
        line, column = _find(document, "<!DOCTYPE")
        raise SchemaError("refused: the document declares a DTD (<!DOCTYPE>); a $metadata document "
                          "has none, and a DTD can expand entities or load external files",
                          source=source, line=line, column=column) from None
    except DefusedXmlException as error:
        raise SchemaError(f"refused: {error}", source=source) from None
    except UnicodeEncodeError as error:  # a str that no file could hold: expat reads UTF-8
        code = ord(error.object[error.start])
        raise SchemaError(f"invalid XML: the text holds a lone surrogate (U+{code:04X}), which is not Unicode",
                          source=source) from None
    except ParseError as error:
        line, column = error.position
        message = re.sub(r": line \d+, column \d+\Z", "", str(error))
        raise SchemaError(f"invalid XML: {message}", source=source, line=line, column=column + 1) from None


def _find(document: str | bytes, marker: str) -> tuple[int | None, int | None]:
    """1-based line and column of `marker` in the document, to point at it."""
    text = document.decode("utf-8", "replace") if isinstance(document, bytes) else document
    offset = text.find(marker)
    if offset < 0:
        return None, None
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _find_entity_type(document: str | bytes, name: str) -> tuple[int | None, int | None]:
    """1-based line and column of the EntityType element named `name`, if it can be found."""
    text = document.decode("utf-8", "replace") if isinstance(document, bytes) else document
    pattern = re.compile(r"<(?:[\w.-]+:)?EntityType\b[^>]*?\sName\s*=\s*(['\"])" + re.escape(name) + r"\1")
    match = pattern.search(text)
    if match is None:
        return None, None
    return _find(text, match.group(0))


def _local(tag: str) -> str:
    """Element name without its namespace: CSDL v4 and older namespaces alike."""
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


class _Builder:
    """Collects entity types across all CSDL Schema elements and turns them into the model."""

    def __init__(self, root: Element) -> None:
        self.prefixes: set[str] = set()
        self.entity_types: dict[str, Element] = {}
        self.entity_sets: dict[str, str] = {}
        schemas = [root] if _local(root.tag) == "Schema" else [
            element for element in root.iter() if _local(element.tag) == "Schema"]
        for schema in schemas:
            for key in ("Namespace", "Alias"):
                prefix = schema.get(key)
                if prefix:
                    self.prefixes.add(prefix)
            for entity in _children(schema, "EntityType"):
                entity_name = entity.get("Name")
                if entity_name:
                    self.entity_types.setdefault(entity_name, entity)
            for container in _children(schema, "EntityContainer"):
                for entity_set in _children(container, "EntitySet"):
                    target = self.simple_name(entity_set.get("EntityType", ""))
                    set_name = entity_set.get("Name")
                    if set_name and target:
                        self.entity_sets.setdefault(target, set_name)

    def simple_name(self, qualified: str) -> str:
        """`mscrm.account` or `Microsoft.Dynamics.CRM.account` -> `account`."""
        namespace, dot, name = qualified.rpartition(".")
        if dot and namespace in self.prefixes:
            return name
        return name if dot else qualified

    def lineage(self, entity: Element) -> list[Element]:
        """The entity type and its base types, most derived first (cycles cut).
        Raises _EntityTypeError past MAX_BASE_TYPES base types."""
        chain = [entity]
        seen = {id(entity)}
        base = entity.get("BaseType")
        while base:
            parent = self.entity_types.get(self.simple_name(base))
            if parent is None or id(parent) in seen:
                break
            if len(chain) > MAX_BASE_TYPES:
                name = entity.get("Name", "")
                shown = " -> ".join(f"`{level.get('Name', '')}`" for level in chain[:4])
                raise _EntityTypeError(name, f"the entity type `{name}` has more than {MAX_BASE_TYPES} base types "
                                             f"in a chain ({shown} -> ...); a $metadata document has one or two")
            chain.append(parent)
            seen.add(id(parent))
            base = parent.get("BaseType")
        return chain

    def members(self, entity: Element, kind: str) -> list[Element]:
        """Properties or navigation properties, inherited ones after own ones."""
        found: dict[str, Element] = {}
        for level in self.lineage(entity):
            for member in _children(level, kind):
                found.setdefault(member.get("Name", ""), member)
        return [member for name, member in found.items() if name]

    def primary_id(self, entity: Element) -> str | None:
        for level in self.lineage(entity):
            for key in _children(level, "Key"):
                for ref in _children(key, "PropertyRef"):
                    if ref.get("Name"):
                        return ref.get("Name")
        return None

    def lookups(self, name: str, entity: Element) -> tuple[dict[str, list[str]], list[Relationship]]:
        """Lookup attribute -> target tables, and the relationships they define."""
        targets: dict[str, list[str]] = {}
        relationships: list[Relationship] = []
        for navigation in self.members(entity, "NavigationProperty"):
            nav_type = navigation.get("Type", "")
            if not nav_type or _COLLECTION.match(nav_type):
                continue
            target = self.simple_name(nav_type)
            for constraint in _children(navigation, "ReferentialConstraint"):
                prop = constraint.get("Property", "")
                match = _LOOKUP_PROPERTY.match(prop)
                attribute = match.group(1) if match else prop
                if not attribute:
                    continue
                if target not in targets.setdefault(attribute, []):
                    targets[attribute].append(target)
                relationships.append(Relationship(
                    Relationship.traverse_name(name, target, attribute), name, attribute, target,
                    navigation.get("Partner")))
        return targets, relationships

    def table(self, name: str, entity: Element, targets: dict[str, list[str]]) -> Table:
        attributes: dict[str, Attribute] = {}
        folded: dict[str, str] = {}
        for prop in self.members(entity, "Property"):
            prop_name = prop.get("Name", "")
            match = _LOOKUP_PROPERTY.match(prop_name)
            if match:
                attribute = match.group(1)
                found = tuple(targets.get(attribute, ()))
                candidate = Attribute(attribute, _lookup_type(found), None, found)
            else:
                candidate = Attribute(prop_name, EDM_TYPES.get(prop.get("Type", ""), AttributeType.OTHER))
            if candidate.name in attributes:
                continue
            earlier = folded.setdefault(candidate.name.casefold(), candidate.name)
            if earlier != candidate.name:
                raise _EntityTypeError(name, _duplicate("property", candidate.name, earlier, f" in entity type `{name}`"))
            attributes[candidate.name] = candidate
        primary_id = self.primary_id(entity)
        if primary_id not in attributes:
            primary_id = None
        return Table(name, attributes, primary_id, None, self.entity_sets.get(name))

    def schema(self, source: str | None) -> Schema:
        tables: dict[str, Table] = {}
        relationships: dict[str, Relationship] = {}
        folded: dict[str, str] = {}
        for name, entity in self.entity_types.items():
            if entity.get("Abstract", "").lower() == "true":
                continue
            earlier = folded.setdefault(name.casefold(), name)
            if earlier != name:
                raise _EntityTypeError(name, _duplicate("entity type", name, earlier))
            targets, found = self.lookups(name, entity)
            tables[name] = self.table(name, entity, targets)
            for relationship in found:
                relationships.setdefault(relationship.name, relationship)
        try:
            return Schema(tables, relationships, {})
        except ValueError as error:
            raise SchemaError(str(error), source=source) from None


def _duplicate(kind: str, name: str, earlier: str, where: str = "") -> str:
    return (f"duplicate {kind} name `{name}`{where}: `{earlier}` is already defined "
            "(names are compared without regard to case)")


def _lookup_type(targets: tuple[str, ...]) -> AttributeType:
    """Dataverse's Customer lookups point at account and contact, Owner lookups
    at the abstract `principal` (systemuser or team); others are plain lookups."""
    found = set(targets)
    if found == {"account", "contact"}:
        return AttributeType.CUSTOMER
    if "principal" in found or found == {"systemuser", "team"}:
        return AttributeType.OWNER
    return AttributeType.LOOKUP
