"""Which renameable thing is at a position: an alias (its declaration or a
use) or a segment (a `SEGMENT(x)` name, or the `name` directive of the file
being edited). Shared by definition, references and rename."""

from __future__ import annotations

from dataclasses import dataclass

from segquery.ide.outline import Outline, name_text
from segquery.ide.scope import ChainScopes, after_scope, nested_relate_parent, scope_at
from segquery.semantic.schemas import NO_SCHEMA
from segquery.source import Span
from segquery.syntax.tokens import TokenKind

# Where each source or step declares an alias: call name -> argument index.
ALIAS_ARGUMENT = {"PROFILE": 1, "TRAVERSE": 1, "INTERACTION": 2, "RELATE": 1, "RELATEOPTIONAL": 1}


@dataclass(frozen=True)
class AliasTarget:
    name: str
    declaration: Span        # the declaring name
    at: Span                 # the occurrence under the cursor


@dataclass(frozen=True)
class SegmentTarget:
    name: str                # as written
    at: Span                 # the name under the cursor (quotes included when quoted)
    from_directive: bool     # the cursor is on the file's `name` directive


def alias_declaration_at(outline: Outline, index: int) -> Span | None:
    """The span of token `index` when it declares an alias."""
    token = outline.tokens[index]
    frame = outline.enclosing[index]
    if token.kind is not TokenKind.WORD or frame is None:
        return None
    if not frame.query_level and nested_relate_parent(outline, frame) is None:
        return None
    argument = outline.argument_of[index]
    if ALIAS_ARGUMENT.get(frame.upper) != argument or outline.argument_name(frame, argument) is not token:
        return None
    return Span(token.start, token.end)


def is_alias_use(outline: Outline, index: int) -> bool:
    """True for `alias` in `alias.attribute` inside a condition."""
    tokens = outline.tokens
    token = tokens[index]
    if token.kind is not TokenKind.WORD or outline.enclosing[index] is None:
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    previous = tokens[index - 1] if index else None
    return (following is not None and following.text == "." and following.kind is TokenKind.PUNCTUATION
            and not (previous is not None and previous.text == "."))


def resolve_alias(outline: Outline, index: int, scopes: ChainScopes | None = None) -> AliasTarget | None:
    """The alias token `index` declares or uses, with its declaration (`scopes`: see `scope_at`)."""
    token = outline.tokens[index]
    at = Span(token.start, token.end)
    declared = alias_declaration_at(outline, index)
    if declared is not None:
        return AliasTarget(token.text, declared, at)
    if not is_alias_use(outline, index):
        return None
    binding = scope_at(outline, token.start, NO_SCHEMA, scopes=scopes).alias(token.text)
    if binding is None:
        return None
    return AliasTarget(binding.name, binding.declaration, at)


def alias_occurrences(outline: Outline, declaration: Span) -> list[Span]:
    """The declaration and every use that resolves to it, in text order."""
    folded = outline.text[declaration.start:declaration.end].casefold()
    scopes = ChainScopes(outline, NO_SCHEMA)
    found = []
    for index, token in enumerate(outline.tokens):
        if token.kind is not TokenKind.WORD or token.text.casefold() != folded:
            continue
        if token.start == declaration.start:
            found.append(Span(token.start, token.end))
            continue
        if is_alias_use(outline, index):
            target = resolve_alias(outline, index, scopes)
            if target is not None and target.declaration == declaration:
                found.append(Span(token.start, token.end))
    return found


def declared_aliases_near(outline: Outline, declaration: Span) -> list[str]:
    """Aliases visible where `declaration` is visible (its chain's end), for clash checks."""
    index = outline.token_index_at(declaration.start)
    frame = outline.enclosing[index] if index is not None else None
    if frame is None:
        return []
    while (parent := nested_relate_parent(outline, frame)) is not None:
        frame = parent
    last = frame
    while last.following is not None:
        last = last.following
    scope = after_scope(outline, last, NO_SCHEMA)
    return [binding.name for binding in scope.aliases.values()]


def segment_name_at(outline: Outline, index: int) -> SegmentTarget | None:
    """The segment named by token `index` when it is the argument of SEGMENT(...)."""
    token = outline.tokens[index]
    frame = outline.enclosing[index]
    if frame is None or frame.upper != "SEGMENT" or outline.argument_name(frame, 0) is not token:
        return None
    if frame.parent is not None and not frame.query_level:
        return None
    return SegmentTarget(name_text(token), Span(token.start, token.end), False)
