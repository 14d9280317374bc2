"""Wall-clock figures for hostile inputs of 10 kB, 100 kB and 1 MB.

    python benchmarks/scaling.py [--sizes 10000,100000,1000000] [--kinds scan-spaces,union,...]

Each kind of input once made some command super-linear (exponential regular
expressions, pairwise comparisons, quadratic walks, output that repeats a long
line per finding). The script writes each input at each size to a temporary
directory, runs the segquery command that used to be slow on it in a fresh
process, and prints the seconds it took and the bytes it printed. Linear work
shows as roughly ten times the time for ten times the input.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

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


def edmx_chain(size: int) -> dict[str, str]:
    count = max(2, size // 110)
    types = [f'<EntityType Name="t{index}"{f" BaseType={chr(34)}mscrm.t{index - 1}{chr(34)}" if index else ""}>'
             f'<Property Name="p{index}" Type="Edm.String"/></EntityType>' for index in range(count)]
    return {"schema.xml": '<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">'
                          '<edmx:DataServices><Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" '
                          f'Namespace="Microsoft.Dynamics.CRM" Alias="mscrm">{"".join(types)}</Schema>'
                          "</edmx:DataServices></edmx:Edmx>",
            "q.segq": "PROFILE(t0)\n"}


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
    Kind("edmx-chain", edmx_chain, ("check", "--schema", "{dir}/schema.xml", "{dir}/q.segq")),
    Kind("odata-collection", odata_collection, ("check",)),
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated input sizes in bytes")
    parser.add_argument("--kinds", default=",".join(kind.name for kind in KINDS), help="comma-separated kinds")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    chosen = [kind for kind in KINDS if kind.name in args.kinds.split(",")]
    print(f"{'input':<18}" + "".join(f"{size:>12,} B {'printed':>10}" for size in sizes))
    for kind in chosen:
        cells = []
        for size in sizes:
            seconds, printed = run(kind, size)
            cells.append(f"{seconds:>12.2f} s {printed:>10,}")
        print(f"{kind.name:<18}" + "".join(cells), flush=True)


if __name__ == "__main__":
    main()
