"""Formatter speed: `python tests/format/bench_format.py`.

Prints the median of 20 runs for each example file that parses (format_text,
parsing included, and format_query alone), and for one large query: a
2,000-operand condition on one line, about 85,000 characters.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from segquery import parse, parse_tolerant
from segquery.format import format_query, format_text

RUNS = 20
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.rglob("*.segq"))]
    texts = [text for text in texts if parse_tolerant(text).ok]
    parsed = [(parse(text), text) for text in texts]
    whole = _median_ms(lambda: [format_text(text) for text in texts]) / len(texts)
    layout = _median_ms(lambda: [format_query(query, text) for query, text in parsed]) / len(texts)
    print(f"examples ({len(texts)} files): format_text {whole:.3f} ms per file, format_query {layout:.3f} ms per file")
    big = "PROFILE(contact).FILTER(" + " && ".join(
        f"(a{i} == 'x{i}' || b{i} CONTAINS 'y')" for i in range(2000)) + ")"
    print(f"one query of {len(big):,} characters: format_text {_median_ms(lambda: format_text(big), 5):.0f} ms")


if __name__ == "__main__":
    main()
