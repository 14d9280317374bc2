"""The check pipeline: stages, settings per file, workspace, fixes, many files."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from segquery import engine
from segquery.config import ConfigError
from segquery.diagnostics import Severity
from segquery.checking import check_paths
from segquery.engine import PARALLEL_THRESHOLD, CheckOptions, check_text
from segquery.lint.fixes import fix_until_stable

STATIC_WITH_TRAVERSE = "PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)\n"


def codes(report) -> list[str]:
    return [d.code for d in report.diagnostics]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_query_that_does_not_parse_stops_after_the_parser():
    assert codes(check_text("profile(contact).FILTER(x == 1))")) == ["S006"]


def test_stages_run_in_order_and_all_report():
    report = check_text("profile(account)\n", options=CheckOptions(kind="dynamic"))
    assert codes(report) == ["L001", "V013"]


def test_kind_comes_from_the_directive_before_the_option_and_the_configuration(tmp_path):
    write(tmp_path / "segquery.toml", "[kinds]\n'static/*' = 'static'\n")
    path = str(write(tmp_path / "static" / "q.segq", STATIC_WITH_TRAVERSE))
    assert "V003" in codes(check_paths([path])[0])
    assert "V003" not in codes(check_paths([path], options=CheckOptions(kind="dynamic"))[0])
    write(Path(path), "// segquery: kind = dynamic\n" + STATIC_WITH_TRAVERSE)
    assert "V003" not in codes(check_paths([path])[0])
    assert "V003" not in codes(check_paths([path], options=CheckOptions(kind="static"))[0])


def test_target_and_schema_come_from_the_configuration(tmp_path):
    write(tmp_path / "schema.json", '{"version": 1, "tables": {"account": {"attributes": {"tier_x": "string"}}}}')
    path = str(write(tmp_path / "q.segq", "PROFILE(account).FILTER(tier_x == 'gold')\n"))
    # `tier_x` is not in the bundled schema: a warning (V046) until the org's schema is configured.
    assert codes(check_paths([path])[0]) == ["V013", "V046"]
    write(tmp_path / "segquery.toml", "target = 'account'\nschema = 'schema.json'\n")
    assert codes(check_paths([path])[0]) == []


def test_selection_per_file_ignores_and_severity(tmp_path):
    write(tmp_path / "segquery.toml", "extend-select = ['L011']\nline-length = 20\n"
                                      "[per-file-ignores]\n'old/*' = ['L0']\n[severity]\nL001 = 'error'\n")
    new = str(write(tmp_path / "new.segq", "profile(contact)\n"))
    old = str(write(tmp_path / "old" / "q.segq", "profile(contact)\n"))
    report = check_paths([new])[0]
    assert [(d.code, d.severity) for d in report.diagnostics] == [("L001", Severity.ERROR)]
    assert check_paths([old])[0].diagnostics == []
    assert codes(check_paths([new], options=CheckOptions(ignore=("L001",)))[0]) == []
    long_line = str(write(tmp_path / "long.segq", "PROFILE(contact) // a long comment\n"))
    assert codes(check_paths([long_line])[0]) == ["L011"]


def test_syntax_errors_survive_any_selection():
    assert codes(check_text("PROFILE(contact", options=CheckOptions(select=("L001",)))) == ["S007"]


def test_json_files_go_to_the_request_validator(tmp_path):
    path = str(write(tmp_path / "create.json", '{"msdyncrm_segmentname": 5}\n'))
    assert codes(check_paths([path])[0]) == ["R017", "R017", "R016"]


def test_workspace_findings_for_the_checked_files(tmp_path):
    a = str(write(tmp_path / "a.segq", "SEGMENT(missing) UNION SEGMENT(b)\n"))
    b = str(write(tmp_path / "b.segq", "PROFILE(contact)\n"))
    reports = check_paths([a, b])
    assert [codes(report) for report in reports] == [["W001"], []]
    # b.segq is beside a.segq: checking a alone still loads its whole project.
    assert [(d.code, d.message) for d in check_paths([a])[0].diagnostics] == [
        ("W001", "no segment named `missing` in the workspace")]


def test_references_resolve_below_the_configuration_directory(tmp_path):
    write(tmp_path / "segquery.toml", "")
    a = str(write(tmp_path / "compound" / "a.segq", "SEGMENT(b) UNION SEGMENT(b2)\n"))
    write(tmp_path / "dynamic" / "b.segq", "PROFILE(contact)\n")
    write(tmp_path / "dynamic" / "b2.segq", "PROFILE(contact).FILTER(statecode == 0)\n")
    assert codes(check_paths([a])[0]) == []


def test_unreadable_file(tmp_path):
    report = check_paths([str(tmp_path / "nothing.segq")])[0]
    assert [(d.code, d.message) for d in report.diagnostics] == [
        ("E001", "cannot read the file: No such file or directory")]


def test_invalid_configuration_raises(tmp_path):
    write(tmp_path / "segquery.toml", "selct = []\n")
    path = str(write(tmp_path / "q.segq", "PROFILE(contact)\n"))
    with pytest.raises(ConfigError, match="did you mean `select`"):
        check_paths([path])


def test_fixes_are_applied_until_stable_and_reported():
    report = check_text('profile(contact).FILTER(NOT(NOT(x == "a")) && x == "a")\n',
                        options=CheckOptions(select=("L",), fix=True))
    assert report.source.text == "PROFILE(contact).FILTER(x == 'a')\n"
    assert report.original == 'profile(contact).FILTER(NOT(NOT(x == "a")) && x == "a")\n'
    assert report.changed and report.fix_problem is None
    assert dict(report.fixed) == {"L001": 1, "L002": 2, "L008": 1, "L020": 1}
    assert report.diagnostics == []


def test_fixes_that_run_out_of_passes_keep_what_they_fixed_and_say_what_is_left(monkeypatch):
    # NOT(NOT(NOT(a == 1))) takes two passes (L008, then L007); one pass is allowed here.
    monkeypatch.setattr(engine, "fix_until_stable", functools.partial(fix_until_stable, max_passes=1))
    report = check_text("PROFILE(contact).FILTER(NOT(NOT(NOT(a == 1))))\n", options=CheckOptions(fix=True))
    assert report.source.text == "PROFILE(contact).FILTER(NOT(a == 1))\n"
    assert report.fix_problem == ("fixes did not converge after 1 passes; the fixes made are kept, and these still "
                                  "have one: L007 at 1:25; please report this as a bug")


def test_deeply_nested_negations_converge():
    text = "PROFILE(contact).FILTER(" + "NOT(" * 42 + "a == 1" + ")" * 42 + ")\n"
    report = check_text(text, options=CheckOptions(fix=True))
    assert (report.source.text, report.fix_problem, dict(report.fixed)) == (
        "PROFILE(contact).FILTER(a == 1)\n", None, {"L008": 1})


def test_unsafe_fixes_only_when_asked():
    text = "PROFILE(contact).FILTER(emailaddress1 == '')\n"
    assert check_text(text, options=CheckOptions(fix=True)).source.text == text
    assert check_text(text, options=CheckOptions(fix=True, unsafe_fixes=True)).source.text == \
        "PROFILE(contact).FILTER(ISNULL(emailaddress1))\n"


def test_many_files_are_checked_in_parallel_in_a_stable_order(tmp_path):
    count = PARALLEL_THRESHOLD + 6
    for index in range(count):
        text = "profile(contact)\n" if index % 3 == 0 else "PROFILE(contact).FILTER(statecode == 0)\n"
        write(tmp_path / f"d{index % 4}" / f"q{index:03}.segq", text)
    parallel = check_paths([str(tmp_path)], options=CheckOptions(jobs=2))
    serial = check_paths([str(tmp_path)], options=CheckOptions(jobs=1))
    assert len(parallel) == count
    assert [r.path for r in parallel] == [r.path for r in serial] == sorted(r.path for r in serial)
    assert [codes(r) for r in parallel] == [codes(r) for r in serial]
    assert sum(1 for r in parallel if codes(r) == ["L001"]) == 24


@pytest.mark.parametrize(("count", "jobs"), [(10_000, 2), (10_000, 8), (70, 2), (3, 4)])
def test_workers_take_chunks_that_shrink_to_the_end(count, jobs):
    files = [f"q{index}.segq" for index in range(count)]
    chunks = engine.chunks_of(files, jobs)
    sizes = [len(chunk) for chunk in chunks]
    assert [file for chunk in chunks for file in chunk] == files
    assert sizes == sorted(sizes, reverse=True)
    assert max(sizes) <= engine.LARGEST_CHUNK
    assert len(sizes) == 1 or sizes[-2] == engine.SMALLEST_CHUNK     # the last one holds what is left
    left = count
    for size in sizes:       # never more than a quarter of what is left for each worker
        assert size <= max(engine.SMALLEST_CHUNK, left // (4 * jobs))
        left -= size


def test_exclude_applies_to_directories_but_not_to_named_files(tmp_path):
    write(tmp_path / "segquery.toml", "exclude = ['generated/']\n")
    write(tmp_path / "q.segq", "PROFILE(contact)\n")
    skipped = str(write(tmp_path / "generated" / "g.segq", "PROFILE(contact)\n"))
    assert [Path(r.path).name for r in check_paths([str(tmp_path)])] == ["q.segq"]
    assert [Path(r.path).name for r in check_paths([skipped])] == ["g.segq"]
