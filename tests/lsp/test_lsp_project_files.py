"""The server's workspace holds the files `segquery check` would read: the
configuration's exclusions and the ignore files apply when the project is
loaded and when the editor reports a file created or changed on disk."""

from __future__ import annotations

from pathlib import Path

from segquery.lsp.project import Project


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def names(project: Project) -> list[str]:
    return sorted(segment.name for segment in project.segments())


def test_excluded_and_ignored_files_stay_out_of_the_workspace(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[tool.segquery]\nexclude = ["drafts"]\n')
    write(tmp_path / ".gitignore", "scratch.segq\n")
    write(tmp_path / "base.segq", "PROFILE(contact)\n")
    write(tmp_path / "drafts" / "draft.segq", "SEGMENT(missing)\n")
    write(tmp_path / "scratch.segq", "SEGMENT(missing)\n")
    project = Project()
    project.load([tmp_path], {})
    assert names(project) == ["base"]

    created = write(tmp_path / "drafts" / "second.segq", "PROFILE(contact)\n")
    assert project.update(created) == []
    ignored = write(tmp_path / "sub" / "scratch.segq", "PROFILE(contact)\n")
    assert project.update(ignored) == []
    kept = write(tmp_path / "sub" / "kept.segq", "PROFILE(contact)\n")
    project.update(kept)
    assert names(project) == ["base", "kept"]


def test_an_open_excluded_document_is_still_part_of_the_workspace(tmp_path):
    write(tmp_path / "segquery.toml", 'exclude = ["drafts"]\n')
    draft = write(tmp_path / "drafts" / "draft.segq", "PROFILE(contact)\n")
    project = Project()
    project.load([tmp_path], {draft: "PROFILE(contact)\n"})
    assert names(project) == ["draft"]
