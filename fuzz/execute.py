"""One input: made from (seed, index), run through its targets, each failure
named by a signature and minimised."""

from __future__ import annotations

import random
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from fuzz import oracles
from fuzz.minimize import minimize
from fuzz.mutations import Mutator

REQUEST_SHARE = 0.15
MINIMIZING = 100   # added to a target's number in the heartbeat while its failure is minimised
_OWN_CODE = ("segquery/",)


@dataclass(frozen=True)
class FuzzInput:
    index: int
    text: str
    suffix: str                 # ".segq" for a query, ".json" / ".http" for a request body
    mutations: tuple[str, ...]

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(oracles.QUERY_TARGETS) if self.suffix == ".segq" else (oracles.REQUEST_TARGET,)


@dataclass
class Failure:
    signature: str
    target: str
    index: int
    message: str                # the oracle's message or the traceback
    text: str                   # the input as generated
    minimized: str | None       # None: not minimised (hangs, slow inputs)
    suffix: str
    mutations: tuple[str, ...]
    seconds: float = 0.0


@dataclass
class Outcome:
    """What running one input produced, per target."""

    inputs: int = 0                                       # inputs finished (a hang counts as finished)
    counts: Counter = field(default_factory=Counter)      # target -> inputs run
    results: Counter = field(default_factory=Counter)     # (target, outcome word) -> inputs
    seconds: Counter = field(default_factory=Counter)     # target -> time spent
    failures: list[Failure] = field(default_factory=list)

    def merge(self, other: "Outcome") -> None:
        self.inputs += other.inputs
        self.counts.update(other.counts)
        self.results.update(other.results)
        self.seconds.update(other.seconds)
        self.failures.extend(other.failures)


def make_input(mutator: Mutator, seed: int, index: int) -> FuzzInput:
    """The input number `index` of the campaign with `seed` (always the same)."""
    rng = random.Random(f"{seed}:{index}")
    if rng.random() < REQUEST_SHARE:
        suffix, text, applied = mutator.request(rng)
        return FuzzInput(index, text, suffix, tuple(applied))
    text, applied = mutator.query(rng)
    return FuzzInput(index, text, ".segq", tuple(applied))


def target_function(name: str, suffix: str) -> Callable[[str, random.Random], str]:
    if name == oracles.REQUEST_TARGET:
        return lambda text, rng: oracles.target_request(text, rng, suffix)
    return oracles.QUERY_TARGETS[name]


def target_random(seed: int, index: int, target: str) -> random.Random:
    """The random source a target uses for positions and options on one input."""
    return random.Random(f"{seed}:{index}:{target}")


def failure_signature(target: str, error: BaseException) -> str:
    """A name for a failure that stays the same while the input shrinks: the broken
    promise, or the exception type and the innermost frame of segquery's code."""
    if isinstance(error, oracles.OracleFailure):
        return f"{target}: {error.check}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if any(part in frame.filename.replace("\\", "/") for part in _OWN_CODE)]
    if isinstance(error, RecursionError) and frames:
        place = Counter(f"{_short(frame.filename)}:{frame.name}" for frame in frames).most_common(1)[0][0]
    elif frames:
        frame = frames[-1]
        place = f"{_short(frame.filename)}:{frame.name}:{frame.lineno}"
    else:
        place = "outside segquery"
    return f"{target}: {type(error).__name__} at {place}"


def _short(filename: str) -> str:
    filename = filename.replace("\\", "/")
    for part in _OWN_CODE:
        if part in filename:
            return part + filename.split(part, 1)[1]
    return filename


def run_target(name: str, item: FuzzInput, seed: int, text: str | None = None) -> tuple[str, BaseException | None]:
    """Run one target on the input (or on `text` in its place); the outcome word or the error."""
    try:
        return target_function(name, item.suffix)(item.text if text is None else text,
                                                  target_random(seed, item.index, name)), None
    except Exception as error:  # noqa: BLE001 - any exception is a finding
        return "failed", error


def _describe(error: BaseException) -> str:
    if isinstance(error, oracles.OracleFailure):
        return str(error)
    return "".join(traceback.format_exception(error)).strip()


class Runner:
    """Runs inputs through their targets; remembers which failures it already minimised."""

    def __init__(self, mutator: Mutator, seed: int, *, slow_seconds: float = 2.0,
                 known: set[str] | None = None, heartbeat: Callable[[int, int], None] | None = None,
                 minimize_seconds: float = 20.0) -> None:
        self.mutator = mutator
        self.seed = seed
        self.slow_seconds = slow_seconds
        self.known = set(known or ())
        self.heartbeat = heartbeat
        self.minimize_seconds = minimize_seconds

    def run(self, index: int) -> Outcome:
        item = make_input(self.mutator, self.seed, index)
        outcome = Outcome(inputs=1)
        for number, name in enumerate(item.targets):
            if self.heartbeat is not None:
                self.heartbeat(index, number)
            started, cpu_started = time.perf_counter(), time.process_time()
            word, error = run_target(name, item, self.seed)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            outcome.counts[name] += 1
            outcome.results[(name, word)] += 1
            outcome.seconds[name] += elapsed
            if error is not None:
                failure = self._failure(name, number, item, error)
                if failure is not None:
                    outcome.failures.append(failure)
            elif cpu > self.slow_seconds:   # processor time: a busy machine does not make an input slow
                outcome.failures.append(Failure(f"{name}: slow (> {self.slow_seconds:g} s)", name, index,
                                                f"took {cpu:.2f} s of processor time", item.text, None,
                                                item.suffix, item.mutations, cpu))
        return outcome

    def _failure(self, name: str, number: int, item: FuzzInput, error: BaseException) -> Failure | None:
        signature = failure_signature(name, error)
        if signature in self.known:
            return Failure(signature, name, item.index, "", "", None, item.suffix, item.mutations)  # counted only
        self.known.add(signature)

        def still_fails(text: str) -> bool:
            if self.heartbeat is not None:  # each attempt has the time budget of one input
                self.heartbeat(item.index, number + MINIMIZING)
            _, again = run_target(name, item, self.seed, text)
            return again is not None and failure_signature(name, again) == signature

        smallest = minimize(item.text, still_fails, seconds=self.minimize_seconds)
        _, final = run_target(name, item, self.seed, smallest)
        return Failure(signature, name, item.index, _describe(final or error), item.text, smallest,
                       item.suffix, item.mutations)
