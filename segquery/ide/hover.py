"""Hover: what the name or word under the cursor is, in Markdown.

Works from the token outline, so it answers while the text does not parse.
"""

from __future__ import annotations

from typing import Iterable

from segquery.explain import explain
from segquery.ide.describe import (KEYWORD_DOCS, REALTIME_KEYWORD_DOCS, attribute_markdown, date_part_markdown,
                                   function_markdown, interaction_markdown, keyword_markdown, relate_markdown,
                                   relationship_markdown, segment_markdown, table_markdown)
from segquery.ide.model import Hover
from segquery.ide.outline import Frame, Outline, build_outline, name_text
from segquery.ide.realtime import dialect_schema, is_realtime
from segquery.ide.scope import after_scope, nested_relate_parent, relate_start, scope_at, step_scope
from segquery.ide.segments import SegmentIndex
from segquery.schema import Schema
from segquery.semantic.schemas import link_type_table
from segquery.source import SourceText, Span
from segquery.syntax.dialect import DATE_PARTS, Dialect, Role
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import ParseError
from segquery.syntax.realtime import RELATE_NAMES
from segquery.syntax.tokens import Token, TokenKind
from segquery.workspace.model import Segment


def hover(text: str, offset: int, *, schema: Schema, segments: Iterable[Segment] = (),
          dialect: Dialect = OUTBOUND, dialect_reason: str = "") -> Hover | None:
    """What the word at `offset` is, or None when there is nothing to say. A
    source word (PROFILE...) also says which dialect the file is read in, and
    why when `dialect_reason` is given (the server gives it: `auto` may choose)."""
    outline = build_outline(text, dialect.lexicon)
    index = outline.token_index_at(max(0, min(offset, len(text))))
    if index is None:
        return None
    token = outline.tokens[index]
    schema = dialect_schema(schema, dialect)
    explained = explanation_markdown(text, schema=schema, dialect=dialect) if index == 0 else None
    if token.kind not in (TokenKind.WORD, TokenKind.STRING):
        return Hover(explained, Span(token.start, token.end)) if explained else None
    markdown = _Describer(outline, schema, SegmentIndex(segments, schema), dialect, dialect_reason).describe(index)
    if explained:
        markdown = f"{explained}\n\n---\n\n{markdown}" if markdown else explained
    return Hover(markdown, Span(token.start, token.end)) if markdown else None


def explanation_markdown(text: str, *, schema: Schema, dialect: Dialect = OUTBOUND) -> str | None:
    """The query in plain English (as `segquery explain` prints it), shown on
    the query's first token; None while the text is not a valid query."""
    try:
        explanation = explain(text, schema=schema, dialect=dialect)
    except ParseError:
        return None
    return f"```text\n{explanation.text()}\n```"


