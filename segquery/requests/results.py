"""Diagnostics in the vocabulary of the service's own validation.

`msdyncrm_ValidateSegment` answers a list such as
`[{"ErrorCode": "SegmentDciValidator_SegmentInvalid", "FieldName": "msdyncrm_query"}]`
(`[]` when the segment is valid). `to_validation_results` gives the same shape,
so a caller can use the local check where it used the remote one.
"""

from __future__ import annotations

import re
from typing import Iterable

from segquery.diagnostics import Diagnostic, Severity
from segquery.requests import codes, schema
from segquery.requests.report import field_of
from segquery.rules import catalog

QUERY_ERROR_CODE = "SegmentDciValidator_SegmentInvalid"
# The service names the query field `msdyncrm_query` in its results.
QUERY_FIELD_NAME = "msdyncrm_query"
ERROR_CODE_PREFIX = "SegQuery_"


def error_code(diagnostic: Diagnostic) -> str:
    """The service's code for a query problem; `SegQuery_<RuleName>` for the others."""
    if _is_query_finding(diagnostic):
        return QUERY_ERROR_CODE
    rule = catalog.get_rule(diagnostic.code)
    name = rule.name if rule is not None else diagnostic.code
    return ERROR_CODE_PREFIX + "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def field_name(diagnostic: Diagnostic) -> str:
    """The field the finding is about, as the service names it ("" for the body as a whole)."""
    field = field_of(diagnostic)
    if field == schema.QUERY:
        return QUERY_FIELD_NAME
    return field or ""


def to_validation_results(diagnostics: Iterable[Diagnostic], *,
                          minimum: Severity = Severity.ERROR) -> list[dict[str, str]]:
    """`{"ErrorCode", "FieldName", "Message"}` for each finding at least as severe as `minimum`.

    Like the service, only errors count by default: an empty list means the
    segment would be accepted.
    """
    results = []
    for diagnostic in diagnostics:
        if diagnostic.severity < minimum:
            continue
        results.append({"ErrorCode": error_code(diagnostic), "FieldName": field_name(diagnostic),
                        "Message": diagnostic.message})
    return results


def _is_query_finding(diagnostic: Diagnostic) -> bool:
    """Findings inside the query text: the parser's and validator's codes, and comments."""
    return field_of(diagnostic) == schema.QUERY and (not diagnostic.code.startswith("R")
                                                      or diagnostic.code == codes.COMMENT_IN_QUERY)
