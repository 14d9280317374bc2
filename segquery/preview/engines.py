"""Where the compiled SQL runs: an embedded DuckDB, or Spark in local mode.

An engine registers each exported table as a view under its own name, tells
the columns it found, and runs statements. Neither engine computes anything
itself: the SQL does.
"""

from __future__ import annotations

from typing import Any, Mapping, Protocol

from segquery.query_plan.kinds import ColumnKind
from segquery.preview.data import DataError, FileFormat, TableFiles, kind_of_sql_type


class EngineError(Exception):
    """The engine could not run a statement (a type the data does not have, for one)."""


class Engine(Protocol):
    dialect: str

    def columns(self) -> Mapping[str, Mapping[str, ColumnKind]]: ...

    def rows(self, sql: str) -> list[tuple[Any, ...]]: ...

    def close(self) -> None: ...


class DuckDBEngine:
    """An in-memory DuckDB whose views read the files where they are."""

    dialect = "duckdb"

    def __init__(self, tables: Mapping[str, TableFiles]) -> None:
        import duckdb

        self._connection = duckdb.connect()
        self._columns: dict[str, dict[str, ColumnKind]] = {}
        for name, table in tables.items():
            try:
                if table.format is FileFormat.DELTA:
                    relation = read_delta(self._connection, table, name)
                else:
                    files = [str(path) for path in table.files]
                    relation = (self._connection.read_csv(files) if table.format is FileFormat.CSV
                                else self._connection.read_parquet(files))
                    relation.create_view(name)
            except duckdb.Error as error:
                raise DataError(f"{table.path.name}: {error}") from None
            self._columns[name] = {column: kind_of_sql_type(str(kind))
                                   for column, kind in zip(relation.columns, relation.dtypes)}

    def columns(self) -> Mapping[str, Mapping[str, ColumnKind]]:
        return self._columns

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        import duckdb

        try:
            return self._connection.execute(sql).fetchall()
        except duckdb.Error as error:
            raise EngineError(str(error).splitlines()[0]) from None

    def close(self) -> None:
        self._connection.close()


class SparkEngine:
    """A local Spark session whose temporary views read the files (Parquet, Delta, CSV)."""

    dialect = "spark"

    def __init__(self, tables: Mapping[str, TableFiles], session: Any = None) -> None:
        self._session = session or local_spark_session()
        self._owned = session is None
        self._columns: dict[str, dict[str, ColumnKind]] = {}
        for name, table in tables.items():
            reader = self._session.read
            if table.format is FileFormat.DELTA:
                frame = self._delta(table)
            elif table.format is FileFormat.PARQUET:
                frame = reader.parquet(*(str(path) for path in table.files))
            else:
                frame = reader.csv([str(path) for path in table.files], header=True, inferSchema=True)
            frame.createOrReplaceTempView(name)
            self._columns[name] = {column: kind_of_sql_type(kind) for column, kind in frame.dtypes}

    def _delta(self, table: TableFiles) -> Any:
        """A Delta table: with Delta Lake configured in the session, Spark reads it;
        otherwise a plain one (reader protocol 1, no partitions) is read as the
        Parquet files of its current version, which the deltalake package lists."""
        if "delta" in (self._session.conf.get("spark.sql.extensions", "") or "").lower():
            return self._session.read.format("delta").load(str(table.path))
        files = delta_files(table)
        return self._session.read.parquet(*files)

    def columns(self) -> Mapping[str, Mapping[str, ColumnKind]]:
        return self._columns

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        from pyspark.errors import PySparkException

        try:
            return [tuple(row) for row in self._session.sql(sql).collect()]
        except PySparkException as error:
            raise EngineError(str(error).splitlines()[0]) from None

    def close(self) -> None:
        if self._owned:
            self._session.stop()


def _open_delta(table: TableFiles) -> Any:
    """The deltalake table at `table.path` (DataError when it cannot be read)."""
    try:
        from deltalake import DeltaTable
        from deltalake.exceptions import DeltaError
    except ImportError:
        raise DataError(f"{table.path.name} is a Delta table: reading it needs the deltalake package "
                        f"(pip install 'segquery[delta]')") from None
    try:
        return DeltaTable(str(table.path))
    except (DeltaError, OSError) as error:
        raise DataError(f"{table.path.name}: not a readable Delta table: {error}") from None


# Reader features that change nothing in how the Parquet files of a version are read.
_PLAIN_READER_FEATURES = frozenset({"timestampNtz", "vacuumProtocolCheck"})


def _is_plain(delta: Any) -> bool:
    """No partition columns, and reader protocol 1 (or 3 with only features that leave
    the files as they are): the Parquet files of the current version hold all of it."""
    protocol = delta.protocol()
    plain_protocol = protocol.min_reader_version == 1 or (
        protocol.min_reader_version == 3 and set(protocol.reader_features or ()) <= _PLAIN_READER_FEATURES)
    return plain_protocol and not delta.metadata().partition_columns


def delta_files(table: TableFiles) -> list[str]:
    """The Parquet files of a plain Delta table's current version; DataError for any other."""
    delta = _open_delta(table)
    files = delta.file_uris()
    if not _is_plain(delta) or not files:
        raise DataError(f"{table.path.name}: this Delta table (partitioned, with deletion vectors or column "
                        f"mapping, or empty) needs Delta Lake configured in Spark, or --engine duckdb")
    return list(files)


def read_delta(connection: Any, table: TableFiles, name: str) -> Any:
    """A Delta table as table `name`, read with the `deltalake` package (DuckDB's own
    delta extension is downloaded at run time, which needs the extension server).

    A plain table (reader protocol 1, no partition columns) is read where it lies:
    the Parquet files of its current version. Any other (partitions, deletion
    vectors, column mapping) is read through deltalake's query engine, which
    applies them, into a table held in memory."""
    from deltalake import QueryBuilder

    delta = _open_delta(table)
    files = delta.file_uris()
    if _is_plain(delta) and files:
        relation = connection.read_parquet(files)
        relation.create_view(name)
        return relation
    rows = QueryBuilder().register("delta_table", delta).execute("SELECT * FROM delta_table")
    connection.from_arrow(rows).create(name)
    return connection.table(name)


def local_spark_session() -> Any:
    """A small Spark session on this machine (one core, UTC, no UI)."""
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[1]").appName("segquery-preview")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC").config("spark.sql.shuffle.partitions", "1")
               .config("spark.sql.adaptive.enabled", "false").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session
