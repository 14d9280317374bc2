"""The tree the parser builds: shapes, spans, precedence, and the decisions of part C."""

from segquery import parse, parse_tolerant, unparse
from segquery.syntax import ast
from segquery.source import Span


def body(text: str) -> ast.QueryExpr:
    return parse(text).body


def condition(text: str) -> ast.Expr:
    return body(f"PROFILE(contact).FILTER({text})").steps[0].condition


def attr(name: str, qualifier: str | None = None) -> ast.Attribute:
    return ast.Attribute(name=ast.Identifier(name=name),
                         qualifier=ast.Identifier(name=qualifier) if qualifier else None)


def string(value: str) -> ast.StringLiteral:
    return ast.StringLiteral(value=value)


def number(text: str) -> ast.NumberLiteral:
    return ast.NumberLiteral(text=text)


def test_profile_with_alias_and_qualified_attribute():
    chain = body("PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')")
    assert chain == ast.Chain(
        source=ast.Profile(table=ast.Identifier(name="contact"), alias=ast.Identifier(name="contact_1")),
        steps=(ast.Filter(condition=ast.Comparison(left=attr("address1_city", "contact_1"), op=ast.CompareOp.EQ,
                                                    right=string("Seattle"))),),
    )
    assert chain.source.alias.span == Span(17, 26)
    assert chain.steps[0].condition.left.span == Span(35, 58)


def test_traverse_with_alias_and_edge_filter():
    chain = body("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, c, FILTER(jobtitle CONTAINS 'VP'))")
    traverse = chain.steps[0]
    assert traverse == ast.Traverse(
        relationship=ast.Identifier(name="contact_account_parentcustomerid"), alias=ast.Identifier(name="c"),
        filter=ast.Filter(condition=ast.StringTest(subject=attr("jobtitle"), op=ast.StringOp.CONTAINS,
                                                   pattern=string("VP"))))


def test_interaction_filter_having_window():
    chain = body("INTERACTION(EmailOpened, EmailOpened_ContactLink, i).FILTER(i.emaildomain == 'x.com')"
                 ".HAVING(COUNT() > 2, UTCDAYS(7))")
    assert chain.source == ast.Interaction(interaction_type=ast.Identifier(name="EmailOpened"),
                                           link_type=ast.Identifier(name="EmailOpened_ContactLink"),
                                           alias=ast.Identifier(name="i"))
    assert chain.steps[1] == ast.Having(
        condition=ast.Comparison(left=ast.Aggregate(function=ast.AggregateFunction.COUNT), op=ast.CompareOp.GT,
                                 right=number("2")),
        window=ast.Window(unit=ast.WindowUnit.UTCDAYS, count=number("7")))


def test_set_operators_are_left_associative_and_flat():
    query = body("SEGMENT(a) INTERSECT SEGMENT(b) EXCEPT SEGMENT(c)")
    assert isinstance(query, ast.SetOperation)
    assert query.operators == (ast.SetOp.INTERSECT, ast.SetOp.EXCEPT)
    assert [operand.source.name.name for operand in query.operands] == ["a", "b", "c"]


def test_minus_parses_as_except_and_keeps_its_spelling():
    minus = body("SEGMENT(a) minus SEGMENT(b)")
    assert minus == body("SEGMENT(a) EXCEPT SEGMENT(b)")
    assert minus.spellings == ("minus",)


def test_parenthesized_set_operation_is_nested():
    query = body("SEGMENT(a) UNION (SEGMENT(b) EXCEPT SEGMENT(c))")
    assert query.operators == (ast.SetOp.UNION,)
    assert query.operands[1].operators == (ast.SetOp.EXCEPT,)
    assert query.operands[1].parens == 1


