"""`segquery sql` and `segquery preview`: exact output, diagnostics and exit status."""

import json
import os
import pty
import subprocess
import sys

from cli_helpers import run, write

EXPORT = {
    "contact.csv": "contactid,address1_city,firstname,parentcustomerid\n"
                   "c1,Seattle,Ann,a1\nc2,SEATTLE,,a1\nc3,Kent,Bob,\nc4,,Eve,a2\n",
    "account.csv": "accountid,name,numberofemployees\na1,Contoso,600\na2,Fabrikam,20\n",
    "EmailOpened.csv": "contactId,timestamp\nc1,2025-12-30 10:00:00\nc1,2025-12-31 10:00:00\n"
                       "c3,2025-12-31 00:00:00\nc3,2025-01-01 00:00:00\n",
}


def export(tmp_path):
    for name, text in EXPORT.items():
        write(tmp_path / "data" / name, text)
    return str(tmp_path / "data")


def test_sql_prints_the_statement_in_the_dialect_asked_for():
    result = run("sql", "-", "--dialect", "tsql", "--now", "2026-01-01",
                 stdin="PROFILE(contact).FILTER(address1_city == 'Seattle')")
    assert result.exit_code == 0
    assert result.output == (
        "SELECT DISTINCT\n"
        "  [t0].[contactid] AS [profileid]\n"
        "FROM [contact] AS [t0]\n"
        "WHERE\n"
        "  NOT [t0].[contactid] IS NULL AND LOWER([t0].[address1_city]) = 'seattle'\n")


def test_sql_reports_an_unknown_column_with_its_position():
    result = run("sql", "-", "--color", "never", stdin="PROFILE(contact).FILTER(adress1_city == 'x')")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "-:1:25: Q002 [error] the data has no column `adress1_city` there; did you mean `address1_city`?")


def test_sql_reports_parse_errors_instead_of_compiling():
    result = run("sql", "-", "--color", "never", stdin="PROFILE(contact).FILTER(")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "-:1:24: S007 [error] `(` is never closed: add `)`"


def test_sql_inlines_segments_from_the_files_folder(tmp_path):
    write(tmp_path / "seattle.segq", "PROFILE(contact).FILTER(address1_city == 'Seattle')")
    query = write(tmp_path / "both.segq", "SEGMENT(seattle) INTERSECT SEGMENT(seattle)")
    result = run("sql", str(query), "--dialect", "duckdb")
    assert result.exit_code == 0
    assert result.output.count("LOWER(\"t0\".\"address1_city\") = 'seattle'") == 2


def test_sql_rejects_a_now_that_is_no_date():
    result = run("sql", "-", "--now", "yesterday", stdin="PROFILE(contact)")
    assert result.exit_code == 2
    assert "'yesterday' is no ISO date or date and time" in result.output


def test_preview_prints_the_funnel(tmp_path):
    query = write(tmp_path / "q.segq",
                  "PROFILE(account).FILTER(numberofemployees > 100).TRAVERSE(contact_account_parentcustomerid)\n"
                  "UNION INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 1, UTCDAYS(7))")
    result = run("preview", str(query), "--data", export(tmp_path), "--now", "2026-01-01", "--members", "10")
    assert result.exit_code == 0
    assert result.output == (
        "stage                                                                           members\n"
        "  PROFILE(account)                                                                    2\n"
        "  .FILTER(numberofemployees > 100)                                                    1\n"
        "  .TRAVERSE(contact_account_parentcustomerid)                                         2\n"
        "  INTERACTION(EmailOpened, EmailOpened_ContactLink)                                   2\n"
        "  .HAVING(COUNT() > 1, UTCDAYS(7))                                                    1\n"
        "UNION INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 1, U…        2\n"
        "\n"
        "members (first 2, by id):\n"
        "c1\n"
        "c2\n")


def test_preview_as_json(tmp_path):
    query = write(tmp_path / "q.segq", "PROFILE(contact).FILTER(address1_city == 'seattle').FILTER(ISNULL(firstname))")
    result = run("preview", str(query), "--data", export(tmp_path), "--output-format", "json", "--members", "1")
    assert result.exit_code == 0
    assert json.loads(result.output) == {
        "members": 1,
        "stages": [{"depth": 0, "step": "PROFILE(contact)", "members": 4},
                   {"depth": 0, "step": ".FILTER(address1_city == 'seattle')", "members": 2},
                   {"depth": 0, "step": ".FILTER(ISNULL(firstname))", "members": 1}],
        "first_members": ["c2"], "order": "id"}


def test_preview_of_a_member_fetch_counts_each_paging_step_and_lists_members_in_its_order(tmp_path):
    query = write(tmp_path / "q.segq",
                  "PROFILE(contact).FILTER(ISNOTNULL(parentcustomerid)).ORDERBY(firstname DESC).SKIP(1).TAKE(2)"
                  ".SELECT(contactid, firstname)")
    result = run("preview", str(query), "--data", export(tmp_path), "--members", "5")
    assert result.exit_code == 0
    assert result.output == (
        "stage                                 members\n"
        "PROFILE(contact)                            4\n"
        ".FILTER(ISNOTNULL(parentcustomerid))        3\n"
        ".ORDERBY(firstname DESC)                    3\n"
        ".SKIP(1)                                    2\n"
        ".TAKE(2)                                    2\n"
        ".SELECT(contactid, firstname)               2\n"
        "\n"
        "members (first 2, in the query's order):\n"
        "c1\n"
        "c2\n")


def test_preview_reports_a_table_the_data_lacks(tmp_path):
    query = write(tmp_path / "q.segq", "PROFILE(lead)")
    result = run("preview", str(query), "--data", export(tmp_path), "--color", "never")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{query}:1:9: Q001 [error] the data has no table `lead`"


