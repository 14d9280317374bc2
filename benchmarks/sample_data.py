"""How long `segquery sample-data` takes, and its peak memory, for a large dataset.

    python benchmarks/sample_data.py [--contacts 1000000] [--interactions 10000000] [--keep DIR]

Writes the dataset into a temporary folder (or DIR) and prints the seconds,
the rows and bytes written, and the peak resident memory of the process
(DuckDB's included: it runs in this process).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from segquery.sample_data import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--interactions", type=int, default=10_000_000)
    parser.add_argument("--keep", help="write here and keep the files")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(arguments.keep or scratch)
        started = time.perf_counter()
        rows = generate(folder, contacts=arguments.contacts, interactions=arguments.interactions,
                        now=datetime(2026, 12, 4, tzinfo=timezone.utc))
        seconds = time.perf_counter() - started
        written = sum(path.stat().st_size for path in folder.glob("*.csv"))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{sum(rows.values()):,} rows in {len(rows)} tables ({arguments.contacts:,} contacts, "
          f"{arguments.interactions:,} interactions), {written / 2**20:,.0f} MiB of CSV")
    print(f"{seconds:.1f} s, peak memory {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
