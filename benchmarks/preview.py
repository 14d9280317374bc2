"""`segquery preview` of the bundled examples on generated data.

Generates an export (Parquet, one file per table) of N contacts and M
interactions with DuckDB, previews every bundled example on it (the member
count of every stage, as `segquery preview` prints it) and reports seconds per
query and the process's peak memory. Then, in the same run, it compares the
SQL on DuckDB with the reference evaluator on a small export (members must be
equal) and prints the speed-up.

    PYTHONPATH=$PWD python benchmarks/preview.py --contacts 1000000 --interactions 10000000
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import duckdb

from segquery.evaluate import evaluate
from segquery.query_plan import PlanError
from segquery.preview import DuckDBEngine, find_tables, plan_for, preview
from segquery.sql import plan_query, render
from segquery.syntax.parser import parse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NOW = datetime(2026, 3, 31, 12, 0, 0)

# Interaction tables and their share of the interactions.
INTERACTIONS = {"EmailOpened": 0.5, "RedirectLinkClicked": 0.2, "EmailSoftBounced": 0.1, "EmailClicked": 0.2}


def _pick(values: list[str], seed: int) -> str:
    """A SQL expression choosing one of `values` (NULL for None) from a hash of `i`."""
    items = ", ".join("NULL" if value is None else f"'{value}'" for value in values)
    return f"([{items}])[1 + (hash(i + {seed}) % {len(values)})::BIGINT]"


def _moment(seed: int, days: int) -> str:
    return f"TIMESTAMP '{NOW.isoformat(sep=' ')}' - to_seconds((hash(i * 31 + {seed}) % {days * 86400})::BIGINT)"


def generate(directory: Path, contacts: int, interactions: int) -> None:
    """Write contact, account, lead, event registration and interaction tables as Parquet."""
    connection = duckdb.connect()
    accounts = max(contacts // 10, 1)
    tables = {
        "contact": f"""
            SELECT 'c' || i AS contactid, 'Name ' || i AS fullname,
                   {_pick(['Mc Kay', 'Smith', 'McDonald', 'Lee', None], 1)} AS lastname,
                   {_pick(['Seattle', 'Kent', 'Redmond', 'seattle', 'Bellevue', None], 2)} AS address1_city,
                   {_pick(['USA', 'Canada', 'France', None], 3)} AS address1_country,
                   {_pick(['Director', 'VP Sales', 'Manager', 'Engineer', None], 4)} AS jobtitle,
                   {_pick(['a@contoso.com', 'b@fabrikam.com', 'unknown@example.com', None], 5)} AS emailaddress1,
                   (hash(i + 6) % 5 = 0) AS donotbulkemail,
                   (hash(i + 7) % 4)::INTEGER AS numberofchildren,
                   (hash(i + 8) % 200000)::DOUBLE AS annualincome,
                   (hash(i + 9) % 50000)::DOUBLE AS creditlimit,
                   (hash(i + 10) % 2)::INTEGER AS statecode,
                   {_moment(11, 365 * 60)} AS birthdate,
                   {_moment(12, 365 * 3)} AS createdon,
                   'a' || (hash(i + 13) % {accounts}) AS parentcustomerid
            FROM range({contacts}) AS r(i)""",
        "account": f"""
            SELECT 'a' || i AS accountid, 'Account ' || i AS name,
                   {_pick(['Seattle', 'Kent', 'Redmond', None], 21)} AS address1_city,
                   (hash(i + 22) % 2000)::INTEGER AS numberofemployees,
                   (hash(i + 23) % 100000000)::DOUBLE AS revenue
            FROM range({accounts}) AS r(i)""",
        "lead": f"""
            SELECT 'l' || i AS leadid, (hash(i + 31) % 3)::INTEGER AS leadqualitycode,
                   (hash(i + 32) % 20000)::DOUBLE AS estimatedvalue,
                   'c' || (hash(i + 33) % {contacts}) AS parentcontactid
            FROM range({max(contacts // 5, 1)}) AS r(i)""",
        "msevtmgt_eventregistration": f"""
            SELECT 'r' || i AS msevtmgt_eventregistrationid, {_moment(41, 900)} AS createdon,
                   'c' || (hash(i + 42) % {contacts}) AS msevtmgt_contactid
            FROM range({max(contacts // 5, 1)}) AS r(i)""",
    }
    for name, share in INTERACTIONS.items():
        extra = (f", {_pick(['Spring offer', 'Newsletter', None], 51)} AS linkFriendlyName, "
                 f"{_pick(['US', 'FR', 'DE'], 52)} AS countryIsoCode") if name == "EmailClicked" else ""
        tables[name] = f"""
            SELECT 'i' || i AS interactionId, 'c' || (hash(i + 50) % {contacts}) AS contactId,
                   {_moment(53, 400)} AS "timestamp"{extra}
            FROM range({int(interactions * share)}) AS r(i)"""
    for name, select in tables.items():
        connection.execute(f"COPY ({select}) TO '{directory / name}.parquet' (FORMAT PARQUET)")
    connection.close()


def example_queries() -> list[tuple[str, object]]:
    """The bundled examples (their folder, not the workspace below it), by file stem."""
    return [(path.stem, parse(path.read_text(encoding="utf-8"))) for path in sorted(EXAMPLES.glob("*.segq"))]


def example_segments():
    folded = {name.casefold(): query for name, query in example_queries()}
    return lambda name: folded.get(name.casefold())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_previews(directory: Path) -> None:
    engine = DuckDBEngine(find_tables(directory))
    segments = example_segments()
    total = 0.0
    print(f"{'query':<32} {'stages':>6} {'members':>10} {'seconds':>8} {'peak MB':>8}")
    for name, query in example_queries():
        try:
            plan = plan_for(query, engine, now=NOW, segments=segments)
        except PlanError as error:
            print(f"{name:<32} not run: {error.problems[0].code} {error.problems[0].message}")
            continue
        started = time.perf_counter()
        result = preview(plan, engine, now=NOW)
        seconds = time.perf_counter() - started
        total += seconds
        print(f"{name:<32} {len(result.stages):>6} {result.total:>10,} {seconds:>8.2f} {peak_mb():>8.0f}")
    print(f"all previews: {total:.2f} s; peak memory of the process: {peak_mb():.0f} MB")
    engine.close()


def compare_with_evaluator(directory: Path) -> None:
    """The final query of each example on DuckDB and on the reference evaluator: same members, and the speed-up."""
    engine = DuckDBEngine(find_tables(directory))
    connection = duckdb.connect()
    data = {}
    for table in find_tables(directory).values():
        relation = connection.read_parquet(str(table.path))
        data[table.name] = [dict(zip(relation.columns, row)) for row in relation.fetchall()]
    segments = example_segments()
    sql_total = python_total = 0.0
    print(f"{'query':<32} {'members':>8} {'duckdb s':>9} {'evaluator s':>12} {'speed-up':>9}")
    for name, query in example_queries():
        try:
            plan = plan_for(query, engine, now=NOW, segments=segments)
        except PlanError:
            continue
        started = time.perf_counter()
        rows = engine.rows(render(plan_query(plan, now=NOW), "duckdb", pretty=False))
        on_duckdb = time.perf_counter() - started
        started = time.perf_counter()
        expected = evaluate(query, data, now=NOW, segments=segments)
        on_python = time.perf_counter() - started
        members = frozenset(str(row[0]) for row in rows)
        if members != expected:
            sys.exit(f"{name}: DuckDB and the evaluator disagree ({len(members)} and {len(expected)} members)")
        sql_total += on_duckdb
        python_total += on_python
        print(f"{name:<32} {len(members):>8,} {on_duckdb:>9.3f} {on_python:>12.3f} {on_python / on_duckdb:>8.0f}x")
    print(f"all queries: DuckDB {sql_total:.2f} s, evaluator {python_total:.2f} s, "
          f"speed-up {python_total / sql_total:.0f}x; the members are the same")
    engine.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--interactions", type=int, default=10_000_000)
    parser.add_argument("--small-contacts", type=int, default=10_000,
                        help="contacts of the export the evaluator runs on (interactions: ten per contact)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder, "big"), Path(folder, "small")
        big.mkdir()
        small.mkdir()
        started = time.perf_counter()
        generate(big, options.contacts, options.interactions)
        print(f"generated {options.contacts:,} contacts and {options.interactions:,} interactions "
              f"in {time.perf_counter() - started:.1f} s")
        run_previews(big)
        print()
        generate(small, options.small_contacts, options.small_contacts * 10)
        print(f"reference evaluator: {options.small_contacts:,} contacts, {options.small_contacts * 10:,} interactions")
        compare_with_evaluator(small)


if __name__ == "__main__":
    main()
