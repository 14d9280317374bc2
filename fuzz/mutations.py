"""Grammar-aware mutation of the example queries and request bodies.

Most mutations work on tokens (the language's own tokenizer splits the text,
white space and comments included), so the result stays close to a query and
reaches deep into the parser, the validator, the linter and the formatter.
Byte-level mutations run at a lower rate for what tokens cannot express.
Everything is drawn from one `random.Random`, so an input is reproducible
from the seed it was made with.
"""

from __future__ import annotations

import json
import random
from typing import Callable

from fuzz.corpus import COMMENTS, Corpus
from segquery.syntax.tokens import tokenize

MAX_TEXT_CHARS = 256 * 1024
WHITESPACE = (" ", "", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\f", " \r\n  ", "\u00a0", "\u200b", "\ufeff",
              "\u2028", "\u3000", "\v")
ODD_CHARACTERS = ("\u00a0", "\u200b", "\ufeff", "\u2018", "\u2019", "\u201c", "\u201d", "\u2028", "\u00e9",
                  "\u0000", "\x7f", "\ud800", "\U0001f600", "\\", "'", '"', "`", ";", "=", "$", "#", "{", "}",
                  "[", "]", "@")
TYPOGRAPHIC_QUOTES = {"'": ("\u2018", "\u2019", "\u00b4"), '"': ("\u201c", "\u201d")}

Pieces = list[str]


def pieces(text: str) -> Pieces:
    """The text as a list of token texts (white space and comments are tokens too)."""
    return [token.text for token in tokenize(text)]


def _position(rng: random.Random, items: list) -> int:
    return rng.randrange(len(items) + 1)


def _index(rng: random.Random, items: list) -> int | None:
    return rng.randrange(len(items)) if items else None


def _significant(items: Pieces) -> list[int]:
    return [i for i, item in enumerate(items) if item.strip(" \t\r\n\f")]


