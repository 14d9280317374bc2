"""A dialect made by extension alone (tests/dialects/toy_dialect.py) works
through parse, print, format, validate and completion, and the outbound
dialect does not see what it adds."""

from toy_dialect import TOY, Sample

from segquery.format.formatter import format_text
from segquery.ide.completion import complete
from segquery.lint import lint
from segquery.schema import default_schema
from segquery.semantic import validate
from segquery.syntax import ast
from segquery.syntax.dialect import Role
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.printer import unparse

QUERY = "profile(contact).filter(numberofchildren % 2 == 1).sample(10)"


def found(diagnostics) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.message, d.range.start.offset, d.range.end.offset) for d in diagnostics]


def test_the_toy_dialect_parses_its_step_and_its_operator():
    result = parse_tolerant(QUERY, dialect=TOY)
    assert found(result.diagnostics) == []
    chain = result.query.body
    condition = chain.steps[0].condition
    assert isinstance(condition.left, ast.Arithmetic)
    assert condition.left.operators == ("%",)
    assert chain.steps[1] == Sample(count=ast.NumberLiteral(text="10"))
    assert chain.steps[1].span.start == QUERY.index("sample")


def test_the_new_step_reports_a_bad_argument_and_a_wrong_count_like_the_others():
    text = "PROFILE(contact).SAMPLE(ten).SAMPLE(1, 2)"
    assert found(parse_tolerant(text, dialect=TOY).diagnostics) == [
        ("S018", "SAMPLE takes a whole number, not `ten`", 24, 27),
        ("S016", "SAMPLE takes 1 argument, but 2 were given: SAMPLE(n)", 29, 41),
    ]


def test_the_outbound_dialect_knows_neither_addition():
    assert found(parse_tolerant("PROFILE(contact).SAMPLE(10)").diagnostics) == [
        ("S014", "unknown step `SAMPLE`", 17, 23)]
    assert found(parse_tolerant("PROFILE(contact).FILTER(a % 2 == 0)").diagnostics) == [
        ("S001", "unexpected character `%` (U+0025 PERCENT SIGN)", 26, 27)]


def test_the_printer_prints_the_step_and_the_operator_and_reads_back_the_same_tree():
    query = parse_tolerant(QUERY, dialect=TOY).query
    printed = unparse(query)
    assert printed == "PROFILE(contact).FILTER(numberofchildren % 2 == 1).SAMPLE(10)"
    assert parse_tolerant(printed, dialect=TOY).query == query


def test_the_formatter_lays_out_the_step_and_the_operator():
    assert format_text(QUERY, dialect=TOY) == "PROFILE(contact).FILTER(numberofchildren % 2 == 1).SAMPLE(10)\n"
    assert format_text(QUERY, dialect=TOY, line_length=40) == (
        "PROFILE(contact)\n"
        "    .FILTER(numberofchildren % 2 == 1)\n"
        "    .SAMPLE(10)\n")


def test_validation_checks_the_operands_of_the_new_operator():
    schema = default_schema()
    clean = parse_tolerant(QUERY, dialect=TOY)
    assert found(validate(clean.query, clean.source, schema=schema)) == []
    text = "PROFILE(contact).FILTER(fullname % 2 == 1).SAMPLE(10)"
    wrong = parse_tolerant(text, dialect=TOY)
    assert found(validate(wrong.query, wrong.source, schema=schema)) == [
        ("V032", "`%` needs numbers, not `fullname` (a string attribute)", 24, 32)]


def test_completion_offers_the_new_step_from_the_function_table():
    schema = default_schema()
    text = "PROFILE(contact).SA"
    items = {item.label: item for item in complete(text, len(text), schema=schema, dialect=TOY)}
    assert (items["SAMPLE"].detail, items["SAMPLE"].documentation) == ("SAMPLE(n)", "Keep n records picked at random.")
    outbound = [item.label for item in complete(text, len(text), schema=schema)]
    assert "SAMPLE" not in outbound
    assert TOY.function("SAMPLE").role is Role.STEP


def test_lint_rules_read_the_new_step_through_its_call_name():
    result = parse_tolerant(QUERY, dialect=TOY)
    assert found(lint(result.query, result.source, enabled=lambda code: code == "L001", dialect=TOY)) == [
        ("L001", "`profile` is a keyword: write it in upper case, `PROFILE`", 0, 7),
        ("L001", "`filter` is a keyword: write it in upper case, `FILTER`", 17, 23),
        ("L001", "`sample` is a keyword: write it in upper case, `SAMPLE`", 51, 57),
    ]
