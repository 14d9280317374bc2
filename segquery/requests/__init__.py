"""Checks of segment API requests, segment records and request files.

The entry points read JSON leniently with positions (`read_json`), check a
request (`validate_request`), a record (`validate_segment`) or a file holding
bodies or HTTP-style requests (`check_request_file`), and convert findings to
the service's own result form (`to_validation_results`). Outbound marketing
(`msdyncrm_*`) and real-time journeys (`msdynmkt_*`) requests are both
checked; a body is read in the dialect its fields name.

The names below are imported on first use: the workspace reads the record
schemas of this package (`segquery.requests.schema`) for every check of a
query file, which needs none of the request checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segquery.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from segquery.lenient_json.reader import MAX_DEPTH, JsonDocument, read_json
    from segquery.lenient_json.values import (
        JsonArray,
        JsonLiteral,
        JsonMember,
        JsonNumber,
        JsonObject,
        JsonString,
        JsonValue,
        to_python,
    )
    from segquery.requests.files import check_request_file
    from segquery.requests.report import RequestDiagnostic
    from segquery.requests.request import validate_request, validate_segment
    from segquery.requests.results import to_validation_results

# Each name, and the module it comes from.
_HOMES = {
    "MAX_DEPTH": "segquery.lenient_json.reader",
    "JsonDocument": "segquery.lenient_json.reader",
    "read_json": "segquery.lenient_json.reader",
    "JsonArray": "segquery.lenient_json.values",
    "JsonLiteral": "segquery.lenient_json.values",
    "JsonMember": "segquery.lenient_json.values",
    "JsonNumber": "segquery.lenient_json.values",
    "JsonObject": "segquery.lenient_json.values",
    "JsonString": "segquery.lenient_json.values",
    "JsonValue": "segquery.lenient_json.values",
    "to_python": "segquery.lenient_json.values",
    "check_request_file": "segquery.requests.files",
    "RequestDiagnostic": "segquery.requests.report",
    "validate_request": "segquery.requests.request",
    "validate_segment": "segquery.requests.request",
    "to_validation_results": "segquery.requests.results",
}

__all__ = sorted(_HOMES)
__getattr__ = lazy_exports(__name__, _HOMES)
