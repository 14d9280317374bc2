"""Which rules are reported: rule selectors (`L`, `L001`, `ALL`), the
select / extend-select / ignore layers, and configured severities."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from segquery.diagnostics import Severity
from segquery.suggest import did_you_mean

if TYPE_CHECKING:
    from segquery.config.model import Config


def selector_problem(selector: str) -> str | None:
    """Why a rule selector is invalid (with the closest valid code), or None."""
    from segquery.rules.summary import SUMMARIES

    value = selector.strip().upper()
    if value == "ALL":
        return None
    codes = [rule.code for rule in SUMMARIES]
    if value and any(code.startswith(value) for code in codes):
        return None
    names = {rule.name: rule.code for rule in SUMMARIES}
    if selector.strip().lower() in names:
        return f"`{selector}` is a rule name; select rules by code: `{names[selector.strip().lower()]}`"
    suggestion = did_you_mean(value, codes)
    hint = f"; did you mean `{suggestion}`?" if suggestion else ""
    return f"`{selector}` is not a rule code or a prefix of one{hint}"


def resolve_selection(layers: Iterable[tuple[tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]],
                      codes: Iterable[tuple[str, bool]]) -> frozenset[str]:
    """The enabled codes after applying (select, extend-select, ignore) layers in order.

    Starts from the codes enabled by default. A layer with `select` starts
    over from it; within a layer the more specific selector wins (`L0` with
    `ignore = ["L001"]` keeps L001 off), and at equal specificity `ignore` wins.
    """
    all_codes = [code for code, _ in codes]
    enabled = {code for code, default in codes if default}
    for select, extend_select, ignore in layers:
        entries: list[tuple[int, int, str]] = []
        if select is not None:
            enabled = set()
            entries += [(_specificity(s), 0, s) for s in select]
        entries += [(_specificity(s), 0, s) for s in extend_select]
        entries += [(_specificity(s), 1, s) for s in ignore]
        for _, removing, selector in sorted(entries):
            matched = [code for code in all_codes if selector == "ALL" or code.startswith(selector)]
            if removing:
                enabled.difference_update(matched)
            else:
                enabled.update(matched)
    return frozenset(enabled)


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


def severity_override(config: Config, code: str) -> Severity | None:
    """The severity the most specific matching `severity` entry gives a code."""
    best: tuple[int, Severity] | None = None
    for selector, level in config.severity:
        if selector == "ALL" or code.startswith(selector):
            specificity = _specificity(selector)
            if best is None or specificity >= best[0]:
                best = (specificity, level)
    return best[1] if best else None
