"""How values of a column compare."""

import enum


class ColumnKind(enum.Enum):
    """How values of a column compare: what the compiler and the evaluator need to know."""

    STRING = "string"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    OTHER = "other"
