"""Completion: what may be written at the cursor, on incomplete text.

The cursor's context (see cursor.py) says which call and argument the cursor
is in and what comes before it; the grammar's expected terminals (see
expected.py) say whether a name, an operator word or a set operator may come
next; the scope (see scope.py) gives the current table and aliases. Items
replace the word being typed (`CompletionItem.replace`).
"""

from __future__ import annotations

from typing import Iterable, Literal, cast

from segquery.ide.cursor import Cursor, cursor_at
from segquery.ide.describe import (attribute_detail, attribute_markdown, relate_markdown, relationship_markdown,
                                   segment_markdown, table_markdown)
from segquery.ide.expected import expected_terminals
from segquery.ide.model import CompletionItem, CompletionKind
from segquery.ide.outline import Frame, name_text
from segquery.ide.realtime import definition_reference, dialect_schema, is_realtime, value_choices
from segquery.ide.scope import ChainScope, after_scope, relate_start, scope_at, step_scope
from segquery.ide.segments import SegmentIndex
from segquery.schema import Schema
from segquery.schema.model import Attribute
from segquery.schema.realtime import PROFILE_TYPES, profile_type_column
from segquery.syntax.dialect import DATE_PARTS, Dialect, FunctionSpec, Role
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import RELATE_NAMES
from segquery.syntax.tokens import TokenKind
from segquery.workspace.model import Segment

# Sort groups: lower comes first.
_NAMES, _ALIASES, _FUNCTIONS, _KEYWORDS, _SNIPPETS = 0, 1, 2, 3, 4
_SET_OPERATORS = ("UNION", "INTERSECT", "EXCEPT")
_STRING_OPERATORS = ("CONTAINS", "STARTSWITH", "ENDSWITH")
_SOURCES = ("PROFILE", "SEGMENT", "INTERACTION")
_PAGING = ("ORDERBY", "SKIP", "TAKE", "SELECT")
# Functions an INTERACTION's FILTER cannot use (the service rejects them).
_NOT_IN_INTERACTION_FILTER = frozenset({"DATE", "DATEDIFF", "DATEADD", "DATETIMEUTCNOW"})
_SNIPPET_SHAPES = (
    ("profile with filter", "PROFILE(${1:contact}, ${2:contact_1}).FILTER(${2:contact_1}.$3)$0",
     "All records of a table that satisfy a condition.", True),
    ("interaction having", "INTERACTION(${1:EmailOpened}, ${2:EmailOpened_ContactLink})"
     ".HAVING(COUNT() > ${3:0}, UTCDAYS(${4:30}))$0",
     "Profiles with at least one interaction in a window of days.", True),
    ("compound union", "SEGMENT(${1:first}) UNION SEGMENT(${2:second})$0",
     "The members of either segment.", False),
    ("member fetch", "(SEGMENT(${1:segment})).ORDERBY(${2:fullname} ASC).SKIP(${3:0}).TAKE(${4:15})"
     ".SELECT(${5:contactid})$0",
     "A page of a segment's members, as the member grid fetches it.", False),
)
_REALTIME_SNIPPET_SHAPES = (
    ("profile with filter", "PROFILE(${1|contact,lead|}).FILTER($2)$0",
     "All contacts (or leads) that satisfy a condition.", True),
    ("profile with relate", "PROFILE(${1:contact}).RELATE(${2:contact_customer_accounts}, ${3:account_1})"
     ".FILTER(${3:account_1}.$4)$0",
     "Profiles whose related record satisfies a condition.", True),
    ("interaction", "INTERACTION(${1:msdynmkt_emailopened}, msdynmkt_entityid)"
     ".FILTER(msdynmkt_entityid_LogicalName == '${2|contact,lead|}')$0",
     "Profiles with at least one interaction of a kind.", True),
    ("compound union", "SEGMENT(${1:SEGMENT_CJO_ID_}) UNION SEGMENT(${2:SEGMENT_CJO_ID_})$0",
     "The members of either segment definition.", False),
)


