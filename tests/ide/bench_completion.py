"""Completion latency on a 500-line query: `python tests/ide/bench_completion.py`.

Prints the median and worst of 50 runs for three cursor positions at the end
of the file (the costliest place: the whole text precedes the cursor). "cold"
clears the outline cache before each run, as a keystroke (a new text) does;
"warm" asks again for the same text, as signature help after completion does.
"""

from __future__ import annotations

import statistics
import time

from segquery.ide import complete
from segquery.ide.outline import build_outline
from segquery.schema import default_schema

RUNS = 50


def five_hundred_lines(tail: str) -> str:
    lines = ["PROFILE(contact, contact_1)", "    .FILTER("]
    lines += [f"        contact_1.address1_city == 'Seattle {n}' &&" for n in range(497)]
    lines.append(tail)
    return "\n".join(lines)


def main() -> None:
    schema = default_schema()
    cases = {
        "attributes after `contact_1.`": five_hundred_lines("        contact_1."),
        "operands after `&&`": five_hundred_lines("        "),
        "steps after `).`": five_hundred_lines("        contact_1.jobtitle == 'x')."),
    }
    complete("PROFILE(", 8, schema=schema)  # build the parser and caches once
    for label, text in cases.items():
        for mode in ("cold", "warm"):
            times = []
            for _ in range(RUNS):
                if mode == "cold":
                    build_outline.cache_clear()
                start = time.perf_counter()
                items = complete(text, len(text), schema=schema)
                times.append((time.perf_counter() - start) * 1000)
            print(f"{label:30} {mode}: {text.count(chr(10)) + 1} lines, {len(items):3} items: "
                  f"median {statistics.median(times):5.2f} ms, worst {max(times):5.2f} ms")


if __name__ == "__main__":
    main()
