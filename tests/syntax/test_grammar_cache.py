"""The compiled grammar is cached per user, never in a shared temporary folder."""

import stat

from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.grammar import _cache_path


def test_cache_lives_in_a_private_per_user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = _cache_path(OUTBOUND)
    assert path == str(tmp_path / "cache" / "segquery" / "outbound-grammar.lark.cache")
    mode = stat.S_IMODE((tmp_path / "cache" / "segquery").stat().st_mode)
    assert mode == 0o700


def test_no_cache_when_the_folder_cannot_be_made(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _cache_path(OUTBOUND) is None
