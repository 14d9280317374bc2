"""Finding the tables of an export: one file or one folder per table.

`contact.csv`, `contact.parquet`, or a folder `contact/` of `.csv` or
`.parquet` files (a Delta table when it holds `_delta_log/`). The table's
name is the file or folder name without its extension.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from segquery.query_plan.kinds import ColumnKind


class FileFormat(enum.Enum):
    CSV = "csv"
    PARQUET = "parquet"
    DELTA = "delta"


@dataclass(frozen=True, slots=True)
class TableFiles:
    name: str
    format: FileFormat
    path: Path
    files: tuple[Path, ...]


class DataError(Exception):
    """The data folder cannot be read as an export; the message says why."""


_SUFFIXES = {".csv": FileFormat.CSV, ".parquet": FileFormat.PARQUET}


def find_tables(directory: str | Path) -> dict[str, TableFiles]:
    """The tables in `directory`, by name."""
    root = Path(directory)
    if not root.is_dir():
        raise DataError(f"{directory} is not a folder")
    found: dict[str, TableFiles] = {}
    for entry in sorted(root.iterdir()):
        table = _table(entry)
        if table is None:
            continue
        other = found.get(table.name.casefold())
        if other is not None:
            raise DataError(f"two exports of table `{table.name}`: {other.path.name} and {entry.name}")
        found[table.name.casefold()] = table
    if not found:
        raise DataError(f"{directory} holds no table (a .csv or .parquet file, or a folder of them, per table)")
    return {table.name: table for table in found.values()}


def _table(entry: Path) -> TableFiles | None:
    if entry.is_file() and entry.suffix.lower() in _SUFFIXES:
        return TableFiles(entry.stem, _SUFFIXES[entry.suffix.lower()], entry, (entry,))
    if not entry.is_dir() or entry.name.startswith("."):
        return None
    if (entry / "_delta_log").is_dir():
        return TableFiles(entry.name, FileFormat.DELTA, entry, ())
    for suffix, file_format in _SUFFIXES.items():
        files = tuple(sorted(path for path in entry.iterdir() if path.is_file() and path.suffix.lower() == suffix))
        if files:
            return TableFiles(entry.name, file_format, entry, files)
    return None


def kind_of_sql_type(type_name: str) -> ColumnKind:
    """The kind of a column from the type an engine reports (`VARCHAR`, `bigint`, `timestamp`...)."""
    name = type_name.upper()
    if name.startswith(("VARCHAR", "STRING", "CHAR", "TEXT", "UUID")):
        return ColumnKind.STRING
    if name.startswith(("BOOL",)):
        return ColumnKind.BOOLEAN
    if name.startswith(("TIMESTAMP", "DATE")):
        return ColumnKind.DATETIME
    if name.startswith(("TINYINT", "SMALLINT", "INT", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT",
                        "UTINYINT", "DOUBLE", "FLOAT", "REAL", "DECIMAL", "LONG", "SHORT", "BYTE", "NUMERIC")):
        return ColumnKind.NUMBER
    return ColumnKind.OTHER
