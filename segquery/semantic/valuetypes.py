"""The static types of expressions, as far as literals and the schema tell them."""

from __future__ import annotations

import enum

from segquery.schema import Attribute, AttributeType


class ValueType(enum.Enum):
    """What an expression evaluates to. UNKNOWN never causes a finding."""

    STRING = "a string"
    NUMBER = "a number"
    BOOLEAN = "a boolean"
    DATETIME = "a date"
    GUID = "an identifier"
    CHOICE = "an option set value"
    CONDITION = "a condition"
    WINDOW = "a window"
    UNKNOWN = "a value"

    @property
    def phrase(self) -> str:
        return self.value


def attribute_value_type(attribute: Attribute) -> ValueType:
    """The value type of a schema attribute."""
    kind = attribute.type
    if kind.is_string:
        return ValueType.STRING
    if kind.is_numeric:
        return ValueType.NUMBER
    if kind.is_datetime:
        return ValueType.DATETIME
    if kind.is_guid:
        return ValueType.GUID
    if kind.is_choice:
        return ValueType.CHOICE
    if kind is AttributeType.BOOLEAN:
        return ValueType.BOOLEAN
    return ValueType.UNKNOWN


def article(word: str) -> str:
    """`a string`, `an integer`, `a uniqueidentifier`."""
    vowel = word[:1].lower() in "aeiou" and not word.lower().startswith("uni")
    return ("an " if vowel else "a ") + word
