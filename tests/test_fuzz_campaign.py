"""The fuzz campaign's harness (fuzz/): a few hundred inputs in this process
count exactly, and a failure planted in a target is found once, minimised and
saved with its traceback."""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz import oracles  # noqa: E402
from fuzz.campaign import run_campaign  # noqa: E402
from fuzz.corpus import load_corpus  # noqa: E402
from fuzz.execute import REQUEST_SHARE, make_input  # noqa: E402
from fuzz.minimize import minimize  # noqa: E402
from fuzz.mutations import Mutator  # noqa: E402
from fuzz.report import Results  # noqa: E402
from fuzz.workers import Pool, Settings  # noqa: E402

SEED, INPUTS = 7, 300


def _planted_parse(text: str, rng: random.Random) -> str:
    if "UNION" in text:
        raise ValueError("planted")
    return oracles.target_parse(text, rng)


def test_inputs_are_reproducible_from_seed_and_index():
    mutator = Mutator(load_corpus())
    first = [make_input(mutator, SEED, index) for index in range(20)]
    assert [make_input(mutator, SEED, index) for index in range(20)] == first
    assert [item.text for item in first] != [make_input(mutator, SEED + 1, index).text for index in range(20)]


def test_a_planted_failure_is_found_once_and_minimised(monkeypatch, tmp_path):
    monkeypatch.setattr(oracles, "QUERY_TARGETS", {"parse": _planted_parse})
    mutator = Mutator(load_corpus())
    inputs = [make_input(mutator, SEED, index) for index in range(INPUTS)]
    requests = sum(random.Random(f"{SEED}:{index}").random() < REQUEST_SHARE for index in range(INPUTS))
    planted = [item.index for item in inputs if item.suffix == ".segq" and "UNION" in item.text]
    assert len(planted) > 1

    results = run_campaign(INPUTS, seed=SEED, jobs=0, out=tmp_path, settings=Settings(seed=SEED))

    assert results.inputs == INPUTS
    assert dict(results.totals.counts) == {"parse": INPUTS - requests, "request": requests}
    assert list(results.findings) == ["parse: ValueError at outside segquery"]
    finding = results.findings["parse: ValueError at outside segquery"]
    assert (finding.count, finding.indices) == (len(planted), planted[:20])
    assert finding.first.minimized == "UNION"
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert (summary["inputs"], summary["distinct_failures"]) == (INPUTS, 1)
    saved = summary["failures"][0]
    assert Path(saved["minimized_file"]).read_text(encoding="utf-8") == "UNION"
    details = (Path(saved["folder"]) / "details.txt").read_text(encoding="utf-8")
    assert details.splitlines()[-1] == "ValueError: planted"
    assert f"replay: python -m fuzz.campaign --seed {SEED} --replay {planted[0]}" in details


def test_minimize_keeps_only_what_the_failure_needs():
    text = "PROFILE(contact).FILTER(a == 1 && b == 'x') UNION SEGMENT(s)"
    assert minimize(text, lambda candidate: "==" in candidate and "'x'" in candidate) == "=='x'"


def test_the_oracles_accept_a_clean_example():
    text = "PROFILE(contact).FILTER(address1_city == 'Seattle') // kept\n"
    rng = random.Random(0)
    assert [target(text, rng) for target in oracles.QUERY_TARGETS.values()] == ["ok", "ok", "unchanged", "ok", "ok"]


def test_an_oracle_reports_a_diagnostic_outside_the_text():
    from segquery.diagnostics import make_diagnostic
    from segquery.source import SourceText

    diagnostic = make_diagnostic(SourceText("PROFILE(c)  "), "S001", "m", 11, 12)
    with pytest.raises(oracles.OracleFailure) as raised:
        oracles.check_diagnostics("PROFILE(c)", [diagnostic])
    assert (raised.value.check, raised.value.detail) == ("S001 range outside the text", "11..12 of 10")


_HANG_TEXTS: set[str] = set()
_CRASH_TEXTS: set[str] = set()


def _hang_or_exit(text: str, rng: random.Random) -> str:
    if text in _HANG_TEXTS:
        while True:   # a hang the watchdog must stop
            pass
    if text in _CRASH_TEXTS:
        os._exit(3)   # a crash of the worker
    return "ok"


def test_the_watchdog_records_hangs_and_crashes_and_goes_on(monkeypatch):
    monkeypatch.setattr(oracles, "QUERY_TARGETS", {"parse": _hang_or_exit})
    mutator = Mutator(load_corpus())
    inputs = [make_input(mutator, SEED, index) for index in range(60)]
    queries = [item for item in inputs if item.suffix == ".segq"]
    hung_item, crashed_item = queries[0], next(item for item in queries if item.text != queries[0].text)
    _HANG_TEXTS.clear()
    _HANG_TEXTS.add(hung_item.text)
    _CRASH_TEXTS.clear()
    _CRASH_TEXTS.add(crashed_item.text)
    hung, crashed = hung_item.index, crashed_item.index
    chunk = [hung, crashed] + [item.index for item in queries
                                if item.text not in (hung_item.text, crashed_item.text)]
    pool = Pool(Settings(seed=SEED, hang_seconds=1.0, memory_mb=0), jobs=1, start_method="fork")

    results = Results(seed=SEED, start=0, jobs=1)
    for outcome in pool.run(iter([chunk])):
        results.add(outcome)

    assert results.inputs == len(chunk)
    assert results.totals.counts["parse"] == len(chunk) - 2
    found = {signature: finding.indices for signature, finding in results.findings.items()}
    mutations = {item.index: "+".join(sorted(set(item.mutations))) for item in inputs}
    assert found == {f"parse: hang (> 1 s) after {mutations[hung]}": [hung],
                     f"parse: crash (exit code 3) after {mutations[crashed]}": [crashed]}
