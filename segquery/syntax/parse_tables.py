"""What the lean LALR driver runs: a grammar's parse table, lexer patterns and reductions
as plain data, and the tables of the bundled dialects written ahead of time.

lark compiles the grammar file into its parse table and lexers; reading them out of a
Lark object (segquery/syntax/lark_tables.py) needs lark, and building or loading that
object costs more than a whole check of a small file. The tables of the bundled dialects
are therefore generated into segquery/syntax/tables/ by `python tools/gen_parse_tables.py`.
Each module keeps the grammar text and lark version it was made from: when either differs
from what is installed now (an edited grammar, another lark), `prebuilt_tables` returns None
and the caller builds the tables from lark, which stays the reference.
tests/syntax/test_parse_tables.py fails when a generated module is stale.
"""

from __future__ import annotations

import importlib
import re
import sys
from importlib.machinery import PathFinder
from typing import NamedTuple

from segquery.syntax.dialect import Dialect

# The layout of the generated modules: a change to ParseTables or RuleShape bumps it.
FORMAT = 1
_VERSION = re.compile(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.MULTILINE)


class RuleShape(NamedTuple):
    """One grammar rule, as lark's tree builder treats it."""

    size: int                 # symbols it reduces
    origin: str               # the rule's name (the parser's goto after the reduction)
    callback: str             # the transformer method named after it (alias, template or name)
    inlined: bool             # `_rule` or lark's repetition: its parent splices its children in
    expand_single: bool       # `?rule`: one child is handed up as it is
    picks: tuple[int, ...] | None                        # the children are these symbols
    include: tuple[tuple[int, bool, int], ...] | None    # or lark's filter: (index, splice, Nones before)
    trailing: int                                        # Nones after the last child


class ParseTables(NamedTuple):
    """Everything the driver reads from lark, with the parser's states numbered in a fixed
    order (lark's own numbering changes from one process to the next)."""

    start_state: int
    end_state: int
    # Per state: by symbol, the state to shift to (>= 0) or ~index of the rule to reduce (< 0).
    actions: tuple[dict[str, int], ...]
    rules: tuple[RuleShape, ...]
    terminals: tuple[str, ...]
    dropped: tuple[str, ...]          # terminals no rule keeps: pushed as their text
    ignore: tuple[str, ...]
    callback_terminals: tuple[str, ...]   # the ignored terminals whose tokens go to a callback
    flags: int                        # the grammar's regular expression flags
    # Per distinct lexer: its pattern and its retypings (terminal, the string terminals'
    # alternation a match of it is tried against); None where the driver cannot run it.
    lexers: tuple[tuple[str, tuple[tuple[str, str], ...]] | None, ...]
    state_lexers: tuple[int, ...]     # per state, the index of its lexer


def prebuilt_tables(dialect: Dialect, grammar: str) -> ParseTables | None:
    """The generated tables of `dialect`, when they were made from `grammar` (its full text)
    with the lark installed now; None otherwise."""
    if not dialect.name.isidentifier():
        return None
    try:
        module = importlib.import_module(f"segquery.syntax.tables.{dialect.name}")
    except ImportError:
        return None
    if getattr(module, "FORMAT", None) != FORMAT or module.GRAMMAR != grammar \
            or module.LARK_VERSION != installed_lark_version():
        return None
    tables: ParseTables = module.TABLES
    return tables


def installed_lark_version() -> str | None:
    """lark's version, read from its package without importing it (importing lark is what
    the generated tables save)."""
    loaded = sys.modules.get("lark")
    if loaded is not None:
        return getattr(loaded, "__version__", None)
    spec = PathFinder.find_spec("lark")
    if spec is None or spec.origin is None:
        return None
    try:
        with open(spec.origin, encoding="utf-8") as file:
            found = _VERSION.search(file.read())
    except OSError:
        return None
    return found.group(1) if found else None
