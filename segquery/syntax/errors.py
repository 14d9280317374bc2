"""Turns lark's UnexpectedToken into a message a person can act on:
what was expected, in words, and before which token."""

from __future__ import annotations

from lark.exceptions import UnexpectedToken

_GROUPS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"COMPARE_OP"}), "a comparison operator (==, !=, >, >=, <, <=)"),
    (frozenset({"_AND", "_OR"}), "`&&` or `||`"),
    (frozenset({"CONTAINS", "STARTSWITH", "ENDSWITH"}), "a string operator (CONTAINS, STARTSWITH, ENDSWITH)"),
    (frozenset({"ADD_OP", "MUL_OP"}), "an arithmetic operator (+, -, *, /)"),
    (frozenset({"UNION", "INTERSECT", "EXCEPT", "MINUS_WORD"}), "a set operator (UNION, INTERSECT, EXCEPT)"),
    (frozenset({"ASC", "DESC"}), "ASC or DESC"),
    (frozenset({"DOT"}), "`.`"),
    (frozenset({"NUMBER", "STRING", "DQ_STRING", "TRUE", "FALSE", "SUB"}), "a value"),
    (frozenset({"NAME"}), "a name"),
    (frozenset({"LPAR"}), "`(`"),
    (frozenset({"COMMA"}), "`,`"),
    (frozenset({"RPAR"}), "`)`"),
    (frozenset({"$END"}), "the end of the query"),
)
_OPERATOR_GROUPS = 4  # the first four groups are expression operators
_VALUE_TOKENS = frozenset({"NUMBER", "STRING", "DQ_STRING", "TRUE", "FALSE", "NAME"})
_TOKEN_WORDS = {"NUMBER": "number", "STRING": "string", "DQ_STRING": "string", "NAME": "name"}


def describe_token(token) -> str:
    if token.type == "$END":
        return "the end of the query"
    kind = _TOKEN_WORDS.get(token.type)
    return f"{kind} `{token.value}`" if kind else f"`{token.value}`"


def expected_phrases(expected: set[str]) -> list[str]:
    phrases = [text for names, text in _GROUPS if names & expected]
    operators = [text for names, text in _GROUPS[:_OPERATOR_GROUPS] if names & expected]
    if len(operators) >= 3:
        # After a complete value: name the operators as one, and leave out the
        # rarely meant ASC/DESC, `.` and `(` continuations.
        noise = set(operators) | {"ASC or DESC", "`.`", "`(`"}
        phrases = ["an operator"] + [p for p in phrases if p not in noise]
    return phrases


def join_alternatives(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " or " + phrases[-1]


def unexpected_token_message(error: UnexpectedToken) -> tuple[str, bool]:
    """(message, is_chained_comparison)."""
    expected = set(error.expected)
    try:  # the exact set: lark's `expected` can include terminals that default reductions would reject
        expected = set(error.interactive_parser.accepts()) or expected
    except Exception:  # noqa: BLE001 - only a refinement of the message
        pass
    token = error.token
    if token.type in _VALUE_TOKENS | {"LPAR"} and "COMPARE_OP" in expected:
        return (f"expected a comparison operator (==, !=, >, >=, <, <=) before {describe_token(token)}", False)
    if token.type == "COMPARE_OP" and "COMPARE_OP" not in expected and "_AND" in expected:
        return ("comparisons do not chain: `a < b < c` is two comparisons, write `a < b && b < c`", True)
    phrases = expected_phrases(expected)
    if token.type == "$END":
        return (f"the query ends too early: expected {join_alternatives(phrases)}", False)
    return (f"unexpected {describe_token(token)}: expected {join_alternatives(phrases)}", False)
