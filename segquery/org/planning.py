"""A plan for the repository against a connected org: the org's segments fetched, then compared."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Callable

from segquery.org.client import Client
from segquery.org.plan import Plan, make_plan
from segquery.org.records import fetch_segments


def plan_for(client: Client, directory: Path, *, new_id: Callable[[], str] = lambda: str(uuid.uuid4())) -> Plan:
    return make_plan(directory, fetch_segments(client), org=client.url, api_root=client.api_root, new_id=new_id)
