"""Properties of the migration over generated outbound queries built from real names.

Every query that gets a real-time text parses clean in the real-time dialect,
and validates without errors there when the outbound query had none;
migration is deterministic; a query gets no text exactly when something is
unsupported; a partial migration reports the same findings and always has a
text; every finding points into the outbound text.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from segquery.engine import CheckOptions, check_text
from segquery.migrate import Outcome, migrate
from segquery.severity import Severity
from segquery.syntax import ast
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.printer import unparse
from segquery.syntax.realtime import REALTIME

IDS = {"adults": "a" * 32, "SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d": "b" * 32}

# (relationship, from table, to table) for TRAVERSE, both directions; one unknown name.
STEPS = {
    "contact": [("contact_account_parentcustomerid", "account"), ("lead_contact_parentcontactid", "lead"),
                ("contact_contact_parentcustomerid", "contact"), ("contact_account_nosuchid", "account")],
    "account": [("contact_account_parentcustomerid", "contact"), ("account_contact_primarycontactid", "contact")],
    "lead": [("lead_contact_parentcontactid", "contact")],
}
ATTRIBUTES = ("address1_city", "fullname", "name", "numberofemployees", "createdon")
INTERACTIONS = [("EmailClicked", "EmailClicked_ContactLink"), ("EmailOpened", "EmailOpenedLeadLink"),
                ("EmailSent", "EmailSent_ContactLink"), ("EventCheckIn", "EventCheckIn_ContactLink"),
                ("EmailDelivered", "EmailDelivered_Campaign")]
INTERACTION_ATTRIBUTES = ("originalUrl", "emailAddressUsed", "timestamp", "messageId")


def _name(text: str) -> ast.Identifier:
    return ast.Identifier(name=text)


def _attribute(name: str, qualifier: str | None) -> ast.Attribute:
    return ast.Attribute(name=_name(name), qualifier=_name(qualifier) if qualifier else None)


@st.composite
def conditions(draw, qualifiers: list[str | None], names=ATTRIBUTES) -> ast.Expr:
    def leaf() -> ast.Expr:
        subject = _attribute(draw(st.sampled_from(names)), draw(st.sampled_from(qualifiers)))
        kind = draw(st.sampled_from(["compare", "compare", "null", "contains", "startswith", "date"]))
        if kind == "null":
            return ast.IsNull(operand=subject, negated=draw(st.booleans()))
        if kind in ("contains", "startswith"):
            op = ast.StringOp.CONTAINS if kind == "contains" else ast.StringOp.STARTSWITH
            return ast.StringTest(subject=subject, op=op, pattern=ast.StringLiteral(value="x"))
        right: ast.Expr = (ast.DateTimeUtcNow() if kind == "date" else
                           draw(st.sampled_from([ast.StringLiteral(value="Seattle"), ast.NumberLiteral(text="5")])))
        return ast.Comparison(left=subject, op=draw(st.sampled_from(list(ast.CompareOp))), right=right)

    operands = [leaf() for _ in range(draw(st.integers(1, 3)))]
    if len(operands) == 1:
        return ast.Not(operand=operands[0]) if draw(st.booleans()) else operands[0]
    return ast.Logical(op=draw(st.sampled_from(list(ast.LogicOp))), operands=tuple(operands))


@st.composite
def profile_chains(draw) -> ast.Chain:
    start = draw(st.sampled_from(list(STEPS)))
    table = start
    alias = draw(st.sampled_from([None, f"{start}_1"]))
    aliases: list[str | None] = [None] + ([alias] if alias else [])
    steps: list[ast.Step] = []
    for number in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            steps.append(ast.Filter(condition=draw(conditions(aliases))))
        else:
            relationship, table = draw(st.sampled_from(STEPS[table]))
            step_alias = draw(st.sampled_from([None, f"t{number}"]))
            steps.append(ast.Traverse(relationship=_name(relationship),
                                      alias=_name(step_alias) if step_alias else None))
            aliases.append(step_alias)
    if draw(st.booleans()):
        steps.append(draw(st.sampled_from([ast.Distinct(), ast.Take(count=ast.NumberLiteral(text="5"))])))
    return ast.Chain(source=ast.Profile(table=_name(start), alias=_name(alias) if alias else None),
                     steps=tuple(steps))


@st.composite
def interaction_chains(draw) -> ast.Chain:
    kind, link = draw(st.sampled_from(INTERACTIONS))
    alias = draw(st.sampled_from([None, "i"]))
    steps: list[ast.Step] = []
    if draw(st.booleans()):
        steps.append(ast.Filter(condition=draw(conditions([None, alias], INTERACTION_ATTRIBUTES))))
    function = draw(st.sampled_from([ast.AggregateFunction.COUNT] * 3 + [ast.AggregateFunction.SUM]))
    argument = _attribute("timestamp", None) if function is not ast.AggregateFunction.COUNT else None
    window = draw(st.sampled_from([None, ast.Window(unit=ast.WindowUnit.UTCDAYS, count=ast.NumberLiteral(text="7"))]))
    steps.append(ast.Having(condition=ast.Comparison(left=ast.Aggregate(function=function, argument=argument),
                                                     op=ast.CompareOp.GT, right=ast.NumberLiteral(text="2")),
                            window=window))
    return ast.Chain(source=ast.Interaction(interaction_type=_name(kind), link_type=_name(link),
                                            alias=_name(alias) if alias else None), steps=tuple(steps))


segment_chains = st.sampled_from(["adults", "teenagers", "SEGMENT_CRM_ID_3b2d7c1e5f804a6b9c1d2e3f4a5b6c7d"]).map(
    lambda name: ast.Chain(source=ast.SegmentRef(name=_name(name))))


@st.composite
def outbound_queries(draw) -> str:
    operand = st.one_of(profile_chains(), segment_chains)
    first = draw(st.one_of(profile_chains(), interaction_chains(), segment_chains))
    count = draw(st.integers(0, 2)) if not isinstance(first.source, ast.Interaction) else 0
    if not count:
        return unparse(ast.Query(body=first))
    operands = (first, *(draw(operand) for _ in range(count)))
    operators = tuple(draw(st.sampled_from(list(ast.SetOp))) for _ in range(count))
    text = unparse(ast.Query(body=ast.SetOperation(operands=operands, operators=operators)))
    return text.replace(" EXCEPT ", " MINUS ") if draw(st.booleans()) else text


@given(outbound_queries())
def test_every_emitted_query_parses_clean_in_the_realtime_dialect(text):
    result = migrate(text, id_map=IDS)
    assert (result.text is None) == (result.outcome is Outcome.UNSUPPORTED)
    if result.text is not None:
        parsed = parse_tolerant(result.text, dialect=REALTIME)
        assert parsed.diagnostics == (), (text, result.text)


@given(outbound_queries())
def test_migration_is_deterministic(text):
    first, second = migrate(text, id_map=IDS), migrate(text, id_map=IDS)
    assert (first.text, first.findings) == (second.text, second.findings)


@given(outbound_queries())
def test_a_partial_migration_reports_the_same_and_always_has_a_text(text):
    strict, partial = migrate(text, id_map=IDS), migrate(text, id_map=IDS, allow_partial=True)
    assert partial.findings == strict.findings
    assert partial.text is not None
    if strict.text is not None:
        assert partial.text == strict.text


@given(outbound_queries())
def test_every_finding_points_into_the_outbound_text(text):
    for finding in migrate(text, id_map=IDS).findings:
        assert 0 <= finding.range.start.offset < finding.range.end.offset <= len(text)


def _errors(text: str, dialect: str) -> list[tuple[str, str]]:
    report = check_text(text, options=CheckOptions(dialect=dialect))
    return [(d.code, d.message) for d in report.diagnostics if d.severity is Severity.ERROR]


@settings(max_examples=60)
@given(outbound_queries())
def test_a_valid_outbound_query_migrates_to_a_valid_realtime_query(text):
    result = migrate(text, id_map=IDS)
    if result.text is not None and not _errors(text, "outbound"):
        assert _errors(result.text, "realtime") == [], (text, result.text)
