"""`segquery sample-data`: the tables and headers written, determinism, values the examples select."""

from __future__ import annotations

import csv
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from segquery.cli import main
from segquery.sample_data import REALTIME_COMMON, REALTIME_TABLES, generate
from segquery.schema import default_schema

NOW = datetime(2026, 12, 4, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    generate(folder, contacts=2000, seed=3, now=NOW)
    return folder


def header(path: Path) -> str:
    with path.open(encoding="utf-8") as stream:
        return stream.readline().rstrip("\n")


def test_the_row_counts_of_every_table(tmp_path):
    rows = generate(tmp_path, contacts=200, interactions=1000, now=NOW)
    assert sum(rows.values()) == 200 + 20 + 40 + 50 + 1000
    assert rows == {
        "contact": 200, "account": 20, "lead": 40, "msevtmgt_eventregistration": 50,
        "EmailSent": 140, "EmailDelivered": 130, "EmailOpened": 80, "EmailClicked": 30, "RedirectLinkClicked": 25,
        "EmailSoftBounced": 15, "EmailHardBounced": 5, "FormSubmitted": 15, "WebsiteVisited": 50,
        "EventRegistration": 10,
        "msdynmkt_emailsent": 128, "msdynmkt_emaildelivered": 117, "msdynmkt_emailopened": 71,
        "msdynmkt_emaillinkclicked": 31, "msdynmkt_emailbounced": 10, "msdynmkt_emailblocked": 5,
        "msdynmkt_emailfeedbackloop": 1, "msdynmkt_emailaddressoptedout": 4, "msdynmkt_smssent": 31,
        "msdynmkt_smsdelivered": 28, "msdynmkt_smsbounced": 3, "msdynmkt_smsnotsent": 3,
        "msdynmkt_smslinkclicked": 8, "msdynmkt_smsreceived": 5, "msdynmkt_smsconsentnotgiven": 2,
        "msdynmkt_pushnotificationsent": 31, "msdynmkt_pushnotificationopened": 15,
        "msdynmkt_pushnotificationlinkclicked": 5, "msdynmkt_pushnotificationnotsent": 2,
    }
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in rows)
    for name, count in rows.items():
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
            assert sum(1 for _ in csv.reader(stream)) == count + 1, name


def test_exact_header_rows(dataset):
    assert header(dataset / "contact.csv") == (
        "contactid,firstname,lastname,fullname,emailaddress1,jobtitle,address1_city,address1_stateorprovince,"
        "address1_country,createdon,modifiedon,mobilephone,birthdate,gendercode,familystatuscode,numberofchildren,"
        "annualincome,creditlimit,preferredcontactmethodcode,donotbulkemail,donotemail,parentcustomerid,"
        "parentcustomeridtype,statecode,statuscode")
    assert header(dataset / "account.csv") == (
        "accountid,name,address1_city,address1_country,industrycode,accountcategorycode,numberofemployees,revenue,"
        "primarycontactid,createdon,statecode,statuscode")
    assert header(dataset / "lead.csv") == (
        "leadid,firstname,lastname,fullname,emailaddress1,jobtitle,address1_city,address1_stateorprovince,"
        "address1_country,createdon,companyname,leadqualitycode,leadsourcecode,industrycode,estimatedvalue,"
        "parentcontactid,parentaccountid,statecode")
    assert header(dataset / "msevtmgt_eventregistration.csv") == (
        "msevtmgt_eventregistrationid,msevtmgt_contactid,msevtmgt_eventid,msevtmgt_primaryrole,createdon")
    assert header(dataset / "EmailClicked.csv") == (
        "interactionId,contactId,leadId,customerJourneyId,messageId,timestamp,interactionType,linkFriendlyName,"
        "originalUrl,countryIsoCode,city")
    assert header(dataset / "EmailSoftBounced.csv") == (
        "interactionId,contactId,customerJourneyId,messageId,timestamp,interactionType,bounceCategory")
    assert header(dataset / "msdynmkt_emaillinkclicked.csv") == (
        "msdynmkt_emaillinkclickedid,msdynmkt_entityid,msdynmkt_entityid_LogicalName,msdynmkt_profileid,"
        "msdynmkt_profileid_LogicalName,msdynmkt_targetentity,msdynmkt_journeyid,msdynmkt_journeyrunid,"
        "msdynmkt_messagetemplateid,msdynmkt_actionid,msdynmkt_businessunitid,msdynmkt_originaltimestamp,createdon,"
        "msdynmkt_emailaddress,msdynmkt_sourcesystem,msdynmkt_targeturl,msdynmkt_linkname,msdynmkt_linktext,"
        "msdynmkt_details")
    assert header(dataset / "msdynmkt_pushnotificationopened.csv") == (
        "msdynmkt_pushnotificationopenedid," + ",".join(REALTIME_COMMON) + ",msdynmkt_deviceid,msdynmkt_platform")