class _Describer:
    def __init__(self, outline: Outline, schema: Schema, segments: SegmentIndex, dialect: Dialect,
                 dialect_reason: str = "") -> None:
        self.outline = outline
        self.dialect = dialect
        self.dialect_reason = dialect_reason
        self.schema = schema
        self.segments = segments
        self.realtime = is_realtime(dialect)
        self.keywords = {**KEYWORD_DOCS, **REALTIME_KEYWORD_DOCS} if self.realtime else KEYWORD_DOCS

    def describe(self, index: int) -> str | None:
        outline = self.outline
        tokens = outline.tokens
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.kind is TokenKind.WORD and following is not None and following.text == "(":
            spec = self.dialect.function(token.text)
            if spec is None:
                return None
            if spec.role is Role.SOURCE and (self.dialect is not OUTBOUND or self.dialect_reason):
                why = f" ({self.dialect_reason})" if self.dialect_reason else ""
                return f"{function_markdown(spec)}\n\nThis file is read in the {self.dialect.title} dialect{why}."
            return function_markdown(spec)
        frame = outline.enclosing[index]
        argument = outline.argument_of[index]
        if frame is not None and frame.name is not None and outline.argument_name(frame, argument) is token:
            named = self._name_argument(frame, argument, token)
            if named is not None:
                return named
        if token.kind is not TokenKind.WORD:
            return None
        previous = tokens[index - 1] if index else None
        if following is not None and following.text == "." and not (previous is not None and previous.text == "."):
            return self._alias_use(token)
        if previous is not None and previous.text == "." and index >= 2 and tokens[index - 2].kind is TokenKind.WORD:
            return self._qualified_attribute(tokens[index - 2], token)
        keyword = keyword_markdown(token.text, self.keywords)
        if keyword is not None:
            return keyword
        scope = scope_at(outline, token.start, self.schema, self.segments.table_of)
        holder = scope.table or scope.interaction
        attribute = holder.attribute(token.text) if holder is not None else None
        return attribute_markdown(attribute, holder.name) if attribute is not None and holder is not None else None

    def _name_argument(self, frame: Frame, argument: int, token: Token) -> str | None:
        upper, name = frame.upper, name_text(token)
        schema = self.schema
        if upper == "PROFILE" and argument == 0:
            table = schema.table(name)
            return table_markdown(table, schema) if table is not None else None
        if upper == "SEGMENT" and argument == 0:
            segment = self.segments.find(name)
            return segment_markdown(segment, self.segments.table_of(name)) if segment is not None else None
        if upper == "INTERACTION" and argument == 0:
            interaction = schema.interaction(name)
            links = "Profile id columns" if self.realtime else "Link types"
            return interaction_markdown(interaction, links) if interaction is not None else None
        if upper == "INTERACTION" and argument == 1:
            return self._link_type(frame, name)
        if upper == "TRAVERSE" and argument == 0:
            relationship = schema.relationship(name)
            if relationship is None:
                return None
            before = step_scope(self.outline, frame, schema, self.segments.table_of)
            return relationship_markdown(relationship, before.table.name if before.table else None)
        if upper in RELATE_NAMES and argument == 0:
            start = relate_start(self.outline, frame, schema, self.segments.table_of)
            relationship = schema.relationship_by_schema_name(name)
            return relate_markdown(relationship, name, start) if relationship is not None else None
        if upper in RELATE_NAMES and argument == 1:
            step = frame
            while (parent := nested_relate_parent(self.outline, step)) is not None:
                step = parent
            binding = after_scope(self.outline, step, schema, self.segments.table_of).alias(name)
            return self._alias_markdown(binding, "declared here") if binding is not None else None
        if upper in ("DATEDIFF", "DATEADD") and argument == 0 and name.upper() in DATE_PARTS:
            return date_part_markdown(name)
        if (upper == "PROFILE" and argument == 1) or (upper == "INTERACTION" and argument == 2) or (
                upper == "TRAVERSE" and argument == 1):
            binding = after_scope(self.outline, frame, schema, self.segments.table_of).alias(name)
            return self._alias_markdown(binding, "declared here") if binding is not None else None
        return None

    def _link_type(self, frame: Frame, name: str) -> str | None:
        first = self.outline.argument_name(frame, 0)
        interaction = self.schema.interaction(name_text(first)) if first is not None else None
        stored = interaction.link_type(name) if interaction is not None else None
        if interaction is None or stored is None:
            return None
        if self.realtime:
            return (f"**{stored}** (profile id column of `{interaction.name}`)\n\nThe FILTER says which profile "
                    f"type it holds: `{stored}_LogicalName == 'contact'` or `'lead'`.")
        table = link_type_table(interaction.name, stored)
        reaches = f"\n\nLinks the interaction to `{table}` records." if table else ""
        return f"**{stored}** (link type of `{interaction.name}`){reaches}"

    def _alias_use(self, token: Token) -> str | None:
        binding = scope_at(self.outline, token.start, self.schema, self.segments.table_of).alias(token.text)
        if binding is None:
            return None
        line = SourceText(self.outline.text).position(binding.declaration.start).line
        return self._alias_markdown(binding, f"declared on line {line}")

    @staticmethod
    def _alias_markdown(binding, where: str) -> str:
        what = f"records of `{binding.owner}`" if binding.owner else "records of an unknown table"
        return f"**{binding.name}** (alias, {where})\n\nNames the {what}."

    def _qualified_attribute(self, qualifier: Token, token: Token) -> str | None:
        binding = scope_at(self.outline, token.start, self.schema, self.segments.table_of).alias(qualifier.text)
        holder = (binding.table or binding.interaction) if binding is not None else None
        attribute = holder.attribute(token.text) if holder is not None else None
        return attribute_markdown(attribute, holder.name) if attribute is not None and holder is not None else None
