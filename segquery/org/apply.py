"""`apply_plan`: send a plan's requests in order, stopping at the first failure.

A plan is only sent to the org it was made for, and every step is checked
against the documented limits before it goes (a plan file can be edited by
hand). What was done and what was not is always reported; a rerun of `plan`
then plans only what is left, since plans compare with the org as it is.
When a create succeeds, the new id is written into the segment's file (unless
the file changed since the plan), so that the next plan matches it by id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from segquery.org.client import Client
from segquery.org.errors import OrgError
from segquery.org.id_files import IdNotWritten, IdWrite, write_id
from segquery.org.limits import MAX_CONTACTS_PER_BATCH, MAX_QUERY_CHARS, OUTBOUND_IDS_PER_CALL, REALTIME_IDS_PER_CALL
from segquery.org.plan import Plan, Step
from segquery.org.records import parse_member_list
from segquery.requests import realtime_schema as rt
from segquery.requests import schema as outbound


@dataclass
class ApplyReport:
    done: list[Step] = field(default_factory=list)
    failed: Step | None = None
    error: str | None = None
    not_done: list[Step] = field(default_factory=list)
    ids_written: list[IdWrite] = field(default_factory=list)
    ids_not_written: list[tuple[IdWrite, str]] = field(default_factory=list)   # and why

    @property
    def ok(self) -> bool:
        return self.failed is None

    def render_text(self, api_root: str) -> str:
        lines = [f"done: {step.action} `{step.segment}` ({step.method} {api_root}{step.url})" for step in self.done]
        lines += [f"id {write.id} written into {write.path}" for write in self.ids_written]
        lines += [f"id {write.id} NOT written into {write.path}: {reason}; add it yourself "
                  f"({_how_to_add(write)}), or the next plan matches the segment by its name"
                  for write, reason in self.ids_not_written]
        if self.failed is not None:
            lines.append(f"FAILED: {self.failed.action} `{self.failed.segment}`: {self.error}")
            lines += [f"not done: {step.action} `{step.segment}`" for step in self.not_done]
        lines.append(f"{len(self.done)} done, {1 if self.failed else 0} failed, {len(self.not_done)} not done")
        return "\n".join(lines)


def apply_plan(client: Client, plan: Plan, *, on_step: Callable[[Step], None] | None = None) -> ApplyReport:
    """Send each step; stop at the first that fails (or breaks a limit)."""
    if plan.api_root != client.api_root:
        raise OrgError(f"this plan was made for {plan.api_root}, not {client.api_root}: make a new plan")
    report = ApplyReport()
    rewritten: dict[str, str] = {}    # path -> digest of what this run wrote into it
    for index, step in enumerate(plan.steps):
        try:
            problem = limit_problem(step)
            if problem is not None:
                raise OrgError(problem)
            client.request(step.method, step.url, body=step.body)
        except OrgError as error:
            report.failed, report.error = step, error.message
            report.not_done = plan.steps[index + 1:]
            return report
        report.done.append(step)
        if step.write_id is not None:
            _write_back(step.write_id, rewritten, report)
        if on_step is not None:
            on_step(step)
    return report


def _write_back(write: IdWrite, rewritten: dict[str, str], report: ApplyReport) -> None:
    """The created segment's id into its file, which must hold what the plan read (or what this run wrote)."""
    try:
        rewritten[write.path] = write_id(write, rewritten.get(write.path, write.sha256))
    except IdNotWritten as reason:
        report.ids_not_written.append((write, str(reason)))
        return
    report.ids_written.append(write)


def _how_to_add(write: IdWrite) -> str:
    return f"`// segquery: id = {write.id}`" if write.key is None else f'`"{write.key}": "{write.id}"`'


def limit_problem(step: Step) -> str | None:
    """Which documented limit the step breaks, if any."""
    for key in (outbound.QUERY, "msdynmkt_segmentquery"):
        query = step.body.get(key)
        if isinstance(query, str) and len(query) > MAX_QUERY_CHARS:
            return f"the query has {len(query):,} characters; a request takes at most {MAX_QUERY_CHARS:,}"
    ids = step.body.get(outbound.MEMBER_ID)
    if isinstance(ids, str) and ids.startswith("["):
        try:
            count = len(json.loads(ids))
        except ValueError:
            return f"`{outbound.MEMBER_ID}` is not a JSON array of ids"
        if count > min(OUTBOUND_IDS_PER_CALL, MAX_CONTACTS_PER_BATCH):
            return f"{count:,} member ids in one call; the segment API takes at most {OUTBOUND_IDS_PER_CALL:,}"
    for column in (rt.INCLUDED, rt.EXCLUDED):
        count = len(parse_member_list(step.body.get(column)))
        if count > REALTIME_IDS_PER_CALL:
            return (f"{count:,} member ids in one call; a real-time member call takes at most "
                    f"{REALTIME_IDS_PER_CALL:,}")
    return None
