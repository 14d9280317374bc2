"""Document symbols: the outline of a parsed query.

The query holds its set operations, their operands, chains (and
parenthesized groups), each chain's source and steps, and the aliases those
declare. A text that does not parse has no outline.
"""

from __future__ import annotations

from segquery.ide.model import Symbol, SymbolKind
from segquery.semantic.kinds import infer_kind
from segquery.source import Span
from segquery.syntax import ast
from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parser import parse_tolerant


def document_symbols(query: ast.Query | str, *, dialect: Dialect = OUTBOUND) -> list[Symbol]:
    """The outline of a query (or of a text, parsed tolerantly in `dialect`)."""
    if isinstance(query, str):
        parsed = parse_tolerant(query, dialect=dialect).query
        if parsed is None:
            return []
        query = parsed
    body = _expression(query.body)
    name = f"{infer_kind(query).label} query"
    return [Symbol(name, SymbolKind.QUERY, query.body.span, body.selection, children=(body,))]


def _expression(node: ast.QueryExpr) -> Symbol:
    if isinstance(node, ast.SetOperation):
        operators = " ".join(dict.fromkeys(op.value for op in node.operators))
        children = tuple(_expression(operand) for operand in node.operands)
        return Symbol(operators, SymbolKind.SET_OPERATION, node.span, node.span,
                      detail=f"{len(node.operands)} operands", children=children)
    if isinstance(node, ast.Grouped):
        inner = _expression(node.body)
        steps = tuple(symbol for step in node.steps for symbol in _step(step))
        return Symbol("( )", SymbolKind.CHAIN, node.span, Span(node.span.start, node.span.start + 1),
                      detail=_steps_detail(node.steps), children=(inner, *steps))
    if isinstance(node, ast.Chain):
        source = _source(node.source)
        steps = tuple(symbol for step in node.steps for symbol in _step(step))
        children = (source, *steps) if steps else source.children
        return Symbol(source.name, SymbolKind.CHAIN, node.span, source.selection,
                      detail=_steps_detail(node.steps), children=children)
    return Symbol("query", SymbolKind.CHAIN, node.span, node.span)


def _steps_detail(steps: tuple[ast.Step, ...]) -> str:
    return f"{len(steps)} step{'s' if len(steps) != 1 else ''}"


def _call_selection(node: ast.Node, word: str) -> Span:
    return Span(node.span.start, min(node.span.end, node.span.start + len(word)))


def _alias(identifier: ast.Identifier | None, detail: str) -> tuple[Symbol, ...]:
    if identifier is None:
        return ()
    return (Symbol(identifier.name, SymbolKind.ALIAS, identifier.span, identifier.span, detail=detail),)


def _source(source: ast.Source) -> Symbol:
    if isinstance(source, ast.Profile):
        return Symbol(f"PROFILE({source.table.name})", SymbolKind.SOURCE, source.span,
                      _call_selection(source, "PROFILE"),
                      children=_alias(source.alias, f"alias of {source.table.name}"))
    if isinstance(source, ast.SegmentRef):
        return Symbol(f"SEGMENT({source.name.name})", SymbolKind.SOURCE, source.span,
                      _call_selection(source, "SEGMENT"))
    if isinstance(source, ast.Interaction):
        return Symbol(f"INTERACTION({source.interaction_type.name})", SymbolKind.SOURCE, source.span,
                      _call_selection(source, "INTERACTION"), detail=source.link_type.name,
                      children=_alias(source.alias, f"alias of {source.interaction_type.name}"))
    name = source.call.name.name
    return Symbol(name, SymbolKind.SOURCE, source.span, _call_selection(source, name), detail="invalid")


def _step(step: ast.Step) -> tuple[Symbol, ...]:
    if isinstance(step, ast.InvalidCall):
        name = step.call.name.name
        return (Symbol(name, SymbolKind.STEP, step.span, _call_selection(step, name), detail="invalid"),)
    word = step.kind.replace("_", "").upper()
    if isinstance(step, ast.Traverse):
        name = f"TRAVERSE({step.relationship.name})"
        return (Symbol(name, SymbolKind.STEP, step.span, _call_selection(step, word),
                       children=_alias(step.alias, "alias of the related records")),)
    if isinstance(step, ast.Relate):
        return (_relate(step),)
    return (Symbol(word, SymbolKind.STEP, step.span, _call_selection(step, word)),)


def _relate(step: ast.Relate) -> Symbol:
    """RELATE(relationship): its alias, then the RELATE it continues with (a nested path)."""
    word = step.call_name
    children = _alias(step.alias, "alias of the related records")
    if step.nested is not None:
        children += (_relate(step.nested),)
    return Symbol(f"{word}({step.relationship.name})", SymbolKind.STEP, step.span, _call_selection(step, word),
                  children=children)
