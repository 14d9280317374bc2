"""Query kinds (reference parts A.2 and C.10) and how a kind is inferred
when the caller does not know it."""

from __future__ import annotations

import enum

from segquery.syntax import ast


class QueryKind(enum.Enum):
    """What a query is for; several checks depend on it.

    DYNAMIC: a dynamic segment (profile chains, interactions, set operations).
    STATIC: a static segment: `PROFILE(t)` or `PROFILE(t).FILTER(c)`, with
    optional paging. COMPOUND: a compound segment, which combines other
    segments with `SEGMENT(name)`. FETCH: a member fetch, any query followed
    by paging steps.
    """

    DYNAMIC = "dynamic"
    STATIC = "static"
    COMPOUND = "compound"
    FETCH = "fetch"

    @property
    def label(self) -> str:
        return self.value

    @property
    def is_segment(self) -> bool:
        """True for the kinds that define a segment's members (all but FETCH)."""
        return self is not QueryKind.FETCH

    @property
    def allows_paging(self) -> bool:
        return self in (QueryKind.STATIC, QueryKind.FETCH)

    @classmethod
    def parse(cls, text: str) -> "QueryKind":
        """The kind named `text` (any case); ValueError names the valid kinds."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(kind.value for kind in cls)
            raise ValueError(f"unknown query kind {text!r}; expected one of {names}") from None


def infer_kind(query: ast.Query) -> QueryKind:
    """The kind a query's shape implies.

    1. Paging steps (ORDERBY, SKIP, TAKE, SELECT) ending the query make it
       STATIC when the query is `PROFILE(t)[.FILTER(c)]` followed by paging,
       and FETCH otherwise.
    2. Otherwise a `SEGMENT(name)` reference anywhere makes it COMPOUND.
    3. Otherwise it is DYNAMIC (set operations of profile queries included,
       as the product's grammar lists compound expressions under
       dynamic queries).
    """
    body = query.body
    steps = body.steps if isinstance(body, (ast.Chain, ast.Grouped)) else ()
    if any(isinstance(step, ast.PAGING_STEPS) for step in steps):
        if isinstance(body, ast.Chain) and isinstance(body.source, ast.Profile):
            leading = [step for step in steps if not isinstance(step, ast.PAGING_STEPS)]
            if len(leading) <= 1 and all(isinstance(step, ast.Filter) for step in leading):
                return QueryKind.STATIC
        return QueryKind.FETCH
    if any(isinstance(node, ast.SegmentRef) for node in _sources(body)):
        return QueryKind.COMPOUND
    return QueryKind.DYNAMIC


def _sources(body: ast.QueryExpr):
    """Every chain source of a query expression (sets and groups unwrapped)."""
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Chain):
            yield node.source
        elif isinstance(node, ast.Grouped):
            stack.append(node.body)
        elif isinstance(node, ast.SetOperation):
            stack.extend(node.operands)
