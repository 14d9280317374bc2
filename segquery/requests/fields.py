"""Checks of one field value against its column: JSON type, length, option values."""

from __future__ import annotations

import json
import re
from typing import cast

from segquery.diagnostics import Applicability, Fix
from segquery.lenient_json.reader import short
from segquery.lenient_json.values import JsonLiteral, JsonNumber, JsonString, JsonValue, type_name
from segquery.requests import codes, options, schema
from segquery.requests.report import Report
from segquery.requests.tables import OUTBOUND_SEGMENT, ColumnTable

_INTEGER_TEXT = re.compile(r"\s*[+-]?[0-9]+\s*")
_CHOICE_TYPES = ("Picklist", "State", "Status")


def check_value(report: Report, column: str, value: JsonValue, *, written_as: str,
                table: ColumnTable = OUTBOUND_SEGMENT) -> bool:
    """Check `value` for `column` of `table`; True when it has the column's type (and may be used further).

    `written_as` is the key as it appears in the body, for messages.
    """
    kind = table.columns[column]
    if isinstance(value, JsonLiteral) and value.value is None:
        return False
    if kind in ("String", "Memo", "DateTime"):
        return _check_string(report, column, value, written_as, table)
    if kind in ("Integer", "BigInt") or kind in _CHOICE_TYPES:
        number = _integer(report, column, value, written_as, table)
        if number is None or kind not in _CHOICE_TYPES:
            return number is not None
        return _check_option(report, column, number, value, table)
    if kind == "Boolean":
        return _check_boolean(report, column, value, written_as)
    if kind == "Uniqueidentifier":
        if not _check_string(report, column, value, written_as, table):
            return False
        check_guid(report, cast(JsonString, value), column, what=f"`{written_as}`", code=table.id_code)
        return True
    return True  # lookups and owner columns: set through `@odata.bind`, not checked here


def check_guid(report: Report, value: JsonString, field: str, *, what: str,
               code: str = codes.BAD_SEGMENT_ID) -> bool:
    text = value.value
    if schema.is_placeholder(text):
        return True
    problem: str | None
    if text[:3].lower() == "crm" and schema.GUID.fullmatch(text[3:]):
        problem = "the `crm` prefix belongs to member ids, not to segment ids"
        fix = Fix.replace("Remove the prefix", value.content_start, value.raw_offset(3), "")
    else:
        problem = schema.guid_problem(text)
        fix = None
    if problem is None:
        return True
    report.add(code, f"{what} `{short(text)}` is not a GUID: {problem}", value.span,
               field=field, fix=fix)
    return False


def _check_string(report: Report, column: str, value: JsonValue, written_as: str, table: ColumnTable) -> bool:
    if not isinstance(value, JsonString):
        fix = None
        if isinstance(value, JsonNumber) and value.text:
            fix = Fix.replace("Quote the value", value.span.start, value.span.end, json.dumps(value.text))
        report.add(codes.WRONG_TYPE, f"`{written_as}` takes a string, not {type_name(value)}", value.span,
                   field=column, fix=fix)
        return False
    limit = table.max_lengths.get(column)
    if limit is not None and len(value.value) > limit:
        report.add(codes.TOO_LONG, f"`{written_as}` is {len(value.value):,} characters long: the column "
                   f"holds at most {limit:,}", value.span, field=column)
    return True


def _integer(report: Report, column: str, value: JsonValue, written_as: str, table: ColumnTable) -> int | None:
    if isinstance(value, JsonNumber):
        if isinstance(value.value, int):
            return value.value
        if value.value == value.value and value.value.is_integer():
            whole = int(value.value)
            report.add(codes.WRONG_TYPE, f"`{written_as}` takes a whole number: write `{whole}`", value.span,
                       field=column, fix=Fix.replace(f"Write `{whole}`", value.span.start, value.span.end,
                                                     str(whole)))
            return whole
        report.add(codes.WRONG_TYPE, f"`{written_as}` takes a whole number, not `{short(value.text)}`",
                   value.span, field=column)
        return None
    number = _integer_text(value.value) if isinstance(value, JsonString) else None
    if number is not None:
        report.add(codes.WRONG_TYPE, f"`{written_as}` takes a number, not a string: write {number} without "
                   "quotes", value.span, field=column,
                   fix=Fix.replace("Remove the quotes", value.span.start, value.span.end, str(number)))
        return number
    if isinstance(value, JsonString) and table.columns[column] in _CHOICE_TYPES:
        _label_given(report, column, value, written_as, table)
        return None
    report.add(codes.WRONG_TYPE, f"`{written_as}` takes a number, not {type_name(value)}", value.span,
               field=column)
    return None


def _label_given(report: Report, column: str, value: JsonString, written_as: str, table: ColumnTable) -> None:
    code = table.unknown_option_code(column)
    match = options.match_label(column, value.value, table.option_sets)
    if match is None:
        report.add(code, f"`{written_as}` takes an option value, not the text '{short(value.value)}'; "
                   f"the options are {options.listing(column, table.option_sets)}", value.span, field=column)
        return
    named = options.describe(column, match.value, table.option_sets)
    if match.exact:
        message = f"`{written_as}` takes the option value, not its label: '{short(value.value)}' is {named}"
    else:
        message = (f"`{written_as}` takes an option value, not the text '{short(value.value)}'; "
                   f"did you mean {named}?")
    applicability = Applicability.SAFE if match.exact else Applicability.UNSAFE
    report.add(code, message, value.span, field=column,
               fix=Fix.replace(f"Write {match.value}", value.span.start, value.span.end, str(match.value),
                               applicability))


def _check_option(report: Report, column: str, number: int, value: JsonValue, table: ColumnTable) -> bool:
    if number in table.option_sets[column]:
        return True
    report.add(table.unknown_option_code(column), f"{number} is not an option of `{column}`; the options are "
               f"{options.listing(column, table.option_sets)}", value.span, field=column)
    return False


def _check_boolean(report: Report, column: str, value: JsonValue, written_as: str) -> bool:
    if isinstance(value, JsonLiteral) and isinstance(value.value, bool):
        return True
    fix = None
    if isinstance(value, JsonString) and value.value.strip().lower() in ("true", "false"):
        word = value.value.strip().lower()
        fix = Fix.replace(f"Write {word}", value.span.start, value.span.end, word)
    report.add(codes.WRONG_TYPE, f"`{written_as}` takes true or false, not {type_name(value)}", value.span,
               field=column, fix=fix)
    return False


def option_value(value: JsonValue | None, column: str, table: ColumnTable = OUTBOUND_SEGMENT) -> int | None:
    """The option a checked value stands for (a valid number), or None."""
    option_set = table.option_sets[column]
    if isinstance(value, JsonNumber) and isinstance(value.value, int) and value.value in option_set:
        return value.value
    number = _integer_text(value.value) if isinstance(value, JsonString) else None
    if number is not None:
        return number if number in option_set else None
    if isinstance(value, JsonString):
        match = options.match_label(column, value.value, table.option_sets)
        return match.value if match and match.exact else None
    return None


def _integer_text(text: str) -> int | None:
    """The whole number a string spells (`"5"`, `" -3 "`), or None; so many digits
    that Python will not convert them count as no number."""
    if not _INTEGER_TEXT.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:
        return None
