"""`check --fix` over many files does work linear in the number of files: the workspace
takes every fixed text at once instead of rebuilding its graph after each file."""

from __future__ import annotations

from collections import Counter

from segquery import suggest
from segquery.checking import check_paths
from segquery.engine import CheckOptions
from segquery.workspace import Workspace


def write_fixable_files(folder, count: int) -> None:
    """`count` files, each with a keyword to put in upper case; most reference the two before, and the
    third a segment that is not there (did-you-mean is asked only about such a name)."""
    for index in range(count):
        text = ("profile(contact)\n" if index < 2
                else f"segment(seg_{index - 1}) union segment(seg_{index - 2 if index > 2 else 'missing'})\n")
        (folder / f"seg_{index}.segq").write_text(text, encoding="utf-8")


def fix_work(folder, count: int, monkeypatch) -> Counter:
    """Segments the workspace graph was built over, names indexed for did-you-mean, and fixed files."""
    work: Counter = Counter()
    build_structure = Workspace._build_structure
    suggester_init = suggest.Suggester.__init__

    def counted_build(self):
        work["graph segments"] += len(self._all_segments())
        return build_structure(self)

    def counted_suggester(self, candidates):
        candidates = list(candidates)
        work["suggester names"] += len(candidates)
        suggester_init(self, candidates)

    monkeypatch.setattr(Workspace, "_build_structure", counted_build)
    monkeypatch.setattr(suggest.Suggester, "__init__", counted_suggester)
    write_fixable_files(folder, count)
    reports = check_paths([str(folder)], options=CheckOptions(fix=True, jobs=1))
    work["fixed files"] = sum(report.changed for report in reports)
    monkeypatch.undo()
    return work


def test_fixing_many_files_is_linear(tmp_path, monkeypatch):
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    n = 30
    at_n = fix_work(small, n, monkeypatch)
    at_4n = fix_work(large, 4 * n, monkeypatch)
    assert (at_n["fixed files"], at_4n["fixed files"]) == (n, 4 * n)
    for kind in ("graph segments", "suggester names"):
        assert at_n[kind] >= n, kind   # the counters see the work
        assert at_4n[kind] <= 4 * at_n[kind] + 10, (kind, at_n[kind], at_4n[kind])
