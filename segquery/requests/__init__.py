"""Checks of segment API requests, segment records and request files.

The entry points read JSON leniently with positions (`read_json`), check a
request (`validate_request`), a record (`validate_segment`) or a file holding
bodies or HTTP-style requests (`check_request_file`), and convert findings to
the service's own result form (`to_validation_results`). Outbound marketing
(`msdyncrm_*`) and real-time journeys (`msdynmkt_*`) requests are both
checked; a body is read in the dialect its fields name.
"""

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

__all__ = [
    "MAX_DEPTH",
    "JsonArray",
    "JsonDocument",
    "JsonLiteral",
    "JsonMember",
    "JsonNumber",
    "JsonObject",
    "JsonString",
    "JsonValue",
    "RequestDiagnostic",
    "check_request_file",
    "read_json",
    "to_python",
    "to_validation_results",
    "validate_request",
    "validate_segment",
]
