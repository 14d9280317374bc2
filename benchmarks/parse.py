"""Parse speed, with its anchors measured in the same run.

    PYTHONPATH=$PWD python benchmarks/parse.py [--before DIR] [--earley-seconds 20] [--no-tools] [--breakdown]

- the floor: one compiled regular expression that only finds the tokens of the
  same queries (`re.finditer`, no token objects);
- segquery: `parse_uncached` (text to typed tree and diagnostics);
- lark's Earley parser on the same grammar;
- when installed (`pip install segquery[benchmark]`): sqlfluff linting 200 of the
  queries translated to SQL, and ruff checking 10,000 small Python files.

The machine may be shared, so floor and parser are timed in turns over chunks
of 50 queries, in CPU time of this process, keeping the best of several turns
per chunk: the ratio to the floor is the figure to compare. `--before DIR`
runs the same measurement on another checkout (for example
`git worktree add /tmp/before main`) in a child process of this run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from anchors import tool_anchors  # noqa: E402
from corpus import long_or_chain, realistic_corpus  # noqa: E402

# The floor: every token of the language (white space, comments, strings, numbers,
# words, operators, punctuation) in one alternation, matched and dropped.
FLOOR_PATTERN = re.compile(r"""
  [ \t\r\n\f]+ | //[^\r\n]* | /\*.*?\*/
| '(?:[^'\\\r\n]|\\[^\r\n])*' | "(?:[^"\\\r\n]|\\[^\r\n])*"
| [0-9]+(?:\.[0-9]+)? | [A-Za-z_][A-Za-z0-9_]*
| == | != | >= | <= | && | \|\| | [<>+\-*/(),.\[\]]
""", re.X | re.S)
SPACE = re.compile(r"[ \t\r\n\f]+")


def floor(text: str) -> None:
    for _ in FLOOR_PATTERN.finditer(text):
        pass


def token_count(texts: list[str]) -> int:
    return sum(1 for text in texts for match in FLOOR_PATTERN.finditer(text) if not SPACE.fullmatch(match.group()))


def timed_in_turns(functions: dict[str, Callable[[str], object]], texts: list[str], *, turns: int = 5,
                   chunk: int = 50) -> dict[str, float]:
    """CPU seconds of each function over all texts: per chunk, the best of `turns` turns
    taken one function after the other, so load on the machine hits each alike."""
    total = dict.fromkeys(functions, 0.0)
    for first in range(0, len(texts), chunk):
        part = texts[first:first + chunk]
        best = dict.fromkeys(functions, float("inf"))
        for _ in range(turns):
            for name, function in functions.items():
                start = time.process_time()
                for text in part:
                    function(text)
                best[name] = min(best[name], time.process_time() - start)
        for name in total:
            total[name] += best[name]
    return total


def measure(texts: list[str], turns: int) -> dict[str, float]:
    """Seconds of the floor and of segquery's parser over `texts` (the tree on the path is measured)."""
    from segquery.syntax.grammar import lalr_parser
    from segquery.syntax.parser import parse_uncached

    lalr_parser()  # build (or load) the parser before timing
    for text in texts[:50]:
        assert parse_uncached(text).query is not None, text
    return timed_in_turns({"floor": floor, "segquery": parse_uncached}, texts, turns=turns)


def line(name: str, texts: list[str], tokens: int, seconds: float) -> str:
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    return (f"  {name:<30} {len(texts) / seconds:>11,.0f} queries/s {megabytes / seconds:>7.2f} MB/s "
            f"{tokens / seconds:>12,.0f} tokens/s")


def earley_rate(texts: list[str], budget: float) -> tuple[int, float] | None:
    """Queries parsed by Earley within the budget and their seconds (it is far slower)."""
    from segquery.syntax.grammar import earley_parser

    parser = earley_parser()
    done, start = 0, time.process_time()
    for text in texts:
        if time.process_time() - start > budget:
            break
        parser.parse(text)
        done += 1
    return (done, time.process_time() - start) if done else None


def earley_anchor(texts: list[str], tokens: int, parse_seconds: float, budget: float) -> None:
    """Earley's rate, on as many queries as fit the budget (for one long query, on a
    50 kB one of the same shape: Earley takes minutes on the 1 MB one), as a ratio."""
    sample = texts if len(texts) > 1 else [long_or_chain(50_000)]
    earley = earley_rate(sample, budget)
    if earley is None:
        print("  lark Earley: not one query within the budget")
        return
    done, seconds = earley
    parsed = sample[:done]
    print(line(f"lark Earley ({done} of {len(sample)}{'' if len(texts) > 1 else ', 50 kB'})", parsed,
               token_count(parsed), seconds))
    earley_bytes = sum(len(text) for text in parsed) / seconds
    parse_bytes = sum(len(text) for text in texts) / parse_seconds
    print(f"  ratio segquery / Earley: {parse_bytes / earley_bytes:,.0f}x faster (bytes per second)")


