"""The seeds the campaign mutates: the bundled example queries and request
bodies, and the token vocabulary of the language (from the dialect and from
the examples themselves)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from segquery.syntax.dialect import DATE_PARTS, SET_OPERATOR_WORDS
from segquery.config import ConfigFinder
from segquery.syntax.dialects import DEFAULT_DIALECT, DIALECTS
from segquery.syntax.tokens import KEYWORDS, Token, TokenKind, tokenize

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
QUERY_GLOB = "**/*.segq"
REQUEST_GLOBS = ("requests/**/*.json", "requests/**/*.http", "workspace/*.json")

OPERATORS = ("==", "!=", ">=", "<=", ">", "<", "&&", "||", "+", "-", "*", "/", "=", "!", "&", "|")
PUNCTUATION = ("(", ")", ",", ".", "((", "))", "()", ".FILTER(", ".TRAVERSE(", ".HAVING(", ".RELATE(", "[]")
LITERALS = ("0", "1", "-1", "3.5", "''", "'a'", "'Seattle'", '"x"', "'it\\'s'", "TRUE", "FALSE", "NULL")
COMMENTS = ("// note", "/* block */", "/* open", "//", "// segquery: ignore[L001]",
            "// segquery: ignore-file[L011]", "// segquery: kind=static", "// segquery: kind=compound",
            "// segquery: a x", "/* multi\nline */", "// segquery: dialect = realtime",
            "// segquery: dialect = outbound", "// segquery: dialect = auto")


@dataclass(frozen=True)
class Corpus:
    """Seed texts and the words mutations draw from."""

    queries: tuple[str, ...]
    requests: tuple[tuple[str, str], ...]      # (file suffix, text)
    vocabulary: tuple[str, ...]                # every token a mutation may insert
    names: tuple[str, ...]                     # identifiers seen in the examples (for renames)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def language_words() -> list[str]:
    """Keywords, function and date-part names, operators, punctuation and literals."""
    functions = dict.fromkeys(name for dialect in DIALECTS.values() for name in dialect.functions)
    words = sorted(KEYWORDS) + list(functions) + list(DATE_PARTS) + ["IN", "in", "IN [", "[", "]"]
    words += list(SET_OPERATOR_WORDS) + [word.lower() for word in SET_OPERATOR_WORDS]
    return words + list(OPERATORS) + list(PUNCTUATION) + list(LITERALS) + list(COMMENTS)


def significant_tokens(text: str) -> list[Token]:
    return [token for token in tokenize(text) if token.kind is not TokenKind.WHITESPACE]


def _query_seed(path: Path, finder: ConfigFinder) -> str:
    """An example's text, with a dialect directive when its configuration reads it in another
    dialect than the default (the oracles read a text's dialect from its directive)."""
    text = _read(path)
    setting = finder.for_path(path).dialect_for(path)
    if setting != DEFAULT_DIALECT.name and "segquery: dialect" not in text:
        text = f"// segquery: dialect = {setting}\n{text}"
    return text


def load_corpus(root: Path = EXAMPLES) -> Corpus:
    """Read the examples below `root` (sorted, so a seed means the same everywhere)."""
    finder = ConfigFinder()
    queries = tuple(_query_seed(path, finder) for path in sorted(root.glob(QUERY_GLOB)))
    request_paths = sorted({path for pattern in REQUEST_GLOBS for path in root.glob(pattern)})
    requests = tuple((path.suffix, _read(path)) for path in request_paths)
    seen: dict[str, None] = dict.fromkeys(language_words())
    names: dict[str, None] = {}
    for text in queries:
        for token in significant_tokens(text):
            seen.setdefault(token.text)
            if token.kind is TokenKind.WORD and token.text.upper() not in KEYWORDS:
                names.setdefault(token.text)
    return Corpus(queries, requests, tuple(seen), tuple(names))
