"""Working against a real org: its schema and segments pulled into the repository, and
reviewed changes planned and applied back in dependency order. See docs/org.md.

Names are imported on first use, so that reading a configuration (which checks the org
URL) does not import httpx and azure-identity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segquery.lazy_exports import lazy_exports

_EXPORTS: dict[str, str] = {
    "AUTH_MODES": "segquery.org.auth",
    "make_credential": "segquery.org.auth",
    "Client": "segquery.org.client",
    "query_string": "segquery.org.client",
    "OrgError": "segquery.org.errors",
    "normalize_org_url": "segquery.org.url",
    "org_url_problem": "segquery.org.url",
    "scope_for": "segquery.org.url",
    "SchemaFile": "segquery.org.schema_pull",
    "pull_schema": "segquery.org.schema_pull",
    "schema_file": "segquery.org.schema_pull",
    "schema_text": "segquery.org.schema_pull",
    "OrgSegment": "segquery.org.records",
    "fetch_segments": "segquery.org.records",
    "PullResult": "segquery.org.pull",
    "pull_segments": "segquery.org.pull",
    "Plan": "segquery.org.plan",
    "Refusal": "segquery.org.plan",
    "Step": "segquery.org.plan",
    "make_plan": "segquery.org.plan",
    "plan_for": "segquery.org.planning",
    "IdWrite": "segquery.org.id_files",
    "ApplyReport": "segquery.org.apply",
    "apply_plan": "segquery.org.apply",
    "Verdict": "segquery.org.remote_check",
    "remote_check": "segquery.org.remote_check",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)


if TYPE_CHECKING:
    from segquery.org.apply import ApplyReport, apply_plan
    from segquery.org.auth import AUTH_MODES, make_credential
    from segquery.org.client import Client, query_string
    from segquery.org.errors import OrgError
    from segquery.org.id_files import IdWrite
    from segquery.org.plan import Plan, Refusal, Step, make_plan
    from segquery.org.planning import plan_for
    from segquery.org.pull import PullResult, pull_segments
    from segquery.org.records import OrgSegment, fetch_segments
    from segquery.org.remote_check import Verdict, remote_check
    from segquery.org.schema_pull import SchemaFile, pull_schema, schema_file, schema_text
    from segquery.org.url import normalize_org_url, org_url_problem, scope_for
