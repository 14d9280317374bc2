"""The editor's side of migration: the translate action and the hover on a construct."""

from segquery.diagnostics import TextEdit
from segquery.ide.code_actions import TRANSLATE, TRANSLATE_TITLE, translate_action
from segquery.ide.migration_hover import migration_hover, with_migration
from segquery.ide.model import Hover
from segquery.source import Span
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME

SEATTLE = ("// Seattle\n// segquery: type = dynamic\n"
           "PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Seattle')\n")


def _apply(text: str, edit: TextEdit) -> str:
    return text[:edit.start] + edit.new_text + text[edit.end:]


def test_the_translate_action_rewrites_the_file_with_its_directives():
    action = translate_action(SEATTLE, dialect=OUTBOUND)
    assert (action.title, action.kind) == (TRANSLATE_TITLE, TRANSLATE)
    [edit] = action.edits
    assert _apply(SEATTLE, edit) == ("// segquery: dialect = realtime\n// segquery: type = dynamic\n// Seattle\n"
                                     "PROFILE(contact).FILTER(address1_city == 'Seattle')\n")


def test_no_translate_action_when_something_is_unsupported_or_the_file_is_realtime():
    assert translate_action("PROFILE(contact).FILTER(x STARTSWITH 'a')", dialect=OUTBOUND) is None
    assert translate_action("PROFILE(contact", dialect=OUTBOUND) is None
    assert translate_action("PROFILE(contact)", dialect=REALTIME) is None


def test_hover_on_a_migration_finding():
    offset = SEATTLE.index("contact_1")
    found = migration_hover(SEATTLE, offset + 2, dialect=OUTBOUND)
    assert found == Hover("**M001** real-time journeys, translated: alias `contact_1` dropped (real-time journeys "
                          "writes the profile's attributes unqualified)", Span(offset, offset + 9))
    assert migration_hover(SEATTLE, SEATTLE.index("Seattle'"), dialect=OUTBOUND) is None
    assert migration_hover(SEATTLE, offset, dialect=REALTIME) is None


def test_the_migration_follows_the_word_hover():
    word, migration = Hover("the alias", Span(1, 2)), Hover("**M001** ...", Span(0, 9))
    assert with_migration(word, migration) == Hover("the alias\n\n---\n\n**M001** ...", Span(1, 2))
    assert with_migration(None, migration) is migration
    assert with_migration(word, None) is word
