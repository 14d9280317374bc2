"""A checked workspace takes each file's text and query shape from the check that read it, as soon
as the check is done.

With worker processes, each worker checks some of the files and sends back
their shapes; the profile types of segments that reference segments checked
by another worker are inferred from those shapes alone. The findings must be
those of a workspace that reads and parses every file itself, whatever the
number of workers and with or without the cache.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import segquery.engine as engine
import segquery.workspace.model as workspace_model
from segquery.check_options import CheckOptions
from segquery.checking import check_paths
from segquery.engine import PARALLEL_THRESHOLD
from segquery.projects import GroupLoading
from segquery.workspace import Workspace

AS_ACCOUNTS = "// segquery: profile = account\n"
ACCOUNTS = AS_ACCOUNTS + "PROFILE(account).FILTER(numberofemployees > 500)\n"
CONTACTS = "PROFILE(contact)\n"
TO_CONTACTS = ".TRAVERSE(contact_account_parentcustomerid)"
LINKS = 6           # each chain: a leaf, then LINKS segments each referencing the one before
FILLERS = PARALLEL_THRESHOLD + 10


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.segq").write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Chains of references spread over many files (the names sort them apart, into different chunks):
    an account chain, a contact chain, and segments that combine or traverse their ends."""
    (tmp_path / "segquery.toml").write_text("", encoding="utf-8")
    _write(tmp_path, "a_accounts_00", ACCOUNTS)
    _write(tmp_path, "c_contacts_00", CONTACTS)
    for link in range(1, LINKS + 1):
        _write(tmp_path, f"a_accounts_{link:02}", f"{AS_ACCOUNTS}(SEGMENT(a_accounts_{link - 1:02})).TAKE(10)\n")
        _write(tmp_path, f"c_contacts_{link:02}", f"SEGMENT(c_contacts_{link - 1:02}) UNION PROFILE(contact)\n")
    last = f"{LINKS:02}"
    _write(tmp_path, "m_mixed", f"SEGMENT(c_contacts_{last})\n  UNION SEGMENT(a_accounts_{last})\n")
    _write(tmp_path, "m_traversed", f"SEGMENT(c_contacts_{last}) UNION SEGMENT(a_accounts_{last}){TO_CONTACTS}\n")
    _write(tmp_path, "m_grouped", f"(SEGMENT(a_accounts_{last}) EXCEPT SEGMENT(a_accounts_03)){TO_CONTACTS}\n")
    _write(tmp_path, "m_as_accounts", f"{AS_ACCOUNTS}SEGMENT(m_grouped)\n")
    for index in range(FILLERS):
        _write(tmp_path, f"z_filler_{index:03}", CONTACTS)
    return tmp_path


def _workspace_findings(reports) -> list[tuple[str, str, int, int, str, list]]:
    return [(Path(report.path).name, d.code, d.range.start.offset, d.range.end.offset, d.message,
             [(Path(item.path).name, item.message) for item in d.related])
            for report in reports for d in report.diagnostics if d.code.startswith("W")]


def test_profile_types_inferred_across_files_checked_by_different_workers(project, monkeypatch):
    monkeypatch.chdir(project)
    runs = {(jobs, cache): _workspace_findings(check_paths([str(project)], options=CheckOptions(jobs=jobs,
                                                                                                cache=cache)))
            for jobs in (1, 2) for cache in (False, True)}
    runs["cached again"] = _workspace_findings(check_paths([str(project)], options=CheckOptions(jobs=2, cache=True)))
    assert len({repr(found) for found in runs.values()}) == 1
    assert runs[2, False] == [
        ("m_as_accounts.segq", "W005", 39, 48, "`m_grouped` ends on `contact`, but `m_as_accounts` targets "
         "`account`: its members would be `contact` records; reference a `account` segment or TRAVERSE to `account`",
         [("m_grouped.segq", "`m_grouped` is defined here")]),
        ("m_mixed.segq", "W004", 31, 53, "this operand of UNION selects `account` records (through "
         "`a_accounts_06`), but the first operand selects `contact`: the operands of a set operation must select "
         "the same profile type", [("a_accounts_06.segq", "`a_accounts_06` ends on `account`"),
                                   ("c_contacts_06.segq", "`c_contacts_06` ends on `contact`")]),
    ]


def test_the_findings_are_those_of_a_workspace_that_parses_every_file_itself(project, monkeypatch):
    monkeypatch.chdir(project)
    reports = check_paths([str(project)], options=CheckOptions(jobs=2))
    workspace = Workspace.from_paths([str(project)])
    assert _workspace_findings(reports) == [
        (Path(path).name, d.code, d.range.start.offset, d.range.end.offset, d.message,
         [(Path(item.path).name, item.message) for item in d.related])
        for path in workspace.files for d in workspace.diagnostics_for(path)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_check_parses_no_checked_query_again_for_the_workspace(project, monkeypatch, jobs):
    def parse_again(*args, **kwargs):
        raise AssertionError("the workspace parsed a checked query again")

    monkeypatch.setattr(workspace_model, "parse_tolerant", parse_again)   # the workers check with the engine's
    reports = check_paths([str(project)], options=CheckOptions(jobs=jobs))
    assert [code for _, code, *_ in _workspace_findings(reports)] == ["W005", "W004"]


@pytest.mark.parametrize("cache", [False, True])
def test_each_checked_file_is_read_into_its_workspace_as_soon_as_it_is_checked(project, monkeypatch, cache):
    events: list[tuple[str, str]] = []
    check_file, add = engine.check_file, GroupLoading.add

    def spy_check_file(path, settings=None):
        events.append(("checked", Path(path).name))
        return check_file(path, settings)

    def spy_add(loading, report):
        events.append(("read", Path(report.path).name))
        return add(loading, report)

    monkeypatch.setattr(engine, "check_file", spy_check_file)
    monkeypatch.setattr(GroupLoading, "add", spy_add)
    check_paths([str(project)], options=CheckOptions(jobs=1, cache=cache))
    assert events[:4] == [("checked", "a_accounts_00.segq"), ("read", "a_accounts_00.segq"),
                          ("checked", "a_accounts_01.segq"), ("read", "a_accounts_01.segq")]
    assert len(events) == 2 * (2 * (LINKS + 1) + 4 + FILLERS)
