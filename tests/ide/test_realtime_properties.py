"""No editor feature raises on real-time texts (in either dialect: an outbound
file may hold real-time constructs), and completion's compressed parser prefix
accepts what the full prefix accepts across `IN [..]` lists."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ide_helpers import full_prefix_accepts, small_schema

import segquery.ide as ide
from segquery.ide.expected import expected_terminals
from segquery.ide.inlay_hints import inlay_hints
from segquery.ide.outline import build_outline
from segquery.source import Span
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant
from segquery.syntax.realtime import REALTIME

SCHEMA = small_schema()
SAMPLES = (
    "PROFILE(contact).RELATE(contact_customer_accounts, a, RELATEOPTIONAL(contact_customer_accounts, c))"
    ".FILTER(a.name == 'x' && c.statecode IN [0, 1] || a.name CONTAINS 'y')",
    "PROFILE(contact).FILTER(statecode IN [0, 1] AND fullname IN ['a', 'b'])"
    " UNION SEGMENT(SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef)",
    "Interaction(msdynmkt_emaillinkclicked, msdynmkt_entityid).Filter(msdynmkt_entityid_LogicalName == 'contact'"
    " && msdynmkt_linkname IN ['a']).Having(Count() >= 1, UTCMONTHS(24))",
    "(PROFILE(lead).FILTER(NOT(statecode IN [1]))) EXCEPT PROFILE(lead).RELATE(lead_parent_account, p)"
    ".FILTER(p.name == 'x')",
)
PIECES = st.sampled_from([
    "PROFILE(", "PROFILE(contact)", "SEGMENT(", "INTERACTION(", ".FILTER(", ".RELATE(", ".RELATEOPTIONAL(",
    "RELATE(", ".HAVING(", "COUNT()", "UTCDAYS(7)", ")", "(", ",", ".", " ", "\n", "[", "]", " IN ", " IN [",
    "contact", "lead", "a", "a.", "c.", "contact_customer_accounts", "msdynmkt_emailopened", "msdynmkt_entityid",
    "msdynmkt_entityid_LogicalName", "SEGMENT_CJO_ID_0123456789abcdef0123456789abcdef", "statecode", "==",
    "&&", " AND ", " || ", " UNION ", " CONTAINS ", "'contact'", "'x", '"dq"', "0", "1", "// note\n", "/*",
])
TEXTS = st.one_of(
    st.lists(PIECES, max_size=25).map("".join),
    st.tuples(st.sampled_from(SAMPLES), st.integers(0, 200), st.integers(0, 20), st.lists(PIECES, max_size=3))
    .map(lambda cut: cut[0][:cut[1]] + "".join(cut[3]) + cut[0][cut[1] + cut[2]:]),
)


def every_feature(text: str, offset: int, dialect) -> None:
    ide.complete(text, offset, schema=SCHEMA, dialect=dialect)
    ide.hover(text, offset, schema=SCHEMA, dialect=dialect)
    ide.signature_help(text, offset, dialect=dialect)
    ide.definition(text, offset, dialect=dialect)
    ide.references(text, offset, dialect=dialect)
    ide.prepare_rename(text, offset, dialect=dialect)
    ide.rename(text, offset, "renamed", dialect=dialect)
    ide.semantic_tokens(text, dialect=dialect)
    ide.folding_ranges(text, dialect=dialect)
    ide.document_symbols(text, dialect=dialect)
    inlay_hints(text, schema=SCHEMA, dialect=dialect)
    diagnostics = parse_tolerant(text, dialect=dialect).diagnostics
    ide.code_actions(text, diagnostics, Span(offset, offset))


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.integers(min_value=-3, max_value=220), st.sampled_from([REALTIME, OUTBOUND]))
def test_no_feature_raises_on_mutated_real_time_texts(text, offset, dialect):
    every_feature(text, offset, dialect)


def test_no_feature_raises_on_any_prefix_of_the_samples():
    for text in SAMPLES:
        for end in range(len(text) + 1):
            prefix = text[:end]
            ide.complete(prefix, end, schema=SCHEMA, dialect=REALTIME)
            ide.signature_help(prefix, end, dialect=REALTIME)
            ide.hover(prefix, max(end - 1, 0), schema=SCHEMA, dialect=REALTIME)
            if end % 7 == 0:
                every_feature(prefix, end, REALTIME)


def test_the_compressed_prefix_accepts_what_the_full_prefix_accepts_in_real_time():
    compared = 0
    for text in SAMPLES:
        tokens = build_outline(text, REALTIME.lexicon).tokens
        for end in range(len(tokens) + 1):
            full = full_prefix_accepts(tokens, end, REALTIME)
            if full is None:
                continue
            assert expected_terminals(tokens, end, REALTIME) == full, (text, end)
            compared += 1
    assert compared > 140
