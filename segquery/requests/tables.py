"""What the field checks need to know about a table: its columns and their
types, the options of its choice columns, the maximum lengths, and the codes
its findings carry. The outbound `msdyncrm_segment` table and the real-time
tables (`segquery.requests.realtime_schema`) are described the same way, so
one set of field checks serves both."""

from __future__ import annotations

from dataclasses import field
from typing import Mapping

from segquery.fast_dataclass import dataclass
from segquery.requests import codes, schema


@dataclass(frozen=True)
class ColumnTable:
    """A table as the field checks see it."""

    name: str
    columns: Mapping[str, str]                       # column -> Dataverse attribute type
    option_sets: Mapping[str, Mapping[int, str]]     # choice column -> option value -> label
    option_codes: Mapping[str, str] = field(default_factory=dict)   # column -> code of a value outside its options
    option_code: str = codes.UNKNOWN_OPTION          # the code for the other choice columns
    max_lengths: Mapping[str, int] = field(default_factory=dict)
    id_code: str = codes.BAD_SEGMENT_ID              # the code of a malformed id

    def unknown_option_code(self, column: str) -> str:
        return self.option_codes.get(column, self.option_code)


OUTBOUND_SEGMENT = ColumnTable(
    schema.TABLE, schema.COLUMNS, schema.OPTION_SETS,
    option_codes={schema.TYPE: codes.UNKNOWN_SEGMENT_TYPE, schema.STATUS: codes.UNKNOWN_STATUS},
    max_lengths=schema.MAX_LENGTHS)
