"""Worker processes with a watchdog: each runs chunks of input numbers and
beats a heartbeat (input, target, time) before every target; an input that
stops the heart for longer than the hang limit is recorded, its worker is
replaced, and the campaign goes on."""

from __future__ import annotations

import multiprocessing
import os
import resource
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterator

from fuzz.corpus import load_corpus
from fuzz.execute import MINIMIZING, Failure, Outcome, Runner, make_input
from fuzz.mutations import Mutator

IDLE = -1.0


@dataclass(frozen=True)
class Settings:
    seed: int
    slow_seconds: float = 2.0
    hang_seconds: float = 30.0
    memory_mb: int = 2048
    minimize_seconds: float = 20.0


def _limit_memory(megabytes: int) -> None:
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_main(connection: Connection, settings: Settings, known: set[str], heartbeat) -> None:
    _limit_memory(settings.memory_mb)
    os.chdir(tempfile.mkdtemp(prefix="segquery-fuzz-"))  # no configuration file is discovered

    def beat(index: int, target: int) -> None:
        heartbeat[0], heartbeat[1], heartbeat[2] = index, target, time.monotonic()

    runner = Runner(Mutator(load_corpus()), settings.seed, slow_seconds=settings.slow_seconds, known=known,
                    heartbeat=beat, minimize_seconds=settings.minimize_seconds)
    while (chunk := connection.recv()) is not None:
        outcome = Outcome()
        for index in chunk:
            outcome.merge(runner.run(index))
        heartbeat[0] = IDLE
        connection.send((chunk, outcome))


@dataclass
class _Slot:
    process: multiprocessing.Process
    connection: Connection
    heartbeat: object
    chunk: list[int] | None = None


@dataclass
class Pool:
    """N workers fed chunks of input numbers; `run` yields each chunk's outcome."""

    settings: Settings
    jobs: int
    known: set[str] = field(default_factory=set)
    start_method: str = "spawn"    # "fork" lets a test's changes reach the workers
    _mutator: Mutator | None = None

    def _start(self) -> _Slot:
        context = multiprocessing.get_context(self.start_method)
        ours, theirs = context.Pipe()
        heartbeat = context.Array("d", [IDLE, IDLE, 0.0], lock=False)
        process = context.Process(target=_worker_main, args=(theirs, self.settings, set(self.known), heartbeat),
                                  daemon=True)
        process.start()
        theirs.close()
        return _Slot(process, ours, heartbeat)

    def run(self, chunks: Iterator[list[int]], on_tick: Callable[[], None] = lambda: None) -> Iterator[Outcome]:
        slots = [self._start() for _ in range(self.jobs)]
        retry: list[list[int]] = []
        try:
            while True:
                for slot in slots:
                    if slot.chunk is None:
                        slot.chunk = retry.pop() if retry else next(chunks, None)
                        if slot.chunk is not None:
                            slot.connection.send(slot.chunk)
                busy = [slot for slot in slots if slot.chunk is not None]
                if not busy:
                    return
                for connection in wait([slot.connection for slot in busy], timeout=0.5):
                    slot = next(slot for slot in busy if slot.connection is connection)
                    try:
                        chunk, outcome = connection.recv()
                    except (EOFError, OSError):
                        continue  # the worker died; the watchdog below records it
                    slot.chunk = None
                    self.known.update(failure.signature for failure in outcome.failures)
                    yield outcome
                for number, slot in enumerate(slots):
                    if slot.chunk is not None:
                        lost = self._watch(slot)
                        if lost is not None:
                            outcome, rest = lost
                            retry.extend([rest] if rest else [])
                            slots[number] = self._start()
                            yield outcome
                on_tick()
        finally:
            for slot in slots:
                if slot.process.is_alive():
                    try:
                        slot.connection.send(None)
                    except OSError:
                        pass
                slot.process.join(timeout=5)
                if slot.process.is_alive():
                    slot.process.kill()

    def _watch(self, slot: _Slot) -> tuple[Outcome, list[int]] | None:
        """A hang or a crash of the worker: the finding and the inputs to run again."""
        index, target, since = (slot.heartbeat[0], slot.heartbeat[1], slot.heartbeat[2])
        alive = slot.process.is_alive()
        if alive and (index == IDLE or time.monotonic() - since <= self.settings.hang_seconds):
            return None
        if alive:
            slot.process.kill()
        slot.process.join()
        if index == IDLE:   # died between inputs: run the whole chunk again
            return Outcome(), list(slot.chunk or [])
        index = int(index)
        problem = f"hang (> {self.settings.hang_seconds:g} s)" if alive else f"crash (exit code {slot.process.exitcode})"
        outcome = Outcome(inputs=1)
        outcome.failures.append(self._lost_input(index, int(target), problem))
        rest = [number for number in slot.chunk or [] if number != index]
        return outcome, rest

    def _lost_input(self, index: int, target: int, problem: str) -> Failure:
        if self._mutator is None:
            self._mutator = Mutator(load_corpus())
        item = make_input(self._mutator, self.settings.seed, index)
        minimizing = target >= MINIMIZING
        name = item.targets[target - MINIMIZING if minimizing else target]
        where = " while minimising another failure" if minimizing else ""
        signature = f"{name}: {problem}{where} after {'+'.join(sorted(set(item.mutations)))}"
        return Failure(signature, name, index, f"{problem}{where}", item.text, None, item.suffix, item.mutations)