def test_parenthesized_query_followed_by_paging():
    query = body("(SEGMENT(X)).ORDERBY(fullname ASC, createdon).SKIP(0).TAKE(15).SELECT(contactid, fullname)")
    assert isinstance(query, ast.Grouped)
    assert query.steps == (
        ast.OrderBy(keys=(ast.OrderKey(expr=attr("fullname"), direction=ast.Direction.ASC),
                          ast.OrderKey(expr=attr("createdon")))),
        ast.Skip(count=number("0")),
        ast.Take(count=number("15")),
        ast.Select(attributes=(attr("contactid"), attr("fullname"))),
    )


def test_precedence_or_and_comparison_arithmetic():
    expr = condition("a == 1 || b + 2 * c > 3 && d CONTAINS 'x'")
    assert expr == ast.Logical(op=ast.LogicOp.OR, operands=(
        ast.Comparison(left=attr("a"), op=ast.CompareOp.EQ, right=number("1")),
        ast.Logical(op=ast.LogicOp.AND, operands=(
            ast.Comparison(left=ast.Arithmetic(operands=(attr("b"), ast.Arithmetic(operands=(number("2"), attr("c")),
                                                                                    operators=("*",))),
                                               operators=("+",)),
                           op=ast.CompareOp.GT, right=number("3")),
            ast.StringTest(subject=attr("d"), op=ast.StringOp.CONTAINS, pattern=string("x")),
        )),
    ))


def test_long_logical_chains_stay_flat():
    expr = condition(" && ".join(f"x{i} == {i}" for i in range(50)))
    assert expr.op is ast.LogicOp.AND and len(expr.operands) == 50


def test_and_or_words_are_the_same_operators():
    assert condition("a == 1 and b == 2 or c == 3") == condition("a == 1 && b == 2 || c == 3")


def test_keywords_and_functions_are_case_insensitive():
    assert (body("profile(contact).filter(isnull(x) && datediff(day, d, datetimeutcnow()) < 1 && b == True)")
            == body("PROFILE(contact).FILTER(ISNULL(x) && DATEDIFF(DAY, d, DATETIMEUTCNOW()) < 1 && b == TRUE)"))


def test_words_are_functions_only_before_a_parenthesis():
    expr = condition("date == 1 && count > 2 && name CONTAINS 'x' && desc == 3")
    assert [operand.left if hasattr(operand, "left") else operand.subject for operand in expr.operands] == [
        attr("date"), attr("count"), attr("name"), attr("desc")]


def test_unary_minus_and_decimals():
    assert condition("a > -1.50") == ast.Comparison(left=attr("a"), op=ast.CompareOp.GT,
                                                    right=ast.Negate(operand=number("1.50")))


def test_double_quoted_strings_parse_with_escapes():
    expr = condition('a == "it\\"s" && b == \'don\\\'t\' && c == \'back\\\\slash\'')
    assert [operand.right.value for operand in expr.operands] == ['it"s', "don't", "back\\slash"]
    assert expr.operands[0].right.quote == '"'


def test_date_functions():
    expr = condition("DATEADD(month, -1, DATETIMEUTCNOW()) < DATE(2024, 2, 29, 13)")
    assert expr.left == ast.DateAdd(part=ast.DatePartName(part=ast.DatePart.MONTH),
                                    amount=ast.Negate(operand=number("1")), date=ast.DateTimeUtcNow())
    assert expr.right == ast.DateLiteral(parts=(number("2024"), number("2"), number("29"), number("13")))


def test_not_isnull_isnotnull_distinct():
    chain = body("PROFILE(account).FILTER(NOT(ISNULL(a)) && ISNOTNULL(b)).TRAVERSE(r).DISTINCT()")
    assert chain.steps[0].condition.operands == (
        ast.Not(operand=ast.IsNull(operand=attr("a"))), ast.IsNull(operand=attr("b"), negated=True))
    assert chain.steps[2] == ast.Distinct()


def test_comments_are_kept_on_the_query_with_spans():
    query = parse("// lead\nPROFILE(contact) /* inline */\n.FILTER(a == 1) // tail")
    assert [(c.text, c.span) for c in query.comments] == [
        ("// lead", Span(0, 7)), ("/* inline */", Span(25, 37)), ("// tail", Span(54, 61))]
    assert unparse(query) == "PROFILE(contact).FILTER(a == 1)"