class Mutator:
    """Makes one mutated input from the corpus and a random source."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.query_pieces = [pieces(text) for text in corpus.queries]
        self.token_mutations: list[tuple[str, int, Callable[[random.Random, Pieces], Pieces]]] = [
            ("insert-token", 6, self._insert_token),
            ("delete-token", 5, self._delete_token),
            ("duplicate-token", 3, self._duplicate_token),
            ("swap-tokens", 3, self._swap_tokens),
            ("replace-token", 6, self._replace_token),
            ("splice-example", 4, self._splice),
            ("join-set-operator", 2, self._join_set_operator),
            ("glue-tokens", 4, self._glue),
            ("change-space", 4, self._change_space),
            ("line-endings", 2, self._line_endings),
            ("unicode-character", 3, self._unicode_character),
            ("typographic-quote", 2, self._typographic_quote),
            ("deep-nesting", 2, self._deep_nesting),
            ("huge-number", 2, self._huge_number),
            ("long-line", 1, self._long_line),
            ("repeat-range", 2, self._repeat_range),
            ("change-case", 2, self._change_case),
            ("comment", 3, self._comment),
            ("truncate", 2, self._truncate),
        ]
        self._weights = [weight for _, weight, _ in self.token_mutations]

    # ------------------------------------------------------------ inputs

    def query(self, rng: random.Random) -> tuple[str, list[str]]:
        """A mutated query text and the names of the mutations applied."""
        items = list(rng.choice(self.query_pieces))
        applied = []
        for _ in range(1 + min(int(rng.expovariate(1.6)), 7)):
            if rng.random() < 0.08:
                text, name = self._bytes(rng, "".join(items))
                items, applied = pieces(text), applied + [name]
                continue
            name, _, mutate = rng.choices(self.token_mutations, weights=self._weights)[0]
            items = mutate(rng, items)
            applied.append(name)
        return "".join(items)[:MAX_TEXT_CHARS], applied

    def request(self, rng: random.Random) -> tuple[str, str, list[str]]:
        """A mutated request body: (file suffix, text, mutations applied)."""
        suffix, text = rng.choice(self.corpus.requests)
        choice = rng.random()
        if choice < 0.45:
            text, applied = self._mutate_json_strings(rng, text), ["query-in-request"]
        elif choice < 0.7 and suffix == ".json":
            text, applied = self._mutate_json_value(rng, text), ["json-value"]
        elif choice < 0.9:
            items = pieces(text)
            name, _, mutate = rng.choices(self.token_mutations, weights=self._weights)[0]
            text, applied = "".join(mutate(rng, items)), [name]
        else:
            text, name = self._bytes(rng, text)
            applied = [name]
        return suffix, text[:MAX_TEXT_CHARS], applied

    # ------------------------------------------------------------ token mutations

    def _token(self, rng: random.Random) -> str:
        return rng.choice(self.corpus.vocabulary)

    def _insert_token(self, rng, items):
        where = _position(rng, items)
        token = self._token(rng)
        spaced = rng.random() < 0.6
        return items[:where] + ([" ", token, " "] if spaced else [token]) + items[where:]

    def _delete_token(self, rng, items):
        significant = _significant(items)
        if not significant:
            return items
        index = rng.choice(significant)
        return items[:index] + items[index + 1:]

    def _duplicate_token(self, rng, items):
        index = _index(rng, items)
        return items if index is None else items[:index + 1] + [items[index]] + items[index + 1:]

    def _swap_tokens(self, rng, items):
        significant = _significant(items)
        if len(significant) < 2:
            return items
        first, second = rng.sample(significant, 2)
        items = list(items)
        items[first], items[second] = items[second], items[first]
        return items

    def _replace_token(self, rng, items):
        significant = _significant(items)
        if not significant:
            return items
        items = list(items)
        items[rng.choice(significant)] = self._token(rng)
        return items

    def _splice(self, rng, items):
        """Replace a run of tokens with a run taken from another example."""
        donor = rng.choice(self.query_pieces)
        if not donor:
            return items
        start = rng.randrange(len(donor))
        piece = donor[start:start + rng.randint(1, 30)]
        where = _position(rng, items)
        cut = where + rng.randint(0, 20) if rng.random() < 0.7 else where
        return items[:where] + piece + items[cut:]

    def _join_set_operator(self, rng, items):
        """`<this> UNION <another example>` (or INTERSECT, EXCEPT, MINUS, a typo...)."""
        operator = rng.choice(("UNION", "INTERSECT", "EXCEPT", "MINUS", "union", ".UNION(", "UNIONS", "&&"))
        donor = rng.choice(self.query_pieces)
        return items + [rng.choice(WHITESPACE), operator, rng.choice(WHITESPACE)] + donor

    def _glue(self, rng, items):
        """Remove the white space between a word and the next token (`OR ISNULL` -> `ORISNULL`)."""
        candidates = [i for i in range(1, len(items) - 1)
                      if not items[i].strip() and items[i - 1][:1].isalnum() and items[i + 1][:1].isalnum()]
        if not candidates:
            candidates = [i for i, item in enumerate(items) if not item.strip()]
        if not candidates:
            return items
        index = rng.choice(candidates)
        return items[:index] + items[index + 1:]

    def _change_space(self, rng, items):
        spaces = [i for i, item in enumerate(items) if not item.strip(" \t\r\n\f")]
        items = list(items)
        if spaces and rng.random() < 0.7:
            items[rng.choice(spaces)] = rng.choice(WHITESPACE) * rng.choice((1, 1, 2, 40, 2000))
        else:
            where = _position(rng, items)
            items.insert(where, rng.choice(WHITESPACE))
        return items

    def _line_endings(self, rng, items):
        ending = rng.choice(("\r\n", "\r", "\n", "\n\r"))
        text = "".join(items).replace("\r\n", "\n")
        if rng.random() < 0.5:
            return pieces(text.replace("\n", ending))
        lines = text.split("\n")
        return pieces("".join(line + rng.choice(("\r\n", "\r", "\n")) for line in lines[:-1]) + lines[-1])

    def _unicode_character(self, rng, items):
        text = "".join(items)
        where = 0 if rng.random() < 0.15 else rng.randint(0, len(text))
        return pieces(text[:where] + rng.choice(ODD_CHARACTERS) + text[where:])

    def _typographic_quote(self, rng, items):
        strings = [i for i, item in enumerate(items) if item[:1] in TYPOGRAPHIC_QUOTES]
        if not strings:
            return self._unicode_character(rng, items)
        items = list(items)
        index = rng.choice(strings)
        token = items[index]
        quotes = TYPOGRAPHIC_QUOTES[token[0]]
        opening, closing = rng.choice(quotes), rng.choice(quotes)
        items[index] = opening + token[1:-1] + (closing if rng.random() < 0.8 else token[-1])
        return items

    def _deep_nesting(self, rng, items):
        """Wrap a run of tokens in many parentheses (or NOT(...)): the parser's depth limits."""
        depth = rng.choice((10, 63, 64, 65, 100, 300, 1000, 3000))
        significant = _significant(items)
        if not significant:
            return items
        start = rng.choice(significant)
        end = min(len(items), start + rng.randint(1, 12))
        opening, closing = rng.choice((("(", ")"), ("NOT(", ")"), ("PROFILE(", ")"), ("(", ""), ("", ")")))
        return items[:start] + [opening * depth] + items[start:end] + [closing * depth] + items[end:]

    def _huge_number(self, rng, items):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.choice((20, 400, 4300, 4301, 5000))))
        number = rng.choice((digits, "1" + digits, digits + "." + digits[:50], "0." + digits, "-" + digits))
        numbers = [i for i, item in enumerate(items) if item[:1].isdigit()]
        items = list(items)
        if numbers:
            items[rng.choice(numbers)] = number
        else:
            items.insert(_position(rng, items), number)
        return items

    def _long_line(self, rng, items):
        size = rng.choice((200, 2000, 20000, 100000))
        filler = rng.choice((" ", "a", "_", "x == 1 && ", "' ", "/* */", "'\\", "(", "."))
        return items[:(where := _position(rng, items))] + [filler * (size // len(filler))] + items[where:]

    def _repeat_range(self, rng, items):
        """Repeat a run of tokens (long `&&` chains, many UNION operands, many arguments)."""
        significant = _significant(items)
        if not significant:
            return items
        start = rng.choice(significant)
        run = items[start:start + rng.randint(1, 8)]
        return items[:start] + run * rng.choice((2, 3, 10, 100, 1000)) + items[start:]

    def _change_case(self, rng, items):
        words = [i for i, item in enumerate(items) if item[:1].isalpha()]
        if not words:
            return items
        items = list(items)
        index = rng.choice(words)
        items[index] = rng.choice((str.lower, str.upper, str.title, str.swapcase))(items[index])
        return items

    def _comment(self, rng, items):
        comment = rng.choice(COMMENTS)
        ending = rng.choice(("\n", "\r\n", "\r", ""))
        where = _position(rng, items)
        return items[:where] + [comment + ending] + items[where:]

    def _truncate(self, rng, items):
        text = "".join(items)
        return pieces(text[:rng.randint(0, len(text))]) if text else items

    # ------------------------------------------------------------ bytes and requests

    def _bytes(self, rng: random.Random, text: str) -> tuple[str, str]:
        """Flip, insert or delete raw bytes of the UTF-8 text (decoded leniently)."""
        data = bytearray(text.encode("utf-8", errors="surrogatepass"))
        for _ in range(rng.randint(1, 4)):
            where = rng.randint(0, len(data))
            action = rng.randrange(3)
            if action == 0 and where < len(data):
                data[where] ^= 1 << rng.randrange(8)
            elif action == 1:
                data[where:where] = bytes([rng.randrange(256)])
            elif where < len(data):
                del data[where]
        decoding = rng.choice(("utf-8", "latin-1", "surrogateescape"))
        if decoding == "surrogateescape":
            return bytes(data).decode("utf-8", errors="surrogateescape"), "bytes"
        return bytes(data).decode(decoding, errors="replace"), "bytes"

    def _mutate_json_strings(self, rng: random.Random, text: str) -> str:
        """Replace each query string in the body with a mutated query (JSON-escaped)."""
        marker = '"msdyncrm_segmentquery"'
        start = text.find(marker)
        if start == -1:
            return text
        value_start = text.find('"', start + len(marker) + 1)
        value_end = value_start + 1
        while 0 < value_end < len(text) and text[value_end] != '"':
            value_end += 2 if text[value_end] == "\\" else 1
        query, _ = self.query(rng)
        return text[:value_start] + json.dumps(query, ensure_ascii=rng.random() < 0.5) + text[value_end + 1:]

    def _mutate_json_value(self, rng: random.Random, text: str) -> str:
        """Change one value of a parsed JSON body: types, nesting, numbers, keys."""
        try:
            value = json.loads(text)
        except ValueError:
            return text
        if not isinstance(value, dict) or not value:
            return text
        key = rng.choice(sorted(value))
        replacement = rng.choice((None, True, 0, -1, 2 ** 70, 1e308, "", "x" * 5000, [], {}, [value.get(key)],
                                  {"nested": value.get(key)}, "\ud800", 192350000, 192350006, "192350000"))
        action = rng.randrange(4)
        if action == 0:
            value[key] = replacement
        elif action == 1:
            del value[key]
        elif action == 2:
            value[key.upper() if rng.random() < 0.5 else key + "x"] = replacement
        else:
            nested = value.get(key)
            for _ in range(rng.choice((10, 100, 2000))):
                nested = [nested]
            value[key] = nested
        try:
            return json.dumps(value, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 2)))
        except (ValueError, RecursionError):
            return text

