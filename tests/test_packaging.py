"""The installed wheel carries everything the library needs (grammar, default
schema, language server), tested from the built wheel, not the source tree."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(out)],
                   check=True, capture_output=True)
    (wheel,) = out.glob("segquery-*.whl")
    target = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(target)
    assert "segquery/_grammar/segquery.lark" in names
    assert "segquery/schema/data/default_schema.json" in names
    assert "segquery/lsp/__init__.py" in names
    return target


def test_the_wheel_parses_with_its_own_grammar(unpacked_wheel, tmp_path):
    script = (
        "import segquery, segquery.syntax.grammar as g\n"
        "from importlib import resources\n"
        "assert segquery.__file__.startswith(%r), segquery.__file__\n"
        "assert resources.files('segquery').joinpath('_grammar').joinpath('segquery.lark').is_file()\n"
        "q = segquery.parse(\"PROFILE(contact).FILTER(address1_city == 'Seattle')\")\n"
        "print(segquery.unparse(q))\n"
        "print(len(segquery.default_schema().table('contact').attribute_names) > 100)\n"
    ) % str(unpacked_wheel)
    completed = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                               env={"PYTHONPATH": str(unpacked_wheel), "PATH": "/usr/bin:/bin"})
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines() == ["PROFILE(contact).FILTER(address1_city == 'Seattle')", "True"]


def test_the_wheel_carries_the_licence_and_the_typing_marker(unpacked_wheel):
    (info,) = unpacked_wheel.glob("segquery-*.dist-info")
    assert (info / "licenses" / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert (unpacked_wheel / "segquery" / "py.typed").is_file()
    metadata = (info / "METADATA").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in metadata
    assert "Project-URL: Repository, https://github.com/segquery/segquery" in metadata
    assert "Classifier: Typing :: Typed" in metadata


def test_twine_accepts_the_distributions(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    distributions = sorted(str(path) for path in tmp_path.iterdir())
    assert len(distributions) == 2
    completed = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *distributions],
                               capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.count("PASSED") == 2


def test_the_language_server_dependencies_are_required(unpacked_wheel):
    """`segquery lsp` works after a plain `pip install .`: no extra is needed."""
    (metadata,) = unpacked_wheel.glob("segquery-*.dist-info/METADATA")
    required = {line.split(":", 1)[1].strip() for line in metadata.read_text(encoding="utf-8").splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line}
    assert {"pygls<3,>=2.0", "lsprotocol>=2025.0.0"} <= required


def test_the_package_version_is_the_projects():
    import tomllib
    from pathlib import Path

    from segquery.version import __version__

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["version"] == __version__