def test_preview_reads_a_folder_of_parquet_files_per_table(tmp_path):
    import duckdb

    folder = tmp_path / "data" / "contact"
    folder.mkdir(parents=True)
    connection = duckdb.connect()
    connection.execute("CREATE TABLE contact AS SELECT * FROM (VALUES ('c1', 'Seattle'), ('c2', NULL)) "
                       "AS t(contactid, address1_city)")
    connection.execute(f"COPY contact TO '{folder / 'part-0.parquet'}' (FORMAT PARQUET)")
    query = write(tmp_path / "q.segq", "PROFILE(contact).FILTER(ISNOTNULL(address1_city))")
    result = run("preview", str(query), "--data", str(tmp_path / "data"), "--output-format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["stages"][-1]["members"] == 1


def test_preview_reads_delta_tables_plain_and_partitioned(tmp_path):
    import duckdb
    from deltalake import write_deltalake

    connection = duckdb.connect()
    contacts = connection.sql("SELECT * FROM (VALUES ('c1', 'Seattle'), ('c2', NULL), ('c3', 'Kent')) "
                              "AS t(contactid, address1_city)")
    write_deltalake(str(tmp_path / "data" / "contact"), contacts)                      # files read in place
    write_deltalake(str(tmp_path / "data" / "contact"), connection.sql(                 # a second version
        "SELECT 'c4' AS contactid, 'Seattle' AS address1_city"), mode="append")
    opened = connection.sql("SELECT * FROM (VALUES ('c1', TIMESTAMP '2025-12-31 10:00:00', 'x'), "
                            "('c4', TIMESTAMP '2025-12-30 10:00:00', 'y'), ('c4', TIMESTAMP '2025-12-31 11:00:00', 'y')) "
                            "AS t(contactId, \"timestamp\", emailDomain)")
    write_deltalake(str(tmp_path / "data" / "EmailOpened"), opened, partition_by=["emailDomain"])
    query = write(tmp_path / "q.segq", "PROFILE(contact).FILTER(address1_city == 'seattle') INTERSECT "
                                       "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'Y')")
    result = run("preview", str(query), "--data", str(tmp_path / "data"), "--now", "2026-01-01",
                 "--output-format", "json", "--members", "5")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {
        "members": 1,
        "stages": [{"depth": 1, "step": "PROFILE(contact)", "members": 4},
                   {"depth": 1, "step": ".FILTER(address1_city == 'seattle')", "members": 2},
                   {"depth": 1, "step": "INTERACTION(EmailOpened, EmailOpened_ContactLink)", "members": 2},
                   {"depth": 1, "step": ".FILTER(emailDomain == 'Y')", "members": 1},
                   {"depth": 0, "step": "INTERSECT INTERACTION(EmailOpened, EmailOpened_ContactLink)"
                                        ".FILTER(emailDomain ==…", "members": 1}],
        "first_members": ["c4"], "order": "id"}


def test_a_folder_with_a_broken_delta_log_is_a_usage_error(tmp_path):
    (tmp_path / "data" / "contact" / "_delta_log").mkdir(parents=True)
    query = write(tmp_path / "q.segq", "PROFILE(contact)")
    result = run("preview", str(query), "--data", str(tmp_path / "data"))
    assert result.exit_code == 2
    assert "cannot read the data: contact: not a readable Delta table: " in result.output


def test_preview_refuses_a_folder_without_tables(tmp_path):
    query = write(tmp_path / "q.segq", "PROFILE(contact)")
    (tmp_path / "empty").mkdir()
    result = run("preview", str(query), "--data", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "holds no table" in result.output


def test_preview_reports_what_the_engine_refuses(tmp_path):
    query = write(tmp_path / "q.segq", "PROFILE(account).FILTER(numberofemployees == 'many')")
    result = run("preview", str(query), "--data", export(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("segquery preview: duckdb could not run the query: Conversion Error: ")


def test_sql_of_a_realtime_query():
    result = run("sql", "-", "--query-dialect", "realtime", "--dialect", "spark", stdin=(
        "PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, account_1)"
        ".FILTER(account_1.industrycode IN [16, 24])"))
    assert result.exit_code == 0
    assert result.output == (
        "SELECT DISTINCT\n"
        "  `t0`.`contactid` AS `profileid`\n"
        "FROM `contact` AS `t0`\n"
        "LEFT JOIN `account` AS `t1`\n"
        "  ON `t1`.`accountid` = `t0`.`parentcustomerid`\n"
        "WHERE\n"
        "  NOT `t0`.`contactid` IS NULL AND `t1`.`industrycode` IN (16, 24)\n")


def test_the_progress_line_is_written_on_a_terminal_only(tmp_path):
    query = write(tmp_path / "q.segq", "PROFILE(contact).FILTER(ISNOTNULL(firstname))")
    data = export(tmp_path)
    assert run("preview", str(query), "--data", data).stderr == ""      # not a terminal: nothing
    leader, follower = pty.openpty()
    try:
        not_ci = {name: value for name, value in os.environ.items() if name != "CI"}   # a person at a terminal
        completed = subprocess.run([sys.executable, "-m", "segquery", "preview", str(query), "--data", data],
                                   stdout=subprocess.PIPE, stderr=follower, timeout=120, check=False, env=not_ci)
    finally:
        os.close(follower)
    written = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:         # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        written += chunk
    os.close(leader)
    assert completed.returncode == 0
    assert completed.stdout.decode().startswith("stage")
    assert written.decode() == ("\r[1/2] PROFILE(contact)"
                                "\r[2/2] .FILTER(ISNOTNULL(firstname))"
                                "\r" + " " * len("[2/2] .FILTER(ISNOTNULL(firstname))") + "\r")
