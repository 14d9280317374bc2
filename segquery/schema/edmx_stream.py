"""Read a large `$metadata` document (tens of MB for a big org) without holding its tree.

The document is parsed incrementally with defusedxml (a DTD is refused, as in
`parse_edmx`). Each EntityType is reduced, as soon as it ends, to what the
derivation reads (names, types, keys, navigation properties and their
constraints); everything else (annotations, actions, functions, complex and enum
types) is dropped as it is read. The reduced tree then goes through the same
derivation as `parse_edmx`, so both give the same schema.
"""

from __future__ import annotations

import re
import sys
from typing import IO
from xml.etree.ElementTree import Element, SubElement

from segquery.schema.edmx import _Builder, _EntityTypeError, _find, _local
from segquery.schema.errors import SchemaError
from segquery.schema.model import Schema

_KEPT_ATTRIBUTES = {
    "EntityType": ("Name", "BaseType", "Abstract"),
    "Key": (),
    "PropertyRef": ("Name",),
    "Property": ("Name", "Type"),
    "NavigationProperty": ("Name", "Type", "Partner"),
    "ReferentialConstraint": ("Property",),
}
_HEAD_BYTES = 1 << 16
"""How much of the document is searched for the `<!DOCTYPE` a refusal points at (it precedes the root)."""


def parse_edmx_stream(stream: IO[bytes], *, source: str | None = None) -> Schema:
    """The schema of a `$metadata` document read from a binary file object (seekable for error positions)."""
    root = _reduce(stream, source)
    try:
        return _Builder(root).schema(source)
    except _EntityTypeError as error:
        raise SchemaError(error.message, source=source) from None


def _reduce(stream: IO[bytes], source: str | None) -> Element:
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeElementTree
    from defusedxml import DefusedXmlException, DTDForbidden

    reduced = Element("Edmx")
    path: list[Element] = []
    schema: Element | None = None
    container: Element | None = None
    try:
        for event, element in SafeElementTree.iterparse(stream, events=("start", "end"), forbid_dtd=True):
            name = _local(element.tag)
            if event == "start":
                path.append(element)
                if name == "Schema":
                    schema = SubElement(reduced, "Schema", {key: element.get(key, "") for key in ("Namespace", "Alias")
                                                            if element.get(key)})
                elif name == "EntityContainer" and schema is not None:
                    container = SubElement(schema, "EntityContainer")
                continue
            path.pop()
            if name == "EntityType" and schema is not None:
                schema.append(_compact(element))
            elif name == "EntitySet" and container is not None:
                SubElement(container, "EntitySet", {"Name": element.get("Name", ""),
                                                    "EntityType": element.get("EntityType", "")})
            if name in ("EntityType", "EntitySet", "Action", "Function", "ComplexType", "EnumType", "Annotations",
                        "Term", "ActionImport", "FunctionImport", "Singleton", "TypeDefinition"):
                _drop(element, path)
    except DTDForbidden:
        stream.seek(0)
        line, column = _find(stream.read(_HEAD_BYTES), "<!DOCTYPE")
        raise SchemaError("refused: the document declares a DTD (<!DOCTYPE>); a $metadata document has none, "
                          "and a DTD can expand entities or load external files",
                          source=source, line=line, column=column) from None
    except DefusedXmlException as error:
        raise SchemaError(f"refused: {error}", source=source) from None
    except ParseError as error:
        line, column = error.position
        message = re.sub(r": line \d+, column \d+\Z", "", str(error))
        raise SchemaError(f"invalid XML: {message}", source=source, line=line, column=column + 1) from None
    if not len(reduced):
        raise SchemaError("not a CSDL/EDMX document: it has no <Schema> element", source=source)
    return reduced


def _compact(entity: Element) -> Element:
    """A copy of an EntityType with only the elements and attributes the derivation reads; the values are
    interned, since column names and types repeat from table to table."""
    def copy(element: Element) -> Element | None:
        name = _local(element.tag)
        if name not in _KEPT_ATTRIBUTES:
            return None
        kept = Element(name, {key: sys.intern(element.get(key, "")) for key in _KEPT_ATTRIBUTES[name]
                              if element.get(key) is not None})
        for child in element:
            reduced = copy(child)
            if reduced is not None:
                kept.append(reduced)
        return kept

    return copy(entity) or Element("EntityType")


def _drop(element: Element, path: list[Element]) -> None:
    """Free an element that has been read: empty it and take it off its parent (it is the last child)."""
    element.clear()
    if path and len(path[-1]) and path[-1][-1] is element:
        del path[-1][-1]
