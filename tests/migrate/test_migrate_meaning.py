"""Meaning kept: every query migrated as `translated` selects exactly the profiles the outbound
query selects, on the same data, each evaluated in its own dialect by the reference evaluator.

The outbound queries and the datasets are the differential tests' (tests/sql): chains from
contact and from account through its contacts, interactions, set operations, and rows full of
edge cases."""

import sys
from pathlib import Path

from hypothesis import given

from segquery.evaluate import evaluate
from segquery.migrate import Outcome, migrate
from segquery.syntax.parser import parse
from segquery.syntax.realtime import REALTIME

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sql"))
from sql_strategies import datasets, queries  # noqa: E402
from sql_tables import NOW  # noqa: E402


@given(queries(), datasets())
def test_translated_queries_select_the_same_profiles(text, data):
    result = migrate(text)
    if result.outcome is Outcome.TRANSLATED:
        assert evaluate(parse(result.text, dialect=REALTIME), data, now=NOW) == evaluate(parse(text), data, now=NOW)