def complete(text: str, offset: int, *, schema: Schema, segments: Iterable[Segment] = (),
             dialect: Dialect = OUTBOUND) -> list[CompletionItem]:
    """The completion items at `offset`, most relevant first; sources, steps and
    functions come from the dialect's function table."""
    cursor = cursor_at(text, offset, dialect.lexicon)
    if cursor.in_trivia:
        return []
    last = cursor.before()
    if cursor.word is None and last is not None and last.end == cursor.offset and last.kind is TokenKind.NUMBER:
        return []
    schema = dialect_schema(schema, dialect)
    items = _Completer(cursor, schema, SegmentIndex(segments, schema), dialect).items()
    return sorted(items, key=lambda item: item.sort_key)


class _Completer:
    def __init__(self, cursor: Cursor, schema: Schema, segments: SegmentIndex, dialect: Dialect) -> None:
        self.cursor = cursor
        self.dialect = dialect
        self.schema = schema
        self.segments = segments
        self.outline = cursor.outline
        self.realtime = is_realtime(dialect)
        self._expected: frozenset[str] | None | Literal[False] = False

    @property
    def expected(self) -> frozenset[str] | None:
        if self._expected is False:
            self._expected = expected_terminals(self.outline.tokens, self.cursor.context_end, self.dialect)
        return self._expected

    # ------------------------------------------------------------ dispatch

    def items(self) -> list[CompletionItem]:
        cursor = self.cursor
        last = cursor.before()
        if last is not None and last.text == "." and last.kind is TokenKind.PUNCTUATION:
            return self._after_dot()
        values = self._values()
        if values is not None:
            return values
        frame = cursor.frame
        if frame is None or (frame.name is None and frame.query_level):
            return self._query_level()
        if not cursor.argument_before_cursor():
            return self._argument_start(frame, cursor.argument_index)
        return self._inside_expression(frame)

    def _after_dot(self) -> list[CompletionItem]:
        before = self.cursor.before(2)
        if before is None:
            return []
        if before.text == ")":
            closed = next((frame for frame in self.outline.frames if frame.close is before), None)
            if closed is not None and closed.query_level:
                return self._steps(closed)
            return []
        if before.kind is TokenKind.WORD and not self._is_dot(self.cursor.before(3)):
            binding = self._scope().alias(before.text)
            if binding is None:
                return []
            return self._attributes(binding.attributes(), binding.owner)
        return []

    @staticmethod
    def _is_dot(token) -> bool:
        return token is not None and token.text == "." and token.kind is TokenKind.PUNCTUATION

    def _query_level(self) -> list[CompletionItem]:
        expected = self.expected
        last = self.cursor.before()
        if expected is not None:
            wants_source = "NAME" in expected
            wants_set_operator = "UNION" in expected
        else:
            wants_source = last is None or last.text == "(" or last.text.upper() in _SET_OPERATORS + ("MINUS",)
            wants_set_operator = last is not None and last.text == ")"
        items: list[CompletionItem] = []
        if wants_source:
            items += [self._function(self.dialect.functions[name]) for name in _SOURCES]
            at_start = last is None
            shapes = _REALTIME_SNIPPET_SHAPES if self.realtime else _SNIPPET_SHAPES
            items += [self._shape(label, body, doc) for label, body, doc, anywhere in shapes if at_start or anywhere]
        if wants_set_operator:
            items += [self._keyword(word, "set operator", f"Combine two queries: `A {word} B`.")
                      for word in _SET_OPERATORS]
        return items

    def _argument_start(self, frame: Frame, index: int) -> list[CompletionItem]:
        name = frame.upper
        if frame.name is None:
            return self._operands(frame)
        if name == "PROFILE":
            if index == 0:
                return [self._table(table.name) for table in self.schema.tables.values()
                        if not self.realtime or table.name in PROFILE_TYPES]
            if index == 1 and not self.realtime:
                return self._alias_proposal(self.outline.argument_name(frame, 0))
            return []
        if name == "SEGMENT":
            if index != 0:
                return []
            if self.realtime:
                return self._definition_references()
            return [self._segment(segment) for segment in self.segments.named()]
        if name == "INTERACTION":
            return self._interaction_argument(frame, index)
        if name == "TRAVERSE":
            return self._traverse_argument(frame, index)
        if name in RELATE_NAMES:
            return self._relate_argument(frame, index)
        if name in ("DATEDIFF", "DATEADD") and index == 0:
            return [self._item(part, CompletionKind.DATE_PART, part, "date part", _NAMES, order=position)
                    for position, part in enumerate(DATE_PARTS)]
        if name == "HAVING":
            if index == 0:
                return [self._function(spec) for spec in self.dialect.functions.values() if spec.role is Role.AGGREGATE]
            if index == 1:
                return [self._function(spec) for spec in self.dialect.functions.values() if spec.role is Role.WINDOW]
            return []
        spec = self.dialect.function(name)
        if spec is not None and (spec.max_args == 0 or name in ("SKIP", "TAKE", "DATE") or spec.role is Role.WINDOW):
            return []
        if name in ("ISNULL", "ISNOTNULL", "SELECT", "ORDERBY") or (spec is not None and spec.role is Role.AGGREGATE):
            return self._attribute_names()
        return self._operands(frame)

    def _inside_expression(self, frame: Frame) -> list[CompletionItem]:
        expected = self.expected
        if expected is None:
            last = self.cursor.before()
            operand_next = last is not None and last.kind is TokenKind.OPERATOR
            operator_words: tuple[str, ...] = () if operand_next else _STRING_OPERATORS
        else:
            operand_next = "NAME" in expected
            operator_words = tuple(word for word in _STRING_OPERATORS if word in expected)
        if operand_next:
            if frame.upper == "HAVING" or self._outermost_call(frame) == "HAVING":
                return []
            return self._operands(frame)
        if frame.upper == "ORDERBY":
            if expected is not None and "ASC" not in expected:
                return []
            return [self._keyword("ASC", "ascending order", "Smallest values first (the default)."),
                    self._keyword("DESC", "descending order", "Largest values first.")]
        if not self._after_attribute():
            return []
        if self.realtime:  # STARTSWITH and ENDSWITH are not supported there
            operator_words = tuple(word for word in operator_words if word == "CONTAINS")
        items = [self._keyword(word, "string test", f"`attribute {word} 'text'`") for word in operator_words]
        if self.realtime and (expected is None or "IN_WORD" in expected):
            items.append(self._snippet("IN", "IN [$1]$0", "value list", "`attribute IN [value, ...]`: true when "
                                       "the attribute equals one of the values.", _KEYWORDS, CompletionKind.KEYWORD))
        return items

    def _after_attribute(self) -> bool:
        """True when an attribute that does not already end a comparison
        precedes the cursor: the grammar takes `a == 'x' CONTAINS 'y'`, but
        a string test belongs on an attribute."""
        cursor = self.cursor
        last = cursor.before()
        if last is None or last.kind is not TokenKind.WORD:
            return False
        back = 3 if self._is_dot(cursor.before(2)) else 1
        before = cursor.before(back + 1)
        return before is None or before.kind is not TokenKind.OPERATOR or before.text in ("&&", "||")

    def _outermost_call(self, frame: Frame) -> str:
        while frame.parent is not None and not frame.query_level:
            frame = frame.parent
        return frame.upper

    # ------------------------------------------------------------ argument kinds

    def _interaction_argument(self, frame: Frame, index: int) -> list[CompletionItem]:
        if index == 0:
            return [self._item(interaction.name, CompletionKind.INTERACTION, interaction.name, "interaction type",
                               _NAMES, "Link types: " + ", ".join(f"`{link}`" for link in interaction.link_types))
                    for interaction in self.schema.interactions.values()]
        first = self.outline.argument_name(frame, 0)
        interaction = self.schema.interaction(name_text(first)) if first is not None else None
        if index == 1:
            if interaction is None:
                return []
            what = "profile id column" if self.realtime else "link type"
            return [self._item(link, CompletionKind.LINK_TYPE, link, f"{what} of {interaction.name}", _NAMES)
                    for link in interaction.link_types]
        if index == 2 and not self.realtime:
            return self._alias_proposal(first)
        return []

    def _traverse_argument(self, frame: Frame, index: int) -> list[CompletionItem]:
        before = step_scope(self.outline, frame, self.schema, self.segments.table_of)
        if index == 0:
            if before.table is None:
                relationships = list(self.schema.relationships.values())
                return [self._item(rel.name, CompletionKind.RELATIONSHIP, rel.name,
                                   f"{rel.referencing_table} ↔ {rel.referenced_table}", _NAMES,
                                   relationship_markdown(rel, None)) for rel in relationships]
            return [self._item(rel.name, CompletionKind.RELATIONSHIP, rel.name,
                               f"{before.table.name} → {rel.other_end(before.table.name)}", _NAMES,
                               relationship_markdown(rel, before.table.name))
                    for rel in self.schema.relationships_of(before.table.name)]
        filter_item = self._snippet("FILTER", "FILTER($1)$0", "filter the related records",
                                    self.dialect.functions["FILTER"].doc, _FUNCTIONS, CompletionKind.FUNCTION)
        if index == 1:
            after = after_scope(self.outline, frame, self.schema, self.segments.table_of)
            target = after.table.name if after.table is not None else None
            return self._alias_proposal(None, table=target) + [filter_item]
        if index == 2:
            return [filter_item]
        return []

    def _relate_argument(self, frame: Frame, index: int) -> list[CompletionItem]:
        """RELATE(relationship schema name, alias[, RELATE(...)])."""
        start = relate_start(self.outline, frame, self.schema, self.segments.table_of)
        if index == 0:
            relationships = self.schema.relationships_of(start) if start is not None else \
                self.schema.relationships.values()
            return [self._item(rel.schema_name, CompletionKind.RELATIONSHIP, rel.schema_name,
                               f"{start} → {rel.other_end(start)}" if start is not None else
                               f"{rel.referencing_table} ↔ {rel.referenced_table}", _NAMES,
                               relate_markdown(rel, rel.schema_name, start))
                    for rel in relationships if rel.schema_name]
        if index == 1:
            token = self.outline.argument_name(frame, 0)
            relationship = self.schema.relationship_by_schema_name(name_text(token)) if token is not None else None
            target = relationship.other_end(start) if relationship is not None and start is not None else None
            return self._alias_proposal(None, table=target)
        if index == 2:
            return [self._function(self.dialect.functions[name]) for name in RELATE_NAMES]
        return []

    # ------------------------------------------------------------ values

    def _values(self) -> list[CompletionItem] | None:
        """Real-time journeys: the values at the start of an item of an `IN [` list
        (option codes, profile types), or after `==`/`!=` on a `_LogicalName`
        column (profile types). None elsewhere."""
        cursor = self.cursor
        last = cursor.before()
        if not self.realtime or last is None or cursor.word is not None:
            return None
        end = cursor.context_end
        comparison = last.kind is TokenKind.OPERATOR and last.text in ("==", "!=")
        if comparison:
            subject_end, listed = end - 1, set()
        else:
            opening = self._open_list(end)
            if opening is None or opening == 0 or self.outline.tokens[opening - 1].text.upper() != "IN":
                return None
            subject_end = opening - 1
            listed = {token.text for token in self.outline.tokens[opening + 1:end]}
        attribute, owner = self._subject_attribute(subject_end)
        if comparison and (attribute is None or profile_type_column(attribute.name) is None):
            return None  # any operand may follow other comparisons
        if attribute is None:
            return []
        return [self._item(value, CompletionKind.VALUE, value, meaning, _NAMES, f"`{attribute.name}` of `{owner}`",
                           order=position)
                for position, (value, meaning) in enumerate(value_choices(attribute)) if value not in listed]

    def _open_list(self, end: int) -> int | None:
        """The index of the `[` whose list the cursor starts an item of."""
        tokens = self.outline.tokens
        last = tokens[end - 1]
        if last.text == "[" and last.kind is TokenKind.PUNCTUATION:
            return end - 1
        if last.text != ",":
            return None
        for index in range(end - 2, -1, -1):
            token = tokens[index]
            if token.kind is TokenKind.PUNCTUATION and token.text in "[]()":
                return index if token.text == "[" else None
        return None

    def _subject_attribute(self, end: int) -> tuple[Attribute | None, str]:
        """The attribute the tokens before index `end` (`name` or `alias.name`) name."""
        tokens = self.outline.tokens
        if end <= 0 or tokens[end - 1].kind is not TokenKind.WORD:
            return None, ""
        name = tokens[end - 1]
        scope = self._scope()
        if end >= 3 and self._is_dot(tokens[end - 2]) and tokens[end - 3].kind is TokenKind.WORD:
            binding = scope.alias(tokens[end - 3].text)
            holder = (binding.table or binding.interaction) if binding is not None else None
        else:
            holder = scope.table or scope.interaction
        attribute = holder.attribute(name.text) if holder is not None else None
        return attribute, holder.name if holder is not None else ""

    def _alias_proposal(self, table_token, *, table: str | None = None) -> list[CompletionItem]:
        """`<table>_<n>`, the designer's style, with the first unused n."""
        base = table if table is not None else name_text(table_token) if table_token is not None else None
        if not base:
            return []
        stored = self.schema.table(base) or self.schema.interaction(base)
        base = stored.name if stored is not None else base
        taken = {token.text.casefold() for token in self.outline.tokens if token.kind is TokenKind.WORD}
        number = 1
        while f"{base}_{number}".casefold() in taken:
            number += 1
        alias = f"{base}_{number}"
        return [self._item(alias, CompletionKind.ALIAS, alias, f"alias for {base}", _NAMES,
                           f"Name the records of `{base}` so conditions can write `{alias}.attribute`.")]

    def _operands(self, frame: Frame) -> list[CompletionItem]:
        scope = self._scope()
        items = self._attribute_names(scope)
        items += [self._item(binding.name, CompletionKind.ALIAS, binding.name,
                             f"alias of {binding.owner}" if binding.owner else "alias", _ALIASES,
                             f"Declared at offset {binding.declaration.start}; write `{binding.name}.attribute`.")
                  for binding in scope.aliases.values()]
        in_interaction = scope.interaction is not None
        items += [self._function(spec) for spec in self.dialect.functions.values()
                  if spec.role is Role.FUNCTION and not (in_interaction and spec.name in _NOT_IN_INTERACTION_FILTER)]
        items += [self._keyword("TRUE", "boolean", ""), self._keyword("FALSE", "boolean", "")]
        return items

    def _attribute_names(self, scope: ChainScope | None = None) -> list[CompletionItem]:
        scope = scope if scope is not None else self._scope()
        return self._attributes(scope.attributes(), scope.owner)

    def _attributes(self, attributes: dict[str, Attribute], owner: str) -> list[CompletionItem]:
        return [self._item(attribute.name, CompletionKind.ATTRIBUTE, attribute.name,
                           attribute_detail(attribute, owner), _NAMES, attribute_markdown(attribute, owner))
                for attribute in attributes.values()]

    def _steps(self, previous: Frame) -> list[CompletionItem]:
        chain = previous.chain()
        source = chain[0].upper
        done = {frame.upper for frame in chain}
        if previous.upper in RELATE_NAMES:
            names = ["FILTER"]  # a RELATE is always followed by the FILTER on its records
        elif source == "INTERACTION":
            names = ["HAVING"] if "HAVING" in done else ["FILTER", "HAVING"]
        else:
            names = [spec.name for spec in self.dialect.functions.values()
                     if spec.role is Role.STEP and spec.name != "HAVING"]
        next_paging = None
        if previous.upper in _PAGING and previous.upper != "SELECT":
            next_paging = _PAGING[_PAGING.index(previous.upper) + 1]
        return [self._function(self.dialect.functions[name], first=name == next_paging) for name in names]

    def _scope(self) -> ChainScope:
        return scope_at(self.outline, self.cursor.offset, self.schema, self.segments.table_of)

    # ------------------------------------------------------------ items

    def _item(self, label: str, kind: CompletionKind, insert: str, detail: str, group: int,
              documentation: str = "", *, order: int | None = None) -> CompletionItem:
        """An item sorted by group, then by `order` when given, else by label."""
        within = f"{order:04d}" if order is not None else label.casefold()
        return CompletionItem(label=label, kind=kind, replace=self.cursor.replace, insert_text=insert, detail=detail,
                              documentation=documentation, sort_key=f"{group}:{within}")

    def _snippet(self, label: str, body: str, detail: str, documentation: str, group: int,
                 kind: CompletionKind = CompletionKind.SNIPPET) -> CompletionItem:
        return CompletionItem(label=label, kind=kind, replace=self.cursor.replace, insert_text=body, detail=detail,
                              documentation=documentation, sort_key=f"{group}:{label.casefold()}", is_snippet=True)

    def _keyword(self, word: str, detail: str, documentation: str) -> CompletionItem:
        return self._item(word, CompletionKind.KEYWORD, word, detail, _KEYWORDS, documentation)

    def _table(self, name: str) -> CompletionItem:
        table = self.schema.tables[name]
        return self._item(name, CompletionKind.TABLE, name, f"table, {len(table.attributes)} attributes", _NAMES,
                          table_markdown(table, self.schema))

    def _segment(self, segment: Segment, written: str | None = None) -> CompletionItem:
        """A completion for a named segment (SegmentIndex.named), written by its
        name or as `written` (a real-time definition reference, labelled by name too)."""
        name = cast(str, segment.name) if written is None else written
        kind = f"{segment.segment_type.label} segment" if segment.segment_type is not None else "segment"
        if written is not None and segment.name:
            kind = f"{segment.name}: {kind}"
        return self._item(name, CompletionKind.SEGMENT, name,
                          kind + (f", {segment.status.label}" if segment.status is not None else ""),
                          _NAMES, segment_markdown(segment, infer=False))

    def _definition_references(self) -> list[CompletionItem]:
        """Real-time journeys references a segment definition by its id, not its name."""
        items = []
        for segment in self.segments.segments:
            reference = definition_reference(segment)
            if reference is not None:
                items.append(self._segment(segment, reference))
        return items

    def _shape(self, label: str, body: str, documentation: str) -> CompletionItem:
        return self._snippet(label, body, "snippet", documentation, _SNIPPETS)

    def _function(self, spec: FunctionSpec, *, first: bool = False) -> CompletionItem:
        """A call, inserted with its parentheses unless they are already there."""
        text = self.cursor.text
        end = self.cursor.replace.end
        has_parenthesis = text[end:end + 1] == "(" or text[end:].lstrip(" \t")[:1] == "("
        if has_parenthesis:
            body, snippet = spec.name, False
        elif spec.max_args == 0:
            body, snippet = f"{spec.name}()", False
        elif spec.name in ("DATEDIFF", "DATEADD"):
            second = "start" if spec.name == "DATEDIFF" else "amount"
            third = "end" if spec.name == "DATEDIFF" else "date"
            body = f"{spec.name}(${{1|{','.join(DATE_PARTS)}|}}, ${{2:{second}}}, ${{3:{third}}})$0"
            snippet = True
        else:
            body, snippet = f"{spec.name}($1)$0", True
        group = _FUNCTIONS if spec.role is not Role.SOURCE else _NAMES
        return CompletionItem(label=spec.name, kind=CompletionKind.FUNCTION, replace=self.cursor.replace,
                              insert_text=body, detail=spec.signature, documentation=spec.doc,
                              sort_key=f"{_NAMES if first else group}:{spec.name.casefold()}", is_snippet=snippet)

