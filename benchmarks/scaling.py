"""Wall-clock figures for hostile inputs of 10 kB, 100 kB and 1 MB.

    python benchmarks/scaling.py [--sizes 10000,100000,1000000] [--kinds scan-spaces,union,...]

Each kind of input once made some command super-linear (exponential regular
expressions, pairwise comparisons, quadratic walks, output that repeats a long
line per finding). The script writes each input at each size to a temporary
directory, runs the segquery command that used to be slow on it in a fresh
process, and prints the seconds it took and the bytes it printed. Linear work
shows as roughly ten times the time for ten times the input: each row ends
with the growth from the smallest to the largest size next to the growth of
the input, the linear baseline measured in the same run.

    python benchmarks/scaling.py --scanners [--size 100000]

times the scanners, the tokenizer, the directive reader and the workspace
scan in this process (regular expressions included, which the suite's
scaling tests cannot count) on long runs of hostile characters at n and 4n,
the best of three rounds each (a round lasts at least 50 ms at n), and prints
the growth against the linear 4x.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from segquery.schema.edmx import MAX_BASE_TYPES

FILTER = "PROFILE(contact).FILTER("


@dataclass(frozen=True)
class Kind:
    """One kind of hostile input: files of about `size` bytes and the command to run on them."""

    name: str
    make: Callable[[int], dict[str, str]]     # size in bytes -> file name -> text
    command: tuple[str, ...]                  # segquery arguments before the directory


def scan_spaces(size: int) -> dict[str, str]:
    return {"q.segq": f"{FILTER}segment{' ' * size}== 1)\n"}


def directive_spaces(size: int) -> dict[str, str]:
    return {"q.segq": f"// segquery: a x{' ' * size}b\nPROFILE(contact)\n"}


def long_line(size: int) -> dict[str, str]:
    return {"q.segq": " " * size}


def union_operands(size: int) -> dict[str, str]:
    count = max(2, size // 24)
    return {"q.segq": " UNION ".join(f"SEGMENT(s{index:06d})" for index in range(count)) + "\n"}


def mixed_logic(size: int) -> dict[str, str]:
    count = max(2, size // 30)
    terms = [f"numberofchildren == {index}" if index % 2 else f"address1_city == 'c{index}'" for index in range(count)]
    body = "".join(term + (" && " if index % 3 else " || ") for index, term in enumerate(terms[:-1]))
    return {"q.segq": f"{FILTER}{body}{terms[-1]})\n"}


def reference_chain(size: int) -> dict[str, str]:
    count = max(2, size // 24)
    files = {f"seg_{index}.segq": f"SEGMENT(seg_{index + 1})\n" for index in range(count - 1)}
    files[f"seg_{count - 1}.segq"] = "PROFILE(contact)\n"
    return files


def edmx_chains(size: int, longest: int = MAX_BASE_TYPES) -> dict[str, str]:
    """Entity types in chains of `longest` base types: as long as a schema may have them."""
    count = max(2, size // 110)
    types = [f'<EntityType Name="t{index}"'
             + (f' BaseType="mscrm.t{index - 1}"' if index % (longest + 1) else "")
             + f'><Property Name="p{index}" Type="Edm.String"/></EntityType>' for index in range(count)]
    return {"schema.xml": '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">'
                          '<edmx:DataServices><Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" '
                          f'Namespace="Microsoft.Dynamics.CRM" Alias="mscrm">{"".join(types)}</Schema>'
                          "</edmx:DataServices></edmx:Edmx>",
            "q.segq": "PROFILE(t0)\n"}


def edmx_one_chain(size: int) -> dict[str, str]:
    """One chain of base types through the whole document: refused past MAX_BASE_TYPES."""
    return edmx_chains(size, longest=size)


def odata_collection(size: int) -> dict[str, str]:
    count = max(1, size // 90)
    records = ",\n".join(f'  {{"msdyncrm_segmentname": "s{index}", "msdyncrm_segmentquery": "PROFILE(contact) '
                         f'UNION"}}' for index in range(count))
    return {"segments.json": f'{{"value": [\n{records}\n]}}\n'}


def json_chain(size: int) -> dict[str, str]:
    count = max(2, size // 70)
    records = [f'{{"msdyncrm_segmentname": "s{index}", "msdyncrm_segmentquery": "SEGMENT(s{index + 1})"}}'
               for index in range(count - 1)]
    records.append(f'{{"msdyncrm_segmentname": "s{count - 1}", "msdyncrm_segmentquery": "PROFILE(contact)"}}')
    return {"chain.json": "[" + ", ".join(records) + "]"}


KINDS = (
    Kind("scan-spaces", scan_spaces, ("deps",)),
    Kind("directive-spaces", directive_spaces, ("check",)),
    Kind("long-line", long_line, ("check", "--extend-select", "L011")),
    Kind("union-operands", union_operands, ("check",)),
    Kind("mixed-logic", mixed_logic, ("check",)),
    Kind("reference-chain", reference_chain, ("deps",)),
    Kind("edmx-chains", edmx_chains, ("check", "--schema", "{dir}/schema.xml", "{dir}/q.segq")),
    Kind("edmx-one-chain", edmx_one_chain, ("check", "--schema", "{dir}/schema.xml", "{dir}/q.segq")),
    Kind("odata-collection", odata_collection, ("check", "{dir}/segments.json")),
    Kind("json-chain", json_chain, ("deps",)),
)


def run(kind: Kind, size: int) -> tuple[float, int]:
    """Seconds and printed bytes of one run of the kind's command on a `size`-byte input."""
    with tempfile.TemporaryDirectory() as temporary:
        for name, text in kind.make(size).items():
            (Path(temporary) / name).write_text(text, encoding="utf-8")
        arguments = [argument.format(dir=temporary) for argument in kind.command]
        if not any("{dir}" in argument for argument in kind.command):
            arguments.append(temporary)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "segquery", *arguments], capture_output=True, check=False)
        return time.perf_counter() - start, len(result.stdout) + len(result.stderr)


