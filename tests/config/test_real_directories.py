"""A file's real directory is resolved once per directory, and a symbolic link's is its target's."""

from __future__ import annotations

import os
from pathlib import Path

from segquery.config.discovery import ConfigFinder, RealDirectories


def test_a_files_directory_is_resolved_once_per_directory(tmp_path, monkeypatch):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "alias")
    real = (tmp_path / "real").resolve()
    resolved: list[str] = []
    original = Path.resolve

    def counting(self, *args, **kwargs):
        resolved.append(str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "resolve", counting)
    directories = RealDirectories()
    found = [directories.of(tmp_path / "alias" / f"q{index}.segq") for index in range(50)]
    assert set(found) == {real}
    assert resolved == [str(tmp_path / "alias")]


def test_a_linked_file_takes_the_configuration_of_its_targets_folder(tmp_path):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "segquery.toml").write_text("line-length = 60\n", encoding="utf-8")
    (tmp_path / "project" / "query.segq").write_text("PROFILE(contact)\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "project" / "query.segq", tmp_path / "elsewhere" / "link.segq")
    finder = ConfigFinder()
    assert finder.for_path(tmp_path / "elsewhere" / "link.segq").line_length == 60
    assert finder.for_path(tmp_path / "elsewhere" / "other.segq").line_length != 60
