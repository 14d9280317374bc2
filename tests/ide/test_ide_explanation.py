"""The explanation in the editor: hover on a query's first token, and the code lens."""

from __future__ import annotations

from ide_helpers import small_schema

from segquery.ide import Hover, hover
from segquery.ide.code_lens import ExplanationLens, explanation_lens
from segquery.source import Span

SCHEMA = small_schema()
QUERY = "// active\nPROFILE(contact).FILTER(statecode == 0)\n  .TRAVERSE(contact_account_parentcustomerid)"
EXPLAINED = ("```text\nContacts\n  whose statecode is Active\n"
             "  then their related accounts (through `contact_account_parentcustomerid`)\n```")


def test_hover_on_the_first_token_explains_the_query_above_the_word_s_own_description():
    found = hover(QUERY, QUERY.index("PROFILE") + 2, schema=SCHEMA)
    assert found == Hover(EXPLAINED + "\n\n---\n\n```segquery\nPROFILE(table[, alias])\n```\n\n"
                          "All records of a profile type (a Dataverse table such as `contact`).", Span(10, 17))


def test_hover_on_an_opening_parenthesis_first_explains_the_query():
    assert hover("(SEGMENT(a))", 0, schema=SCHEMA) == Hover("```text\nMembers of segment `a`\n```", Span(0, 1))


def test_hover_elsewhere_or_on_an_invalid_query_is_the_usual_one():
    assert hover(QUERY, QUERY.index("FILTER"), schema=SCHEMA).markdown.startswith("```segquery\nFILTER(")
    assert hover("PROFILE(contact).FILTER(", 0, schema=SCHEMA).markdown.startswith("```segquery\nPROFILE(")
    assert hover("(SEGMENT(a)", 0, schema=SCHEMA) is None


def test_the_lens_is_the_explanation_in_one_sentence_on_the_first_token():
    assert explanation_lens(QUERY, schema=SCHEMA) == ExplanationLens(
        Span(10, 17), "Contacts whose statecode is Active, then their related accounts (through "
                      "`contact_account_parentcustomerid`)")
    assert explanation_lens("PROFILE(contact).FILTER(", schema=SCHEMA) is None
