"""Signature help: the call around the cursor and the argument being written,
on incomplete text."""

from __future__ import annotations

import functools

from segquery.ide.cursor import cursor_at
from segquery.ide.model import ParameterInfo, SignatureHelp
from segquery.ide.outline import Frame, Outline
from segquery.source import Span
from segquery.syntax.dialect import Dialect, FunctionSpec
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.tokens import TokenKind

# Parameters with more to say than their name.
PARAMETER_DOCS = {
    ("PROFILE", "table"): "The table (profile type) whose records are selected, e.g. `contact`.",
    ("PROFILE", "alias"): "A name for these records, used as `alias.attribute` in conditions.",
    ("SEGMENT", "segment_name"): "The name of another segment.",
    ("INTERACTION", "interaction_type"): "The interaction, e.g. `EmailOpened`.",
    ("INTERACTION", "link_type"): "How the interaction links to profiles, e.g. `EmailOpened_ContactLink`.",
    ("INTERACTION", "alias"): "A name for the interaction records.",
    ("TRAVERSE", "relationship"): "A relationship of the current table.",
    ("TRAVERSE", "alias"): "A name for the related records.",
    ("TRAVERSE", "FILTER(condition)"): "A condition on the related records.",
    ("RELATE", "relationship"): "A Dataverse relationship schema name of the current table, e.g. "
                                "`contact_customer_accounts`.",
    ("RELATE", "alias"): "A name for the related records, used as `alias.attribute` in the FILTER that follows.",
    ("RELATE", "RELATE(...)"): "Continues the path from the related table: another RELATE or RELATEOPTIONAL.",
    ("RELATEOPTIONAL", "relationship"): "A Dataverse relationship schema name of the current table; profiles "
                                        "without a related record are kept.",
    ("RELATEOPTIONAL", "alias"): "A name for the related records, used as `alias.attribute` in the FILTER "
                                 "that follows.",
    ("RELATEOPTIONAL", "RELATE(...)"): "Continues the path from the related table: another RELATE or "
                                       "RELATEOPTIONAL.",
    ("INTERACTION", "interaction_table"): "A real-time interaction table, e.g. `msdynmkt_emailopened`.",
    ("INTERACTION", "profile_id_column"): "The column holding the profile id: `msdynmkt_entityid` (or "
                                          "`msdynmkt_profileid`).",
    ("HAVING", "aggregate comparison number"): "For example `COUNT() > 0`.",
    ("HAVING", "window"): "UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n); the whole lifetime when left out.",
    ("DATEDIFF", "part"): "YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND.",
    ("DATEADD", "part"): "YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND.",
}


@functools.lru_cache(maxsize=None)
def parameter_spans(signature: str) -> tuple[Span, ...]:
    """Where each parameter is written in a signature such as
    `TRAVERSE(relationship[, alias][, FILTER(condition)])`: the text between
    top-level commas, without brackets; a trailing `...` is not a parameter."""
    open_at = signature.find("(")
    close_at = signature.rfind(")")
    if open_at == -1 or close_at <= open_at + 1:
        return ()
    spans = []
    depth = 0
    start = open_at + 1
    for index in range(open_at + 1, close_at + 1):
        char = signature[index]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif (char == "," and depth == 0) or index == close_at:
            spans.append(_trim(signature, start, index))
            start = index + 1
    return tuple(span for span in spans if span.end > span.start and signature[span.start:span.end] != "...")


def _trim(text: str, start: int, end: int) -> Span:
    """Drop spaces and the brackets that mark optional parameters, keeping
    balanced ones that belong to the parameter (`attribute [ASC|DESC]`)."""
    while start < end and text[start] in " [":
        start += 1
    while end > start:
        part = text[start:end]
        if part[-1] in " [" or (part[-1] == "]" and part.count("]") > part.count("[")):
            end -= 1
        else:
            break
    return Span(start, end)


def parameters_of(spec: FunctionSpec) -> tuple[tuple[ParameterInfo, Span], ...]:
    result = []
    for span in parameter_spans(spec.signature):
        label = spec.signature[span.start:span.end]
        result.append((ParameterInfo(label, PARAMETER_DOCS.get((spec.name, label), "")), span))
    return tuple(result)


def _list_commas(outline: Outline, frame: Frame) -> int:
    """Commas of `frame`'s own arguments that separate items of an `IN [..]` list, not arguments."""
    depth = commas = 0
    for index in range(frame.index + 1, frame.arguments[-1][1]):
        token = outline.tokens[index]
        if token.kind is not TokenKind.PUNCTUATION or outline.enclosing[index] is not frame:
            continue
        if token.text in "[]":
            depth = max(0, depth + (1 if token.text == "[" else -1))
        elif token.text == "," and depth:
            commas += 1
    return commas


def signature_help(text: str, offset: int, *, dialect: Dialect = OUTBOUND) -> SignatureHelp | None:
    """The innermost call of the dialect's function table whose parentheses hold `offset`, or None."""
    cursor = cursor_at(text, offset, dialect.lexicon)
    if cursor.in_trivia:
        return None
    outline = cursor.outline
    for frame in reversed(outline.open_frames):
        spec = dialect.function(frame.upper) if frame.name is not None else None
        if spec is None:
            continue
        parameters = parameters_of(spec)
        index = len(frame.arguments) - 1 - _list_commas(outline, frame)
        if spec.name == "TRAVERSE" and index >= 1:
            tokens = outline.argument_tokens(frame, index)
            if tokens and tokens[0].text.upper() == "FILTER":
                index = 2
        if spec.is_variadic and parameters:
            index = min(index, len(parameters) - 1)
        return SignatureHelp(label=spec.signature, documentation=spec.doc,
                             parameters=tuple(info for info, _ in parameters),
                             parameter_spans=tuple(span for _, span in parameters),
                             active_parameter=index, call_span=Span(frame.start, cursor.offset))
    return None