def breakdown(texts: list[str], turns: int) -> None:
    """Where the time goes: the driver with callbacks that build nothing, lark's own LALR
    building its generic tree (and with lark-cython, when installed), and the typed tree's
    constructors alone (every node and span one parse makes, replayed)."""
    from lark import Lark

    from segquery.source import Span
    from segquery.syntax import ast, builder
    from segquery.syntax.grammar import LEXER_CALLBACKS, grammar_text, lalr_parser
    from segquery.syntax.lalr_driver import LalrDriver
    from segquery.syntax.lark_tables import tables_from_lark
    from segquery.syntax.parser import parse_uncached

    class NoOp:
        def __getattr__(self, name: str):
            if name.startswith("__") or name.isupper():
                raise AttributeError(name)
            return tuple

    no_op_driver = LalrDriver(tables_from_lark(lalr_parser()), NoOp(), LEXER_CALLBACKS)
    functions: dict[str, Callable[[str], object]] = {
        "floor": floor, "segquery": parse_uncached, "driver, no-op callbacks": no_op_driver.parse,
        "lark LALR, generic tree": Lark(grammar_text(), parser="lalr", maybe_placeholders=True).parse}
    try:
        import lark_cython

        functions["lark-cython, generic tree"] = Lark(grammar_text(), parser="lalr", maybe_placeholders=True,
                                                      _plugins=lark_cython.plugins).parse
    except ImportError:
        pass
    seconds = timed_in_turns(functions, texts, turns=turns)
    print("\nwhere the time goes (same corpus, ratio to the floor)")
    for name, value in list(seconds.items())[1:]:
        print(f"  {name:<30} 1/{value / seconds['floor']:.1f}")
    made: list[tuple[Callable, tuple, dict]] = []

    def recording(make: Callable) -> Callable:
        def record(*args, **keywords):
            made.append((make, args, keywords))
            return make(*args, **keywords)
        return record

    # The builder's constructors (segquery/syntax/construct.py), and __init__ for nodes made otherwise.
    constructors = (builder.new, builder.new_span, builder.new_raw_call)
    builder.new = SimpleNamespace(**{name: recording(make) for name, make in vars(builder.new).items()})
    builder.new_span, builder.new_raw_call = recording(builder.new_span), recording(builder.new_raw_call)
    kinds = [kind for kind in vars(ast).values() if isinstance(kind, type) and issubclass(kind, ast.Node)]
    originals = {kind: kind.__init__ for kind in kinds + [Span, builder.RawCall]}
    for kind, init in originals.items():
        def record_init(self, *args, __init=init, __kind=kind, **keywords):
            made.append((__kind, args, keywords))
            __init(self, *args, **keywords)
        kind.__init__ = record_init  # type: ignore[method-assign]
    try:
        for text in texts:
            parse_uncached(text)
    finally:
        builder.new, builder.new_span, builder.new_raw_call = constructors
        for kind, init in originals.items():
            kind.__init__ = init  # type: ignore[method-assign]
    def replay(nothing: bool) -> float:
        """Seconds to make every recorded node again (or to call a function that makes nothing
        with the same arguments: the replay's own cost, taken off)."""
        best = float("inf")
        for _ in range(turns):
            start = time.process_time()
            if nothing:
                for _make, args, keywords in made:
                    _nothing(*args, **keywords)
            else:
                for make, args, keywords in made:
                    make(*args, **keywords)
            best = min(best, time.process_time() - start)
        return best

    net = replay(nothing=False) - replay(nothing=True)
    print(f"  {'typed tree constructors alone':<30} 1/{net / seconds['floor']:.1f}   "
          f"({len(made) / len(texts):.0f} nodes and spans per query; the replay's own calls taken off)")


def _nothing(*args: object, **keywords: object) -> None:
    return None


def run_before(before: Path, turns: int) -> dict[str, dict[str, float]]:
    """The same measurement on another checkout, in a child process importing it."""
    environment = dict(os.environ, PYTHONPATH=str(before))
    completed = subprocess.run([sys.executable, __file__, "--worker", "--turns", str(turns)], env=environment,
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def workloads() -> dict[str, list[str]]:
    return {"1,000 realistic queries": realistic_corpus(1000), "one 1 MB query (long || chain)": [long_or_chain()]}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    options.add_argument("--earley-seconds", type=float, default=20.0, help="CPU budget for Earley per workload")
    options.add_argument("--turns", type=int, default=5, help="turns per chunk; the best is kept")
    options.add_argument("--no-tools", action="store_true", help="skip sqlfluff and ruff")
    options.add_argument("--breakdown", action="store_true", help="also show where the parse time goes")
    options.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.worker:
        print(json.dumps({title: measure(texts, args.turns) for title, texts in workloads().items()}))
        return
    print(f"load average {', '.join(f'{load:.2f}' for load in os.getloadavg())}; CPU time of this process")
    before = run_before(args.before, args.turns) if args.before else None
    for title, texts in workloads().items():
        tokens = token_count(texts)
        size = sum(len(text) for text in texts) / 1e6
        print(f"\n{title} ({size:.2f} MB, {tokens:,} tokens)")
        seconds = measure(texts, args.turns)
        print(line("regex floor (one finditer)", texts, tokens, seconds["floor"]))
        print(line("segquery", texts, tokens, seconds["segquery"]))
        print(f"  ratio segquery / floor: 1/{seconds['segquery'] / seconds['floor']:.1f}   (target: 1/8 or better)")
        if before is not None:
            then = before[title]
            print(line(f"before ({args.before})", texts, tokens, then["segquery"]))
            print(f"  ratio before / floor: 1/{then['segquery'] / then['floor']:.1f}  (its own floor: "
                  f"{len(texts) / then['floor']:,.0f} queries/s); now "
                  f"{(then['segquery'] / then['floor']) / (seconds['segquery'] / seconds['floor']):.2f}x faster")
        earley_anchor(texts, tokens, seconds["segquery"], args.earley_seconds)
        if len(texts) > 1 and not args.no_tools:
            tool_anchors(texts, len(texts) / seconds["segquery"])
    if args.breakdown:
        breakdown(workloads()["1,000 realistic queries"], args.turns)
    print(f"\nload average {', '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
