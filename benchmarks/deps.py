"""Workspace resolution speed for 1k, 10k and 100k segments (5 references each on average).

    python benchmarks/deps.py [--sizes 1000,10000,100000] [--check-up-to 10000]

Each workspace is layered like real ones: a sixth of the segments are profile
queries, the others reference six segments of lower layers (so 5 references
per segment on average, chains at most five links deep). It is resolved from
files written to a temporary directory (reading, scanning, resolving, graph,
go-live order) and from the same texts in memory. "check" adds every
diagnostic, which parses every query and infers every profile type.

The target: 10,000 segments with 50,000 references resolve from disk in
under 2 seconds.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from segquery.workspace import Workspace

LAYERS = 6
REFERENCES = 6          # per compound segment: 5/6 of the segments hold 6 references, 5 on average
OPERATORS = ("UNION", "UNION", "INTERSECT", "EXCEPT")
TARGET_SEGMENTS = 10_000
TARGET_SECONDS = 2.0


def generate(count: int, seed: int = 7) -> dict[str, str]:
    """File name -> query text of a layered workspace of `count` segments."""
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    boundaries = [count * layer // LAYERS for layer in range(LAYERS + 1)]
    for layer in range(LAYERS):
        for index in range(boundaries[layer], boundaries[layer + 1]):
            name = f"seg_{index:06d}"
            if layer == 0:
                texts[f"{name}.segq"] = f"PROFILE(contact).FILTER(address1_city == 'City {index}')"
                continue
            targets = [rng.randrange(boundaries[layer]) for _ in range(REFERENCES)]
            parts = [f"SEGMENT(seg_{targets[0]:06d})"]
            parts += [f"{rng.choice(OPERATORS)} SEGMENT(seg_{target:06d})" for target in targets[1:]]
            texts[f"{name}.segq"] = " ".join(parts)
    return texts


def resolve(workspace_factory) -> tuple[float, Workspace]:
    start = time.perf_counter()
    workspace = workspace_factory()
    workspace.order()
    return time.perf_counter() - start, workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated segment counts")
    parser.add_argument("--check-up-to", type=int, default=10_000,
                        help="also time every diagnostic for workspaces up to this size")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'segments':>9} {'references':>11} {'from disk':>10} {'in memory':>10} {'check':>9}  per 1k from disk")
    verdict = None
    for count in sizes:
        texts = generate(count)
        references = sum(text.count("SEGMENT(") for text in texts.values())
        with tempfile.TemporaryDirectory() as directory:
            for name, text in texts.items():
                (Path(directory) / name).write_text(text, encoding="utf-8")
            disk_seconds, workspace = resolve(lambda: Workspace.from_paths([directory]))
            assert len(workspace.segments) == count
        memory_seconds, workspace = resolve(lambda: Workspace.from_texts(texts))
        check = "-"
        if count <= args.check_up_to:
            start = time.perf_counter()
            found = sum(len(items) for items in workspace.diagnostics.values())
            check = f"{time.perf_counter() - start:.2f}s"
            assert found == 0, f"the generated workspace should be clean, got {found} diagnostics"
        print(f"{count:>9,} {references:>11,} {disk_seconds:>9.2f}s {memory_seconds:>9.2f}s {check:>9}  "
              f"{disk_seconds / count * 1000:.3f}s")
        if count == TARGET_SEGMENTS:
            verdict = disk_seconds < TARGET_SECONDS
            target_line = (f"target: {count:,} segments with {references:,} references resolve from disk in "
                           f"{disk_seconds:.2f}s (limit {TARGET_SECONDS:.0f}s): {'met' if verdict else 'NOT met'}")
    if verdict is not None:
        print(target_line)


if __name__ == "__main__":
    main()
