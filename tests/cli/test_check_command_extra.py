"""`segquery check` on request files and on paths without query files."""

from pathlib import Path

from click.testing import CliRunner

from segquery.cli import main

SEED_BODY = ('POST {{orgUrl}}/api/data/v9.0/msdyncrm_IncludeMembersInSegment\n'
             '{\n\tmsdyncrm_segmentid: "59AC8BBF-57E7-E811-A9A9-000D3A35F403",\n'
             '\tmsdyncrm_segmentmemberid: "B5672BDB-8899-43CB-9FA1-0AE4DC61DAD3"\n}\n')


def test_http_request_files_named_explicitly_are_checked(tmp_path: Path):
    path = tmp_path / "add-one-member.http"
    path.write_text(SEED_BODY)
    result = CliRunner().invoke(main, ["check", "--quiet", "--select", "R002", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}:3:2: R002 [error] key `msdyncrm_segmentid` is not quoted: JSON needs \"msdyncrm_segmentid\"")


def test_a_directory_without_query_files_warns(tmp_path: Path):
    (tmp_path / "body.json").write_text("{}")
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 0
    assert "segquery: warning: no query files found" in result.output
