"""docs/migration.md shows what the tool prints and the mapping table it ships."""

import json
import re
from pathlib import Path

from click.testing import CliRunner

from segquery.cli import main
from segquery.migrate import default_interaction_map

REPO_ROOT = Path(__file__).resolve().parents[2]
DOC = (REPO_ROOT / "docs" / "migration.md").read_text(encoding="utf-8")


def test_the_worked_example_is_what_the_command_prints(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO_ROOT)
    [(arguments, expected)] = re.findall(r"^\$ segquery (migrate examples/workspace --out realtime/)\n(.*?)```",
                                         DOC, re.S | re.M)
    out = tmp_path / "realtime"
    result = CliRunner().invoke(main, [*arguments.split()[:-1], str(out)])
    assert result.output.replace(str(out), "realtime/") == expected
    for name in ("04_key_account_contacts.segq", "04_key_account_contacts.records.json"):
        written = (out / name).read_text(encoding="utf-8")
        assert written.strip() in DOC


def test_the_documented_interaction_table_is_the_shipped_one():
    rows = re.findall(r"^\| `(\w+)` \| `(msdynmkt_\w+)` \| (.*?) \| (.*?) \|$", DOC, re.M)
    shipped = default_interaction_map().interactions
    assert [name for name, *_ in rows] == list(shipped)
    for name, table, links, attributes in rows:
        entry = shipped[name]
        assert table == entry.table
        assert links == ", ".join(f"`{k}` ({v})" for k, v in entry.links.items())
        assert attributes == ", ".join(f"`{k}` -> `{v}`" for k, v in entry.attributes.items())


def test_the_extension_example_parses():
    [example] = [block for block in re.findall(r"```json\n(.*?)```", DOC, re.S) if "EmailSoftBounced" in block]
    extended = default_interaction_map().extended(json.loads(example), "docs")
    assert extended.get("EmailSoftBounced").table == "msdynmkt_emailbounced"
