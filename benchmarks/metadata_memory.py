"""Memory of reading a large `$metadata` document: streamed, and whole for comparison.

    python benchmarks/metadata_memory.py [--megabytes 50]

Writes a generated CSDL document of about the given size (entity types with
many properties, lookups and annotations, plus actions and complex types, as
a big org's document has), then reads it in a fresh process each way and
prints the peak resident memory of each process over that of an idle one:

- streamed: `parse_edmx_stream` on the file (what `segquery schema pull` does);
- whole: the bytes in memory and `parse_edmx` on them (the tree of the whole document).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = ('<?xml version="1.0" encoding="utf-8"?>\n<edmx:Edmx Version="4.0" '
        'xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>\n'
        '<Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n'
        '<EntityType Name="crmbaseentity" Abstract="true"/>\n')
TAIL = "</Schema></edmx:DataServices></edmx:Edmx>\n"


def entity(number: int) -> str:
    name = f"new_table{number}"
    parts = [f'<EntityType Name="{name}" BaseType="mscrm.crmbaseentity"><Key><PropertyRef Name="{name}id"/></Key>',
             f'<Property Name="{name}id" Type="Edm.Guid"/>']
    for column in range(60):
        parts.append(f'<Property Name="new_column{column}" Type="Edm.String" Unicode="false">'
                     '<Annotation Term="Org.OData.Core.V1.Description" String="A column of the generated table"/>'
                     '</Property>')
    for lookup in range(6):
        target = f"new_table{(number + lookup + 1) % 1000}"
        parts.append(f'<Property Name="_new_ref{lookup}_value" Type="Edm.Guid"/>'
                     f'<NavigationProperty Name="new_ref{lookup}" Type="mscrm.{target}" Partner="{name}_ref{lookup}">'
                     f'<ReferentialConstraint Property="_new_ref{lookup}_value" ReferencedProperty="{target}id"/>'
                     '</NavigationProperty>')
    parts.append("</EntityType>\n")
    parts.append(f'<Action Name="new_Action{number}"><Parameter Name="Target" Type="mscrm.{name}"/>'
                 '<Parameter Name="Text" Type="Edm.String"/><ReturnType Type="Edm.String"/></Action>\n')
    return "".join(parts)


def write_document(path: Path, megabytes: int) -> int:
    target = megabytes * 1_000_000
    written = 0
    with path.open("w", encoding="utf-8") as out:
        written += out.write(HEAD)
        number = 0
        while written < target:
            written += out.write(entity(number))
            number += 1
        container = "".join(f'<EntitySet Name="new_table{n}s" EntityType="Microsoft.Dynamics.CRM.new_table{n}"/>'
                            for n in range(number))
        written += out.write(f'<EntityContainer Name="System">{container}</EntityContainer>\n' + TAIL)
    return number


MEASURE = """
import resource, sys
from pathlib import Path
mode, path = sys.argv[1], sys.argv[2]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if mode == "streamed":
    from segquery.schema.edmx_stream import parse_edmx_stream
    with open(path, "rb") as stream:
        schema = parse_edmx_stream(stream)
elif mode == "whole":
    from segquery.schema.edmx import parse_edmx
    schema = parse_edmx(Path(path).read_bytes())
else:
    import segquery.schema.edmx_stream, segquery.schema.edmx
    schema = None
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak, len(schema.tables) if schema else 0)
"""


def peak_kib(mode: str, path: Path) -> tuple[int, int]:
    output = subprocess.run([sys.executable, "-c", MEASURE, mode, str(path)], check=True, capture_output=True,
                            text=True).stdout.split()
    return int(output[0]), int(output[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=50)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "metadata.xml"
        entities = write_document(path, arguments.megabytes)
        size = path.stat().st_size
        idle, _ = peak_kib("idle", path)
        print(f"document: {size / 1e6:.1f} MB, {entities} entity types")
        print(f"idle process (imports only): {idle / 1024:.0f} MiB peak")
        for mode in ("streamed", "whole"):
            peak, tables = peak_kib(mode, path)
            print(f"{mode:<9} {tables} tables, peak {peak / 1024:.0f} MiB, {(peak - idle) / 1024:.0f} MiB over idle")


if __name__ == "__main__":
    main()
