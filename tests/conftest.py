"""Shared test set-up: bounded hypothesis profiles.

CI runs the `ci` profile (the default: bounded and derandomized). A long
fuzzing campaign runs outside CI with
`HYPOTHESIS_PROFILE=fuzz python -m pytest tests/syntax/test_properties.py`.
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI is derandomized: every run tries the same examples, so a red build is
# reproducible and never depends on luck; the fuzz profile explores.
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=50_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "examples"

# Commands run by tests leave no check cache behind in the working directory;
# the cache's own tests turn it back on where they need it.
os.environ.setdefault("SEGQUERY_NO_CACHE", "1")


@pytest.fixture
def at_repo_root(monkeypatch):
    """Run the test from the repository's root, where the paths of the examples start."""
    monkeypatch.chdir(REPO_ROOT)
