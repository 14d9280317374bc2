"""What every lint rule looks at: the tree, the text, the tokens, and the
helpers that keep each rule small (outer spans with parentheses, token
navigation, parents, fixes that know whether they would drop a comment)."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar, cast, overload

from segquery.diagnostics import (
    Applicability,
    Diagnostic,
    Fix,
    RelatedLocation,
    TextEdit,
    make_diagnostic,
)
from segquery.fast_dataclass import dataclass
from segquery.lint.token_index import TokenIndex
from segquery.source import SourceText, Span
from segquery.syntax import ast
from segquery.syntax.precedence import (  # noqa: F401
    AND,
    ATOM,
    COMPARE,
    OR,
    PRODUCT,
    STRING,
    SUM,
    UNARY,
    strength,
)
from segquery.syntax.tokens import OUTBOUND_LEXICON, Lexicon, Token, TokenKind, tokenize

N = TypeVar("N", bound=ast.Node)
M = TypeVar("M", bound=ast.Node)
O = TypeVar("O", bound=ast.Node)
F = TypeVar("F")

@dataclass
class LintContext:
    """One query being linted. Built once per file and shared by every rule.

    `token_index` gives the tokens when the caller has them (pieces reused
    from an earlier check); by default the text is tokenized. `roots` limits
    which nodes `nodes` and `parent` know: (node, parent) pairs whose subtrees
    are walked instead of the whole query; `skip` holds the ids of nodes left
    out with their subtrees. The tokens, the text and `chains` always cover
    the whole query, and the nodes are walked only when a rule asks for them.
    """

    query: ast.Query
    source: SourceText
    line_length: int = 88
    lexicon: Lexicon = OUTBOUND_LEXICON
    token_index: TokenIndex | None = field(default=None, repr=False)
    roots: tuple[tuple[ast.Node, ast.Node | None], ...] | None = field(default=None, repr=False)
    skip: frozenset[int] = field(default=frozenset(), repr=False)
    # Facts about steps as kept from earlier checks (segquery/syntax/step_facts.py); None: made when asked.
    step_facts: Callable[[Callable[[ast.Node], Any], ast.Node], Any] | None = field(default=None, repr=False)
    # The same for many nodes in one call (`step_facts_of`); None: `step_facts` node by node.
    many_step_facts: Callable[[Callable[[ast.Node], Any], Sequence[ast.Node]], list] | None = field(
        default=None, repr=False)
    # `outer_span` of a node given the way to measure it, as kept from earlier checks; None: measured.
    kept_outer: Callable[[ast.Node, Callable[[ast.Node], Span]], Span] | None = field(default=None, repr=False)
    _walked: bool = field(init=False, repr=False, default=False)
    _nodes: list[ast.Node] = field(init=False, repr=False, default_factory=list)
    _parents: dict[int, ast.Node] = field(init=False, repr=False, default_factory=dict)
    _by_class: dict[type, list[int]] = field(init=False, repr=False, default_factory=dict)  # class -> positions
    _of_types: dict[tuple[type, ...], list[Any]] = field(init=False, repr=False, default_factory=dict)
    _outer: dict[int, Span] = field(init=False, repr=False, default_factory=dict)
    _facts_of: dict[tuple[Callable, int], list] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.token_index is None:
            self.token_index = TokenIndex.whole(list(tokenize(self.source.text, lexicon=self.lexicon)))

    @property
    def _token_index(self) -> TokenIndex:
        return cast(TokenIndex, self.token_index)

    def _walk(self) -> None:
        """One walk, in the order of `ast.walk` (parents first, in source order), finds the nodes, their
        parents and their classes: rules ask for nodes by type, most of them for a few classes."""
        self._walked = True
        nodes, parents, by_class, skip = self._nodes, self._parents, self._by_class, self.skip
        for root, parent in (self.roots if self.roots is not None else ((self.query, None),)):
            if parent is not None:
                parents[id(root)] = parent
            stack: list[ast.Node] = [root]
            while stack:
                node = stack.pop()
                by_class.setdefault(type(node), []).append(len(nodes))
                nodes.append(node)
                children = [child for child in node.children() if id(child) not in skip] if skip else list(
                    node.children())
                if children:
                    for child in children:
                        parents[id(child)] = node
                    children.reverse()
                    stack.extend(children)

    # ------------------------------------------------------------ tree

    @property
    def text(self) -> str:
        return self.source.text

    @overload
    def nodes(self, first: type[N], /) -> Iterator[N]: ...
    @overload
    def nodes(self, first: type[N], second: type[M], /) -> Iterator[N | M]: ...
    @overload
    def nodes(self, first: type[N], second: type[M], third: type[O], /) -> Iterator[N | M | O]: ...

    def nodes(self, *types: type[Any]) -> Iterator[Any]:
        """Every node of the given types, in source order (parents first)."""
        found = self._of_types.get(types)
        if found is None:
            if not self._walked:
                self._walk()
            classes = [cls for cls in self._by_class if issubclass(cls, types)]
            if not classes:
                found = []
            else:
                positions = self._by_class[classes[0]] if len(classes) == 1 else sorted(
                    position for cls in classes for position in self._by_class[cls])
                found = [self._nodes[position] for position in positions]
            self._of_types[types] = found
        return iter(found)

    def parent(self, node: ast.Node) -> ast.Node | None:
        if not self._walked:
            self._walk()
        return self._parents.get(id(node))

    def chains(self) -> Iterator[tuple[ast.Source | None, tuple[ast.Step, ...]]]:
        """Each (source, steps) sequence: chains, and the steps after a parenthesized query (which come
        before the chain inside its parentheses)."""
        stack: list[ast.QueryExpr] = [self.query.body]
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Chain):
                yield node.source, node.steps
            elif isinstance(node, ast.Grouped):
                yield None, node.steps
                stack.append(node.body)
            elif isinstance(node, ast.SetOperation):
                stack.extend(reversed(node.operands))

    def step_fact(self, fact: Callable[[ast.Node], F], step: ast.Node) -> F:
        """`fact(step)`, as kept from an earlier check of the same step when there is one."""
        return fact(step) if self.step_facts is None else self.step_facts(fact, step)

    def step_facts_of(self, fact: Callable[[N], F], nodes: tuple[N, ...]) -> list[F]:
        """`step_fact` of each node of a tuple of the tree (a node's operands): what rules read of every
        operand of a long condition, each one a unit whose facts are kept. Asked again for the same
        tuple, by another rule, it answers from memory."""
        found = self._facts_of.get((fact, id(nodes)))
        if found is None:
            facts, many = self.step_facts, self.many_step_facts
            of_node = cast(Callable[[ast.Node], F], fact)   # a fact of these nodes, asked of them only
            if many is not None:
                found = many(of_node, nodes)
            elif facts is not None:
                found = [facts(of_node, node) for node in nodes]
            else:
                found = [fact(node) for node in nodes]
            self._facts_of[(fact, id(nodes))] = found
        return found

    # ------------------------------------------------------------ text and spans

    def slice(self, span: Span) -> str:
        return self.source.text[span.start:span.end]

    def snippet(self, node: ast.Node, limit: int = 40) -> str:
        """The node's text on one line, shortened for messages."""
        text = " ".join(self.slice(self.outer_span(node)).split())
        return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

    def required_strength(self, node: ast.Expr) -> int:
        """How tightly an expression must bind to stand in its place without parentheses."""
        parent = self.parent(node)
        if isinstance(parent, ast.Logical):
            return strength(parent) + 1
        if isinstance(parent, ast.Comparison):
            return STRING
        if isinstance(parent, ast.StringTest):
            return SUM
        if isinstance(parent, ast.Arithmetic):
            return strength(parent) + (0 if parent.operands[0] is node else 1)
        if isinstance(parent, ast.Negate):
            return ATOM
        if isinstance(parent, ast.InList):
            return STRING if parent.subject is node else SUM
        return OR

    def removal_after(self, operands: tuple[ast.Node, ...], index: int) -> Span:
        """The text to delete to drop operands[index] with the operator that joins it."""
        if index > 0:
            return Span(self.outer_span(operands[index - 1]).end, self.outer_span(operands[index]).end)
        return Span(self.outer_span(operands[0]).start, self.outer_span(operands[1]).start)

    def outer_span(self, node: ast.Node) -> Span:
        """The node's extent including its own parentheses and those of its operands.

        Node spans leave out the parentheses around a node, and a compound
        node's span runs from its first to its last operand's span, so both
        are widened here using the tokens.
        """
        cached = self._outer.get(id(node))
        if cached is not None:
            return cached
        span = self._measured_outer(node) if self.kept_outer is None else self.kept_outer(node, self._measured_outer)
        self._outer[id(node)] = span
        return span

    def _measured_outer(self, node: ast.Node) -> Span:
        start, end = node.span.start, node.span.end
        for child in node.children():
            if child.span == ast.NO_SPAN:
                continue
            child_span = self.outer_span(child)
            start, end = min(start, child_span.start), max(end, child_span.end)
        for _ in range(getattr(node, "parens", 0)):
            before = self.previous_token(start)
            after = self.next_token(end)
            if before is None or after is None or before.text != "(" or after.text != ")":
                break
            start, end = before.start, after.end
        return Span(start, end)

    def paren_tokens(self, node: ast.Node) -> list[tuple[Token, Token]]:
        """The node's own parenthesis pairs, innermost first."""
        inner = self.outer_span(node)
        # Strip this node's own parentheses again to find the inside extent.
        pairs: list[tuple[Token, Token]] = []
        start, end = inner.start, inner.end
        for _ in range(getattr(node, "parens", 0)):
            first = self.next_token(start)
            last = self.previous_token(end)
            if first is None or last is None or first.text != "(" or last.text != ")":
                break
            pairs.append((first, last))
            start, end = first.end, last.start
        return list(reversed(pairs))

    # ------------------------------------------------------------ tokens

    def token_at(self, offset: int) -> Token | None:
        """The token that starts exactly at `offset`."""
        return self._token_index.token_at(offset)

    def previous_token(self, offset: int) -> Token | None:
        """The last significant token that ends at or before `offset`."""
        return self._token_index.previous_token(offset)

    def next_token(self, offset: int) -> Token | None:
        """The first significant token that starts at or after `offset`."""
        return self._token_index.next_token(offset)

    def tokens_between(self, start: int, end: int) -> Iterator[Token]:
        return self._token_index.tokens_between(start, end)

    def has_comment(self, start: int, end: int, *, keep: Iterable[Span] = ()) -> bool:
        """True when a comment lies in [start, end) outside the kept spans."""
        kept = list(keep)
        for token in self.tokens_between(start, end):
            if token.kind is TokenKind.COMMENT and not any(s.start <= token.start and token.end <= s.end
                                                           for s in kept):
                return True
        return False

    # ------------------------------------------------------------ reporting

    def report(self, code: str, message: str, start: int, end: int, *, fix: Fix | None = None,
               related: Iterable[RelatedLocation] = ()) -> Diagnostic:
        return make_diagnostic(self.source, code, message, start, end, fix=fix, related=related)

    def report_pair(self, code: str, message: str, node: ast.Node, other: ast.Node, other_role: str) -> Diagnostic:
        """A finding on `node` (with its parentheses) that shows `other`, the condition it goes with."""
        span = self.outer_span(node)
        return self.report(code, message, span.start, span.end,
                           related=[self.related(other_role, self.outer_span(other))])

    def related(self, message: str, span: Span) -> RelatedLocation:
        return RelatedLocation(message, self.source.range(span.start, span.end), self.source.path)

    def fix(self, message: str, edits: Iterable[TextEdit], *, keep: Iterable[Span] = (),
            applicability: Applicability = Applicability.SAFE) -> Fix:
        """A fix that is downgraded to unsafe when it would delete a comment.

        `keep` lists the spans whose text the edits carry over unchanged.
        """
        edits = tuple(sorted((self._separated(edit) for edit in edits), key=lambda edit: (edit.start, edit.end)))
        kept = list(keep)
        if applicability is Applicability.SAFE and any(
                self.has_comment(edit.start, edit.end, keep=kept) for edit in edits):
            applicability = Applicability.UNSAFE
            message += " (unsafe: it would remove a comment)"
        return Fix(message, edits, applicability)

    def _separated(self, edit: TextEdit) -> TextEdit:
        """The edit with a space added where its text would join a neighbouring token."""
        before = self.text[edit.start - 1] if edit.start > 0 else ""
        after = self.text[edit.end] if edit.end < len(self.text) else ""
        if not edit.new_text:
            return TextEdit(edit.start, edit.end, " ") if would_join(before, after) else edit
        text = edit.new_text
        if would_join(before, text[0]):
            text = " " + text
        if would_join(text[-1], after):
            text += " "
        return TextEdit(edit.start, edit.end, text) if text != edit.new_text else edit

    def replace(self, message: str, span: Span, new_text: str, *, keep: Iterable[Span] = (),
                applicability: Applicability = Applicability.SAFE) -> Fix:
        return self.fix(message, [TextEdit(span.start, span.end, new_text)], keep=keep,
                        applicability=applicability)

    def deletion_edits(self, *spans: Span) -> list[TextEdit]:
        """Edits that delete the spans, adding a space where the neighbours would otherwise merge.

        Spans that touch are deleted as one, so the check sees the final neighbours.
        """
        merged: list[list[int]] = []
        for span in sorted(spans, key=lambda s: (s.start, s.end)):
            if merged and span.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], span.end)
            else:
                merged.append([span.start, span.end])
        edits = []
        for start, end in merged:
            before = self.text[start - 1] if start > 0 else ""
            after = self.text[end] if end < len(self.text) else ""
            edits.append(TextEdit(start, end, " " if would_join(before, after) else ""))
        return edits


def would_join(before: str, after: str) -> bool:
    """Whether two characters, once adjacent, would read as one token (`a` `b`) or start a comment (`/` `/`)."""
    return (_is_word_char(before) and _is_word_char(after)) or (before == "/" and after in "/*")


def _is_word_char(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_'\"")


CheckFunction = Callable[[LintContext], Iterable[Diagnostic]]
