"""Work grows linearly on the inputs that once made a command super-linear:
mixed logic, long reference chains, chained base types, large request files, long lines."""

from __future__ import annotations

from pathlib import Path

from work import assert_linear, assert_linear_measure

from segquery.checking import check_paths
from segquery.engine import CheckOptions, FileReport, check_text
from segquery.output.text import render_text
from segquery.schema.edmx import MAX_BASE_TYPES
from segquery.schema.errors import SchemaError
from segquery.schema.loading import load_schema
from segquery.workspace import DEFAULT_MAX_DEPTH, Workspace
from segquery.workspace.render import MAX_INDENT, render_json, render_tree

FILTER = "PROFILE(contact).FILTER("
PAST_DEPTH_LIMIT = 4 * (DEFAULT_MAX_DEPTH + 1)  # each segment past the depth limit of a chain adds a W007


def _mixed_logic(size: int) -> str:
    terms = [f"numberofchildren == {index}" if index % 2 else f"address1_city == 'c{index}'" for index in range(size)]
    body = "".join(term + (" && " if index % 3 else " || ") for index, term in enumerate(terms[:-1]))
    return f"{FILTER}{body}{terms[-1]})\n"


def _chain(size: int) -> dict[str, str]:
    """Names of one width, so that the bytes printed per segment do not grow with the count."""
    texts = {f"seg_{index:06d}.segq": f"SEGMENT(seg_{index + 1:06d})\n" for index in range(size - 1)}
    texts[f"seg_{size - 1:06d}.segq"] = "PROFILE(contact)\n"
    return texts


def _deps(workspace: Workspace) -> str:
    """What `segquery deps` prints: every file's findings, then the tree."""
    findings = [(path, workspace.diagnostics_for(path, syntax=True)) for path in workspace.files]
    return render_tree(workspace) + str(len(findings))


def test_a_deep_mix_of_and_and_or_is_checked_in_linear_work():
    assert_linear(lambda size: lambda: check_text(_mixed_logic(size)), 40)


def test_a_segment_chain_resolves_and_prints_in_linear_work():
    assert_linear(lambda size: lambda: _deps(Workspace.from_texts(_chain(size))), 60, base=PAST_DEPTH_LIMIT)


def test_a_segment_chain_prints_a_tree_of_linear_size():
    # A block of the tree holds MAX_INDENT levels: the last one, partly filled, is the fixed cost.
    assert_linear_measure(lambda size: len(render_tree(Workspace.from_texts(_chain(size)))), 250, base=MAX_INDENT)


def test_checking_a_folder_holding_a_segment_chain_is_linear_work(tmp_path: Path):
    def work(size: int):
        folder = tmp_path / str(size)
        folder.mkdir(exist_ok=True)
        for name, text in _chain(size).items():
            (folder / name).write_text(text, encoding="utf-8")
        return lambda: check_paths([folder], options=CheckOptions(jobs=1))
    assert_linear(work, 40, base=PAST_DEPTH_LIMIT)


def _edmx_chains(size: int, longest: int) -> str:
    """`size` entity types in chains of `longest` base types (a new chain starts at every `longest + 1`-th)."""
    types = "".join(f'<EntityType Name="t{index}"'
                    + (f' BaseType="mscrm.t{index - 1}"' if index % (longest + 1) else "")
                    + f'><Property Name="p{index}" Type="Edm.String"/></EntityType>\n' for index in range(size))
    return ('<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0"><edmx:DataServices>\n'
            '<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Microsoft.Dynamics.CRM" '
            f'Alias="mscrm">\n{types}</Schema></edmx:DataServices></edmx:Edmx>')


def test_a_metadata_document_with_chains_of_base_types_loads_in_linear_work():
    assert_linear(lambda size: lambda: load_schema(_edmx_chains(size, MAX_BASE_TYPES)), 4 * (MAX_BASE_TYPES + 1),
                  base=4 * (MAX_BASE_TYPES + 1))


def test_a_longer_chain_of_base_types_is_refused_at_its_entity_type_in_linear_work():
    def refused(size: int):
        document = _edmx_chains(size, size)

        def action() -> SchemaError | None:
            try:
                load_schema(document)
            except SchemaError as error:
                return error
            return None
        return action
    error = refused(200)()
    assert error is not None
    assert (error.line, error.column) == (3 + MAX_BASE_TYPES + 1, 1)
    assert error.message == (f"the entity type `t33` has more than {MAX_BASE_TYPES} base types in a chain "
                             "(`t33` -> `t32` -> `t31` -> `t30` -> ...); a $metadata document has one or two")
    assert_linear(refused, 100)


def _odata(size: int) -> str:
    records = ",\n".join(f'  {{"msdyncrm_segmentname": "s{index}", '
                         f'"msdyncrm_segmentquery": "PROFILE(contact) UNION"}}' for index in range(size))
    return f'{{"value": [\n{records}\n]}}\n'


def test_an_odata_response_with_many_records_is_checked_and_printed_in_linear_work():
    def work(size: int):
        text = _odata(size)
        return lambda: render_text([check_text(text, path="segments.json")])
    assert_linear(work, 50)


def _json_chain(size: int) -> str:
    records = [f'{{"msdyncrm_segmentname": "s{index:06d}", "msdyncrm_segmentquery": "SEGMENT(s{index + 1:06d})"}}'
               for index in range(size - 1)]
    records.append(f'{{"msdyncrm_segmentname": "s{size - 1:06d}", "msdyncrm_segmentquery": "PROFILE(contact)"}}')
    return "[" + ", ".join(records) + "]"


def test_a_request_chain_on_one_line_resolves_and_prints_in_linear_work():
    def work(size: int):
        text = _json_chain(size)
        return lambda: _deps(Workspace.from_texts({"chain.json": text})) + render_json(
            Workspace.from_texts({"chain.json": text}))
    assert_linear(work, 50, base=PAST_DEPTH_LIMIT)


def test_a_request_chain_prints_output_of_linear_size():
    def printed(size: int) -> int:
        workspace = Workspace.from_texts({"chain.json": _json_chain(size)})
        path = workspace.files[0]
        report = FileReport(path, workspace.source(path), workspace.diagnostics_for(path, syntax=True))
        return len(render_text([report])) + len(render_tree(workspace))
    assert_linear_measure(printed, 100, base=PAST_DEPTH_LIMIT)


def test_l011_on_a_line_of_spaces_is_linear_work():
    options = CheckOptions(extend_select=("L011",))
    assert_linear(lambda size: lambda: check_text(" " * size, options=options), 2000)
