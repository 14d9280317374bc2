"""Loads the grammar (from the installed package or the source tree), builds the lark
parser once per dialect, with lark's on-disk cache, and the lean driver over its tables
(generated ahead of time for the bundled dialects: a text without an error is parsed
without importing lark)."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from segquery.package_data import read_package_text
from segquery.syntax.builder import AstBuilder, CURRENT
from segquery.syntax.dialect import Dialect
from segquery.syntax.lalr_driver import LalrDriver, Unsupported
from segquery.syntax.outbound import OUTBOUND
from segquery.syntax.parse_tables import prebuilt_tables

if TYPE_CHECKING:
    from lark import Lark


def grammar_text(dialect: Dialect = OUTBOUND) -> str:
    """The dialect's grammar: its grammar file (shipped inside the wheel as
    segquery/_grammar, read from grammar/ in a source checkout) and the rules
    the dialect adds to it."""
    try:
        text = read_package_text("segquery", f"_grammar/{dialect.grammar_file}")
    except OSError:
        text = (Path(__file__).resolve().parents[2] / "grammar" / dialect.grammar_file).read_text(encoding="utf-8")
    return text + ("\n" + dialect.grammar_extension if dialect.grammar_extension else "")


def _collect_comment(token) -> None:
    from segquery.source import Span
    from segquery.syntax.ast import Comment

    context = CURRENT.get(None)
    if context is not None:
        context.comments.append(Comment(text=token.value, span=Span(token.start_pos, token.end_pos)))


# The lexer callbacks of the parse (lark's and the driver's alike).
LEXER_CALLBACKS = {"COMMENT": _collect_comment}


def _cache_path(dialect: Dialect) -> str | None:
    """A per-user cache file for the compiled grammar, or None when there is no
    private place for it. lark's cache is a pickle, so it must never live where
    another user could write it (such as a shared temporary directory)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "segquery"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if hasattr(os, "getuid") and folder.stat().st_uid != os.getuid():
            return None
    except OSError:
        return None
    return str(folder / f"{dialect.name}-grammar.lark.cache")


@functools.lru_cache(maxsize=None)
def lalr_parser(dialect: Dialect = OUTBOUND) -> Lark:
    """The LALR parser that builds the AST while it parses."""
    from lark import Lark

    options = dict(parser="lalr", lexer="contextual", transformer=AstBuilder(), maybe_placeholders=True,
                   lexer_callbacks=LEXER_CALLBACKS)
    cache = _cache_path(dialect)
    if cache is not None:
        try:
            return Lark(grammar_text(dialect), cache=cache, **options)
        except OSError:  # a read-only or full cache folder: build without the cache
            pass
    return Lark(grammar_text(dialect), **options)


@functools.lru_cache(maxsize=None)
def lalr_driver(dialect: Dialect = OUTBOUND) -> LalrDriver | None:
    """The lean driver over the LALR parser's tables, which parses texts without errors
    (None when the dialect's grammar uses a lark feature the driver does not run)."""
    try:
        tables = prebuilt_tables(dialect, grammar_text(dialect))
        if tables is None:
            from segquery.syntax.lark_tables import tables_from_lark

            tables = tables_from_lark(lalr_parser(dialect))
        return LalrDriver(tables, AstBuilder(), LEXER_CALLBACKS)
    except (Unsupported, AttributeError):  # AttributeError: a lark release whose internals moved
        return None


@functools.lru_cache(maxsize=None)
def earley_parser(dialect: Dialect = OUTBOUND) -> Lark:
    """The same grammar with lark's Earley parser (benchmarks compare against it)."""
    from lark import Lark

    return Lark(grammar_text(dialect), parser="earley", lexer="dynamic")
