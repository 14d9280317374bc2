"""The same compiled SQL on Spark (local mode) selects what it selects on DuckDB.

One small Spark session serves the whole module; the queries are a fixed
sample that touches every construct."""

import pytest

import segquery
from segquery.query_plan import ColumnKind, resolve
from segquery.preview import SparkEngine, find_tables, plan_for, preview
from segquery.sql import plan_query, render
from segquery.syntax.dialects import dialect_named
from sql_strategies import EDGES
from sql_tables import CATALOG, COLUMNS, NOW, duckdb_members, kind, load_duckdb

pytestmark = pytest.mark.slow

CONTACTS = [
    {"contactid": "c1", "firstname": "Ann", "address1_city": "Seattle", "numberofchildren": 2, "annualincome": 10,
     "birthdate": EDGES[4], "createdon": EDGES[1], "donotbulkemail": False, "parentcustomerid": "a1"},
    {"contactid": "c2", "firstname": "", "address1_city": "SEATTLE", "numberofchildren": 0, "annualincome": None,
     "birthdate": EDGES[6], "createdon": EDGES[2], "donotbulkemail": True, "parentcustomerid": "a2"},
    {"contactid": "c3", "firstname": None, "address1_city": None, "numberofchildren": None, "annualincome": 3,
     "birthdate": None, "createdon": EDGES[0], "donotbulkemail": None, "parentcustomerid": None},
    {"contactid": "c4", "firstname": "it's", "address1_city": "Kent", "numberofchildren": 1, "annualincome": 2.5,
     "birthdate": EDGES[7], "createdon": EDGES[8], "donotbulkemail": False, "parentcustomerid": "a1"},
]
ACCOUNTS = [{"accountid": "a1", "name": "Contoso", "address1_city": "Kent", "numberofemployees": 600,
             "revenue": 10.0, "createdon": EDGES[3], "primarycontactid": "c1"},
            {"accountid": "a2", "name": None, "address1_city": None, "numberofemployees": None,
             "revenue": None, "createdon": None, "primarycontactid": None}]
OPENED = [{"interactionId": f"i{n}", "contactId": contact, "timestamp": moment, "emailDomain": domain}
          for n, (contact, moment, domain) in enumerate([
              ("c1", EDGES[0], "contoso.com"), ("c1", EDGES[1], "Contoso.com"), ("c2", EDGES[2], None),
              ("c2", EDGES[4], "x"), ("c4", EDGES[5], ""), ("ghost", EDGES[0], "x"), (None, EDGES[0], "x")])]
REALTIME_OPENED = [{"msdynmkt_entityid": row["contactId"], "msdynmkt_entityid_logicalname": "contact",
                    "msdynmkt_originaltimestamp": row["timestamp"], "msdynmkt_emailaddress": row["emailDomain"]}
                   for row in OPENED]
DATA = {"contact": CONTACTS, "account": ACCOUNTS, "EmailOpened": OPENED, "msdynmkt_emailopened": REALTIME_OPENED}

OUTBOUND = [
    "PROFILE(contact).FILTER((address1_city == 'seattle' && NOT(firstname CONTAINS 'n')) || firstname == 'IT\\'S' "
    "|| address1_city ENDSWITH 'NT' || annualincome / numberofchildren > 4)",
    "PROFILE(contact).FILTER(DATEDIFF(DAY, createdon, DATETIMEUTCNOW()) == 7 || "
    "DATEDIFF(MONTH, birthdate, DATETIMEUTCNOW()) == 1 || DATEDIFF(HOUR, createdon, DATETIMEUTCNOW()) < 0)",
    "PROFILE(contact).FILTER(createdon >= DATEADD(DAY, -7, DATETIMEUTCNOW()) && birthdate < '2026-01-01' "
    "&& donotbulkemail == FALSE)",
    "PROFILE(account, a).FILTER(a.numberofemployees > 500).TRAVERSE(contact_account_parentcustomerid, c, "
    "FILTER(numberofchildren >= 1))",
    "PROFILE(contact).TRAVERSE(contact_account_parentcustomerid).FILTER(ISNULL(name))",
    "INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(emailDomain == 'CONTOSO.COM')"
    ".HAVING(COUNT() >= 2, UTCDAYS(7))",
    "(PROFILE(contact) EXCEPT INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0, UTCYEARS(1))) "
    "UNION PROFILE(contact).FILTER(address1_city == 'Kent') INTERSECT PROFILE(contact).FILTER(ISNOTNULL(firstname))",
    "(PROFILE(contact).ORDERBY(firstname DESC, birthdate).SKIP(1).TAKE(2)) UNION "
    "PROFILE(contact).ORDERBY(address1_city).TAKE(3).ORDERBY(numberofchildren DESC).SKIP(2)",
]
REALTIME = [
    "PROFILE(contact).RELATEOPTIONAL(contact_customer_accounts, a).FILTER(ISNULL(a.name) || a.name IN ['contoso'])",
    "INTERACTION(msdynmkt_emailopened, msdynmkt_entityid).FILTER(msdynmkt_entityid_LogicalName == 'contact')"
    " INTERSECT PROFILE(contact).RELATE(contact_customer_accounts, a).FILTER(a.numberofemployees IN [600, 1])",
]