def growth(first: float, last: float) -> str:
    return f"{last / first:.1f}x" if first > 0 else "-"


def run_commands(sizes: list[int], chosen: list[Kind]) -> None:
    expected = f"input {growth(sizes[0], sizes[-1])}"
    print(f"{'input':<18}" + "".join(f"{size:>12,} B {'printed':>10}" for size in sizes) + f"  {expected:>12}")
    for kind in chosen:
        cells, times = [], []
        for size in sizes:
            seconds, printed = run(kind, size)
            times.append(seconds)
            cells.append(f"{seconds:>12.2f} s {printed:>10,}")
        print(f"{kind.name:<18}" + "".join(cells) + f"  {growth(times[0], times[-1]):>12}", flush=True)


HOSTILE_UNITS = (" ", "'", '"', "/* ", "/*", "// ", "\\", "'\\", '"\\', "SEGMENT /* ", "SEGMENT(",
                 "// segquery: a ", "/* segquery: ")


def scanner_entry_points() -> dict[str, Callable[[str], object]]:
    """The functions that run the package's regular expressions over a whole text."""
    from collections import deque

    from segquery.lint.suppression import read_directives
    from segquery.source import SourceText
    from segquery.syntax.scanner import scan
    from segquery.syntax.tokens import tokenize
    from segquery.workspace.scan import scan_query
    return {"scan": lambda text: scan(SourceText(text)),
            "tokenize": lambda text: deque(tokenize(text), maxlen=0),
            "scan_query": scan_query,
            "read_directives": lambda text: read_directives(SourceText(text))}


def per_run(action: Callable[[], object], loops: int) -> float:
    """Seconds per call of `action`, the best of three rounds of `loops` calls (garbage collected first)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            action()
        best = min(best, (time.perf_counter() - start) / loops)
    return best


def loops_for(action: Callable[[], object], *, at_least: float = 0.05) -> int:
    """Calls of `action` that take at least `at_least` seconds, so a short run is not lost in timer noise."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            action()
        if time.perf_counter() - start >= at_least:
            return loops
        loops *= 2


def run_scanners(size: int) -> None:
    print(f"{'function':<16}{'run of':<18}{size:>10,} ch{4 * size:>12,} ch{'growth':>9}  (linear: 4.0x)")
    for name, read in scanner_entry_points().items():
        for unit in HOSTILE_UNITS:
            small, large = unit * (size // len(unit)), unit * (4 * size // len(unit))
            loops = loops_for(lambda: read(small))
            first, last = per_run(lambda: read(small), loops), per_run(lambda: read(large), loops)
            print(f"{name:<16}{unit!r:<18}{first * 1000:>10.1f} ms{last * 1000:>10.1f} ms{growth(first, last):>9}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated input sizes in bytes")
    parser.add_argument("--kinds", default=",".join(kind.name for kind in KINDS), help="comma-separated kinds")
    parser.add_argument("--scanners", action="store_true", help="time the scanners on hostile runs instead")
    parser.add_argument("--size", type=int, default=100_000, help="with --scanners: n, in characters")
    args = parser.parse_args()
    if args.scanners:
        run_scanners(args.size)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    run_commands(sizes, [kind for kind in KINDS if kind.name in args.kinds.split(",")])


if __name__ == "__main__":
    main()