def test_multi_line_designer_layout():
    text = "PROFILE(contact, contact_1)\n    .FILTER(\n        contact_1.a == 'x'\n        && contact_1.b == 2\n    )"
    query = parse(text)
    span = query.body.steps[0].condition.operands[1].left.span
    assert span == Span(79, 90)
    assert text[span.start:span.end] == "contact_1.b"


def test_equality_ignores_spans_and_parentheses():
    assert condition("(a == 1)") == condition("a == 1")
    assert condition("(a == 1)").parens == 1


def test_unknown_step_keeps_the_rest_of_the_tree():
    result = parse_tolerant("PROFILE(contact).FILTR(a == 1).TRAVERSE(r)")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S014", "unknown step `FILTR`; did you mean `FILTER`?")]
    assert isinstance(result.query.body.steps[0], ast.InvalidCall)
    assert result.query.body.steps[1] == ast.Traverse(relationship=ast.Identifier(name="r"))


def test_argument_count_and_misplaced_calls():
    result = parse_tolerant("INTERACTION(EmailOpened).HAVING(COUNT(x) > 0).PROFILE(a)")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S016", "INTERACTION takes 2 to 3 arguments, but 1 was given: "
                 "INTERACTION(interaction_type, link_type[, alias])"),
        ("S016", "COUNT takes no arguments, but 1 was given: COUNT()"),
        ("S017", "PROFILE is a query source, not a step that can follow `.`"),
    ]


def test_select_and_orderby_take_any_number_of_arguments():
    names = ", ".join(f"a{index}" for index in range(300))
    result = parse_tolerant(f"PROFILE(contact).ORDERBY({names}).SKIP(0).TAKE(5).SELECT({names})")
    assert list(result.diagnostics) == []
    assert len(result.query.body.steps[-1].attributes) == 300
    result = parse_tolerant("PROFILE(contact).ORDERBY(a).SKIP(0).TAKE(5).SELECT()")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S016", "SELECT takes at least 1 argument, but 0 were given: SELECT(attribute, ...)")]


def test_unknown_date_part_with_suggestion():
    result = parse_tolerant("PROFILE(contact).FILTER(DATEDIFF(days, a, b) > 1)")
    assert [(d.code, d.message, d.fix.edits[0].new_text) for d in result.diagnostics] == [
        ("S019", "`days` is not a date part; did you mean `DAY`?", "DAY")]


def test_order_direction_outside_orderby():
    result = parse_tolerant("PROFILE(contact).FILTER(a ASC)")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S018", "ASC and DESC belong in ORDERBY, not in FILTER")]


def test_skip_requires_a_number():
    result = parse_tolerant("PROFILE(contact).SKIP('ten')")
    assert [(d.code, d.message) for d in result.diagnostics] == [("S018", "SKIP takes a whole number, not `'ten'`")]


def test_step_inside_a_condition_is_misplaced():
    result = parse_tolerant("PROFILE(contact).FILTER(FILTER(a == 1))")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S017", "FILTER is a query step; it cannot be used inside a condition or argument")]


def test_query_must_start_with_a_source():
    result = parse_tolerant("FILTER(a == 1)")
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("S017", "a query starts with PROFILE, SEGMENT or INTERACTION; FILTER is a step: start with a source, "
                 "e.g. `PROFILE(contact).FILTER(...)`")]


def test_date_part_in_parentheses_is_reported_with_a_fix():
    text = "PROFILE(c).FILTER(DATEDIFF( ( day ) , a, b) > 1)"
    result = parse_tolerant(text)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.range.start.column, diagnostic.range.end.column, diagnostic.message) == (
        "S018", 29, 36, "a date part is a word, not an expression: write `day` without parentheses")
    edit = diagnostic.fix.edits[0]
    assert text[:edit.start] + edit.new_text + text[edit.end:] == "PROFILE(c).FILTER(DATEDIFF( day , a, b) > 1)"