_SPARK_TYPES = {ColumnKind.STRING: "string", ColumnKind.NUMBER: "double", ColumnKind.BOOLEAN: "boolean",
                ColumnKind.DATETIME: "timestamp"}


@pytest.fixture(scope="module")
def spark():
    from segquery.preview.engines import local_spark_session

    session = local_spark_session()
    for table, columns in COLUMNS.items():
        schema = ", ".join(f"`{column}` {_SPARK_TYPES[kind(table, column)]}" for column in columns)
        rows = [tuple(_spark_value(row.get(column)) for column in columns) for row in DATA[table]]
        session.createDataFrame(rows, schema).createOrReplaceTempView(table)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def duck():
    connection = load_duckdb(DATA)
    yield connection
    connection.close()


def _spark_value(value):
    """Spark's double columns take floats only."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


SAMPLE = [(text, "outbound") for text in OUTBOUND] + [(text, "realtime") for text in REALTIME]


def test_spark_selects_what_duckdb_selects(spark, duck):
    """Every query of the sample in one Spark job (a Spark job costs seconds): tagged, then UNION ALL."""
    queries = [segquery.parse(text, dialect=dialect_named(dialect)) for text, dialect in SAMPLE]
    parts = [f"SELECT {number} AS q, CAST(m.profileid AS STRING) AS id FROM ({render(plan_query(resolve(query, CATALOG, now=NOW), now=NOW), 'spark', pretty=False)}) AS m"
             for number, query in enumerate(queries)]
    found = {number: set() for number in range(len(queries))}
    for number, member in spark.sql(" UNION ALL ".join(parts)).collect():
        found[number].add(member)
    assert {SAMPLE[n][0]: members for n, members in found.items()} == {
        text: set(duckdb_members(query, duck)) for (text, _), query in zip(SAMPLE, queries)}


def test_the_sample_is_not_trivial(duck):
    sizes = [len(duckdb_members(segquery.parse(text, dialect=dialect_named(dialect)), duck)) for text, dialect in SAMPLE]
    assert sizes == [3, 2, 1, 2, 1, 1, 1, 3, 4, 2]


def test_preview_on_spark_reads_parquet_files_and_delta_tables(spark, duck, tmp_path):
    from deltalake import write_deltalake

    for table in COLUMNS:
        if table == "contact":      # a Delta table, read without Delta Lake in the session
            write_deltalake(str(tmp_path / table), duck.table(table))
        else:
            duck.execute(f"COPY \"{table}\" TO '{tmp_path / table}.parquet' (FORMAT PARQUET)")
    engine = SparkEngine(find_tables(tmp_path), session=spark)
    query = segquery.parse("PROFILE(contact).FILTER(address1_city == 'Seattle').FILTER(ISNOTNULL(firstname))")
    result = preview(plan_for(query, engine, now=NOW), engine, now=NOW, members=5)
    assert [(stage.label, stage.members) for stage in result.stages] == [
        ("PROFILE(contact)", 4), (".FILTER(address1_city == 'Seattle')", 2), (".FILTER(ISNOTNULL(firstname))", 2)]
    assert result.members == ("c1", "c2")
