"""Which dialect a query is written in, read from constructs only one dialect has.

Used where the configuration says `dialect = "auto"`: RELATE, `IN [`,
`SEGMENT_CJO_ID_` and `msdynmkt_` interaction tables are real-time journeys';
TRAVERSE, an alias in PROFILE or INTERACTION and `SEGMENT_CRM_ID_` are outbound
marketing's. A text with evidence of both, or of neither, is not decided: the
caller falls back to its default and can say why.
"""

from __future__ import annotations

from dataclasses import dataclass

from segquery.syntax.dialect import Dialect
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.realtime import REALTIME
from segquery.syntax.tokens import Token, TokenKind, tokenize

# Tokens read to count a PROFILE's or INTERACTION's arguments: they are short, and
# the bound keeps inference linear whatever the text.
MAX_ARGUMENT_TOKENS = 64


@dataclass(frozen=True)
class Evidence:
    """One construct that only one dialect has, where it is written."""

    dialect: str
    construct: str
    start: int


@dataclass(frozen=True)
class Inference:
    dialect: Dialect | None
    evidence: tuple[Evidence, ...]

    def reason(self) -> str:
        """What decided, or why nothing did."""
        if self.dialect is not None:
            first = next(item for item in self.evidence if item.dialect == self.dialect.name)
            return f"inferred from {first.construct}"
        if not self.evidence:
            return "no construct of one dialect only"
        found = {item.dialect: item.construct for item in self.evidence}
        return f"constructs of both dialects ({found[REALTIME.name]}, {found[OUTBOUND.name]})"


def infer_dialect(text: str) -> Inference:
    """The dialect whose constructs alone the text uses; None when it uses both or neither."""
    tokens = [token for token in tokenize(text, trivia=False, lexicon=REALTIME.lexicon)
              if token.kind is not TokenKind.COMMENT]
    evidence: list[Evidence] = []
    for index, token in enumerate(tokens):
        found = _evidence_at(tokens, index, token)
        if found is not None and all(item.dialect != found.dialect for item in evidence):
            evidence.append(found)
            if len(evidence) == 2:
                break
    dialects = {item.dialect for item in evidence}
    chosen = None
    if len(dialects) == 1:
        chosen = REALTIME if dialects == {REALTIME.name} else OUTBOUND
    return Inference(chosen, tuple(evidence))


def _evidence_at(tokens: list[Token], index: int, token: Token) -> Evidence | None:
    if token.kind is not TokenKind.WORD:
        return None
    word = token.text.upper()
    after = tokens[index + 1].text if index + 1 < len(tokens) else ""
    if word in ("RELATE", "RELATEOPTIONAL") and after == "(":
        return Evidence(REALTIME.name, word, token.start)
    if word == "IN" and after == "[":
        return Evidence(REALTIME.name, "IN [..]", token.start)
    if word.startswith("SEGMENT_CJO_ID_"):
        return Evidence(REALTIME.name, "SEGMENT_CJO_ID_", token.start)
    if word.startswith("SEGMENT_CRM_ID_"):
        return Evidence(OUTBOUND.name, "SEGMENT_CRM_ID_", token.start)
    if word == "TRAVERSE" and after == "(":
        return Evidence(OUTBOUND.name, "TRAVERSE", token.start)
    if word in ("PROFILE", "INTERACTION") and after == "(":
        return _source_evidence(tokens, index, word)
    return None


def _source_evidence(tokens: list[Token], index: int, word: str) -> Evidence | None:
    """An `msdynmkt_` interaction table, or an alias: PROFILE's second or INTERACTION's third argument."""
    arguments = _top_level_argument_count(tokens, index + 1)
    first = tokens[index + 2] if index + 2 < len(tokens) else None
    if word == "INTERACTION" and first is not None and first.text.lower().startswith("msdynmkt_"):
        return Evidence(REALTIME.name, "an msdynmkt_ interaction table", first.start)
    if (word == "PROFILE" and arguments == 2) or (word == "INTERACTION" and arguments == 3):
        return Evidence(OUTBOUND.name, f"an alias in {word}", tokens[index].start)
    return None


def _top_level_argument_count(tokens: list[Token], open_index: int) -> int:
    depth = 0
    count = 1
    for token in tokens[open_index:open_index + MAX_ARGUMENT_TOKENS]:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]"):
            depth -= 1
            if depth == 0:
                return count
        elif token.text == "," and depth == 1:
            count += 1
    return count
