"""The campaign's results: counts and speed per target, and each distinct
failure once (with how often it happened), saved as a reproducer."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.execute import Failure, Outcome

EXAMPLES_KEPT = 5          # inputs kept per hang or slow signature (they are not minimised)
INDICES_LISTED = 20


@dataclass
class Finding:
    first: Failure
    count: int = 0
    indices: list[int] = field(default_factory=list)
    examples: list[Failure] = field(default_factory=list)


@dataclass
class Results:
    seed: int
    start: int
    jobs: int
    inputs: int = 0
    seconds: float = 0.0
    totals: Outcome = field(default_factory=Outcome)
    findings: dict[str, Finding] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.inputs += outcome.inputs
        self.totals.counts.update(outcome.counts)
        self.totals.results.update(outcome.results)
        self.totals.seconds.update(outcome.seconds)
        for failure in outcome.failures:
            finding = self.findings.get(failure.signature)
            if finding is None:
                finding = self.findings[failure.signature] = Finding(failure)
            elif finding.first.message == "" and failure.message:
                finding.first = failure   # a worker restarted after a hang re-found it in full
            finding.count += 1
            if len(finding.indices) < INDICES_LISTED:
                finding.indices.append(failure.index)
            if failure.minimized is None and failure.text and len(finding.examples) < EXAMPLES_KEPT:
                finding.examples.append(failure)

    def per_target(self) -> dict[str, dict]:
        table = {}
        for target in sorted(self.totals.counts):
            count, seconds = self.totals.counts[target], self.totals.seconds[target]
            outcomes = {word: n for (name, word), n in sorted(self.totals.results.items()) if name == target}
            table[target] = {"inputs": count, "seconds": round(seconds, 3),
                             "inputs_per_second": round(count / seconds, 1) if seconds else None,
                             "outcomes": outcomes}
        return table


def _slug(signature: str) -> str:
    digest = hashlib.sha1(signature.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    words = re.sub(r"[^a-z0-9]+", "-", signature.lower()).strip("-")[:60]
    return f"{words}-{digest}"


def _write_text(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _save(directory: Path, finding: Finding, seed: int) -> dict:
    failure = finding.first
    folder = directory / _slug(failure.signature)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    if failure.minimized is not None:
        _write_text(folder / f"minimized{failure.suffix}", failure.minimized)
        files["minimized"] = str(folder / f"minimized{failure.suffix}")
    for number, example in enumerate([failure] + [e for e in finding.examples if e is not failure]):
        if example.text:
            _write_text(folder / f"input-{example.index}{example.suffix}", example.text)
    replay = f"python -m fuzz.campaign --seed {seed} --replay {failure.index}"
    details = [f"signature: {failure.signature}", f"target: {failure.target}",
               f"occurrences: {finding.count} (first inputs: {finding.indices})",
               f"first input: seed {seed}, index {failure.index}, mutations {list(failure.mutations)}",
               f"replay: {replay}", ""]
    if failure.minimized is not None:
        details += [f"minimised reproducer ({len(failure.minimized)} of {len(failure.text)} characters):",
                    repr(failure.minimized), ""]
    details += ["failure:", failure.message]
    _write_text(folder / "details.txt", "\n".join(details) + "\n")
    return {"signature": failure.signature, "target": failure.target, "count": finding.count,
            "indices": finding.indices, "replay": replay, "message": failure.message[-4000:],
            "minimized": failure.minimized, "input_chars": len(failure.text), "folder": str(folder),
            "minimized_file": files.get("minimized")}


def write_results(results: Results, out: Path) -> dict:
    """summary.json, summary.txt and one folder per distinct failure under `out`."""
    out.mkdir(parents=True, exist_ok=True)
    failures = [_save(out / "failures", finding, results.seed)
                for _, finding in sorted(results.findings.items(), key=lambda item: -item[1].count)]
    summary = {
        "seed": results.seed, "start": results.start, "inputs": results.inputs, "jobs": results.jobs,
        "seconds": round(results.seconds, 1),
        "inputs_per_second": round(results.inputs / results.seconds, 1) if results.seconds else None,
        "targets": results.per_target(), "distinct_failures": len(failures), "failures": failures,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    (out / "summary.txt").write_text(summary_text(summary), encoding="utf-8")
    return summary


def summary_text(summary: dict) -> str:
    lines = [f"{summary['inputs']} inputs (seed {summary['seed']}, from {summary['start']}) in "
             f"{summary['seconds']} s with {summary['jobs']} worker(s): {summary['inputs_per_second']} inputs/s", "",
             f"{'target':<10}{'inputs':>10}{'seconds':>10}{'inputs/s':>10}  outcomes"]
    for target, row in summary["targets"].items():
        outcomes = ", ".join(f"{word} {n}" for word, n in row["outcomes"].items())
        lines.append(f"{target:<10}{row['inputs']:>10}{row['seconds']:>10}{row['inputs_per_second'] or 0:>10}  {outcomes}")
    lines += ["", f"{summary['distinct_failures']} distinct failure(s)"]
    for failure in summary["failures"]:
        shown = repr(failure["minimized"])[:200] if failure["minimized"] is not None else "(not minimised)"
        lines.append(f"- [{failure['count']}x] {failure['signature']}\n    {shown}\n    {failure['replay']}")
    counts = Counter(failure["target"] for failure in summary["failures"])
    lines += ["", "by target: " + ", ".join(f"{target} {n}" for target, n in sorted(counts.items()))]
    return "\n".join(lines) + "\n"
