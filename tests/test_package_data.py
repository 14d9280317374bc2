"""`read_package_text` reads what `importlib.resources` reads, from a folder and from a zip."""

from __future__ import annotations

import importlib
import sys
import zipfile
from importlib import resources

import pytest

from segquery.package_data import read_package_text


def test_the_bundled_schema_reads_as_importlib_resources_reads_it():
    expected = resources.files("segquery.schema").joinpath("data/default_schema.json").read_text(encoding="utf-8")
    assert read_package_text("segquery.schema", "data/default_schema.json") == expected


@pytest.mark.parametrize("zipped", [False, True], ids=["folder", "zip"])
def test_a_package_s_file_from_a_folder_or_a_zip(tmp_path, monkeypatch, zipped):
    text = "first line\r\nsecond é\rthird\n"
    files = {"datapkg/__init__.py": "", "datapkg/data/notes.txt": text}
    if zipped:
        archive = tmp_path / "bundle.zip"
        with zipfile.ZipFile(archive, "w") as bundle:
            for name, content in files.items():
                bundle.writestr(name, content.encode("utf-8"))
        monkeypatch.syspath_prepend(str(archive))
    else:
        for name, content in files.items():
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / name).write_bytes(content.encode("utf-8"))
        monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "datapkg", raising=False)
    importlib.invalidate_caches()
    expected = resources.files("datapkg").joinpath("data/notes.txt").read_text(encoding="utf-8")
    assert read_package_text("datapkg", "data/notes.txt") == expected == "first line\nsecond é\nthird\n"
    with pytest.raises(OSError):
        read_package_text("datapkg", "data/missing.txt")
    sys.modules.pop("datapkg", None)
