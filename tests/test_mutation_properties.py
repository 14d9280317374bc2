"""Properties over grammar-aware mutations of the examples, bounded for CI.

The long campaign (fuzz/, outside CI) runs the same oracles over a million
inputs; here hypothesis draws a bounded, derandomized sample of them:
- every safe fix converges, keeps the query's meaning (its normal form) and
  every comment exactly once;
- `format` keeps the tree and every comment exactly once, and is idempotent,
  or refuses cleanly;
- parse, check and the editor features answer with diagnostics inside the
  text, never an internal error.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz import oracles  # noqa: E402
from fuzz.corpus import load_corpus  # noqa: E402
from fuzz.execute import make_input  # noqa: E402
from fuzz.mutations import Mutator  # noqa: E402

SEED = 20261204
MUTATOR = Mutator(load_corpus())
QUERY_INPUTS = st.integers(min_value=0, max_value=10**9).map(lambda index: make_input(MUTATOR, SEED, index)).filter(
    lambda item: item.suffix == ".segq")


@pytest.mark.parametrize("target", ["fix", "format", "parse", "check", "ide"])
@given(item=QUERY_INPUTS)
def test_the_oracles_hold_on_mutated_examples(target: str, item) -> None:
    outcome = oracles.QUERY_TARGETS[target](item.text, random.Random(item.index))
    assert isinstance(outcome, str) and outcome


def test_the_mutations_change_the_examples() -> None:
    """The sample is not just the corpus: most inputs differ from every seed text."""
    texts = [make_input(MUTATOR, SEED, index).text for index in range(200)]
    seeds = set(load_corpus().queries)
    assert sum(text not in seeds for text in texts) > 150


def test_the_fix_oracle_can_fail(monkeypatch) -> None:
    """A fix that changes the meaning is caught (the property is not vacuous)."""
    from segquery.lint import fixes

    real = fixes.fix_until_stable

    def meaning_changing(text, check, **options):
        result = real(text, check, **options)
        result.text = result.text.replace("==", "!=", 1)
        return result

    monkeypatch.setattr(oracles, "fix_until_stable", meaning_changing)
    text = "PROFILE(contact).FILTER(NOT(NOT(address1_city == 'Seattle')))"
    with pytest.raises(oracles.OracleFailure) as failure:
        oracles.target_fix(text, random.Random(0))
    assert failure.value.check == "a safe fix changed the meaning"
