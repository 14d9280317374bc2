"""Which Delta tables are read as the Parquet files of their current version."""

from datetime import datetime

import duckdb
import pytest
from deltalake import write_deltalake

from segquery.preview import DataError, find_tables
from segquery.preview.engines import delta_files


def test_a_plain_table_is_the_files_of_its_current_version(tmp_path):
    connection = duckdb.connect()
    write_deltalake(str(tmp_path / "contact"), connection.sql("SELECT 'c1' AS contactid, TIMESTAMP '2026-01-01' AS t"))
    write_deltalake(str(tmp_path / "contact"), connection.sql("SELECT 'c2' AS contactid, TIMESTAMP '2026-01-02' AS t"),
                    mode="overwrite")
    files = delta_files(find_tables(tmp_path)["contact"])
    assert len(files) == 1          # the overwritten version's file is not read
    assert connection.read_parquet(files).fetchall() == [("c2", datetime(2026, 1, 2))]


def test_a_partitioned_table_is_not_read_as_files(tmp_path):
    connection = duckdb.connect()
    write_deltalake(str(tmp_path / "contact"), connection.sql("SELECT 'c1' AS contactid, 'x' AS part"),
                    partition_by=["part"])
    with pytest.raises(DataError) as raised:
        delta_files(find_tables(tmp_path)["contact"])
    assert str(raised.value) == ("contact: this Delta table (partitioned, with deletion vectors or column mapping, "
                                 "or empty) needs Delta Lake configured in Spark, or --engine duckdb")
