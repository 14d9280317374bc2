"""Reading a data file shipped inside a package, from a folder or a zip, without importing
`importlib.resources` (which imports tempfile, shutil and the compression modules: several
milliseconds of every command's start-up, for one read)."""

from __future__ import annotations

import importlib
import os


def read_package_text(package: str, name: str) -> str:
    """The text of the file `name` (a `/`-separated path) inside `package`, decoded as UTF-8 with
    universal newlines, as `importlib.resources.files(package).joinpath(name).read_text()` gives it.
    Raises OSError when there is no such file."""
    spec = importlib.import_module(package).__spec__
    get_data = getattr(spec.loader, "get_data", None) if spec is not None else None
    if spec is None or spec.origin is None or get_data is None:
        raise FileNotFoundError(f"{package}: no loader that reads data files")
    data: bytes = get_data(os.path.join(os.path.dirname(spec.origin), *name.split("/")))
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