def test_every_column_is_a_name_the_schema_or_the_real_time_tables_know(dataset):
    schema = default_schema()
    own = {table: set(columns) for table, columns, _ in REALTIME_TABLES}
    for path in dataset.glob("*.csv"):
        holder = schema.table(path.stem) or schema.interaction(path.stem)
        for column in header(path).split(","):
            if path.stem in own:
                assert column in own[path.stem] | set(REALTIME_COMMON) | {
                    path.stem + "id", "msdynmkt_emailaddress", "msdynmkt_sourcesystem", "msdynmkt_deviceid",
                    "msdynmkt_platform"}, (path.name, column)
            else:
                assert holder is not None and holder.attribute(column) is not None, (path.name, column)


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_ones(tmp_path):
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder, seed in ((first, 7), (second, 7), (other, 8)):
        generate(folder, contacts=300, seed=seed, now=NOW)
    names = sorted(path.name for path in first.iterdir())
    assert [(first / name).read_bytes() == (second / name).read_bytes() for name in names] == [True] * len(names)
    assert (first / "contact.csv").read_bytes() != (other / "contact.csv").read_bytes()


@pytest.fixture(scope="module")
def database(dataset):
    """The tables the checks below read, loaded once (reading a CSV sniffs it)."""
    connection = duckdb.connect()
    for table in ("contact", "lead", "account", "EmailOpened", "EmailClicked", "msdynmkt_emailopened"):
        connection.execute(f"CREATE TABLE \"{table}\" AS SELECT * FROM read_csv('{dataset / (table + '.csv')}', "
                           "header = true, all_varchar = true, allow_quoted_nulls = false)")
    yield connection
    connection.close()


def test_values_the_bundled_examples_select(database):
    def share(table: str, condition: str) -> float:
        [(matching, total)] = database.execute(
            f"SELECT count(*) FILTER (WHERE {condition}), count(*) FROM \"{table}\"").fetchall()
        return matching / total

    contact_shares = {
        "seattle": share("contact", "address1_city = 'Seattle'"),
        "redmond": share("contact", "address1_city = 'Redmond'"),
        "missing email": share("contact", "emailaddress1 IS NULL"),
        "empty email": share("contact", "emailaddress1 = ''"),
        "unknown email": share("contact", "emailaddress1 = 'unknown@example.com'"),
        "Mc": share("contact", "lastname LIKE 'Mc%'"),
        "outside north america": share("contact", "address1_country NOT IN ('USA', 'Canada')"),
        "no birthdate": share("contact", "birthdate IS NULL"),
        "active": share("contact", "statecode = '0'"),
    }
    assert all(0.005 < value < 0.95 for value in contact_shares.values()), contact_shares
    assert 0.01 < share("lead", "leadqualitycode = '1'") < 0.6
    assert 0.02 < share("account", "CAST(numberofemployees AS INTEGER) > 500") < 0.9
    last_week = "CAST(timestamp AS TIMESTAMP) >= TIMESTAMP '2026-11-27'"
    assert 0.02 < share("EmailOpened", last_week) < 0.5
    assert 0.05 < share("EmailClicked", "linkFriendlyName = 'Spring offer' AND countryIsoCode <> 'US'") < 0.5
    assert 0.01 < share("msdynmkt_emailopened", "msdynmkt_entityid_LogicalName = 'lead'") < 0.3


def test_the_command_writes_the_dataset_and_says_so(tmp_path):
    result = CliRunner().invoke(main, ["sample-data", str(tmp_path / "data"), "--contacts", "10",
                                       "--interactions", "40", "--seed", "2", "--now", "2026-12-04"])
    assert (result.exit_code, result.stdout) == (0, f"Wrote 55 rows in 33 tables to {tmp_path / 'data'}\n")
    assert header(tmp_path / "data" / "account.csv").startswith("accountid,name,")
