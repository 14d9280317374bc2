"""One table of rule metadata, filled by the modules that own the rules.

A module declares its codes with `register(RuleInfo(...))` (or `define`) at
import time. This module imports none of them: `segquery.rules.catalog`
imports every owning module and reads the complete table. A rule's code is a
`Code`: its text, carrying the rule's default severity, so a module that
reports a finding hands the severity along with the code.
"""

from __future__ import annotations

import enum

from segquery.fast_dataclass import dataclass
from segquery.severity import Severity


class Code(str):
    """A rule's code: the text itself (`"V021"`: it compares, hashes and prints as
    text) with the rule's default severity."""

    default_severity: Severity

    def __new__(cls, text: str, default_severity: Severity = Severity.ERROR) -> "Code":  # copy gives the text only
        code = super().__new__(cls, text)
        code.default_severity = default_severity
        return code


class Category(enum.Enum):
    SYNTAX = "syntax"
    VALIDATION = "validation"
    SCHEMA = "schema"
    REQUEST = "request"
    WORKSPACE = "workspace"
    CORRECTNESS = "correctness"
    STYLE = "style"
    MIGRATION = "migration"


class FixAvailability(enum.Enum):
    NONE = "none"
    SAFE = "safe"
    UNSAFE = "unsafe"
    SOMETIMES = "sometimes"


@dataclass(frozen=True)
class RuleInfo:
    """What a rule is and how it is documented.

    The docs fields are Markdown; `docs/rules.md` and `segquery rule CODE`
    are generated from them.
    """

    code: str
    name: str
    summary: str
    category: Category
    severity: Severity = Severity.ERROR
    default_enabled: bool = True
    fix: FixAvailability = FixAvailability.NONE
    what_it_does: str = ""
    why: str = ""
    example: str = ""
    use_instead: str = ""
    fix_safety: str = ""
    # The dialects the rule applies to (their names); empty: every dialect.
    dialects: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", Code(self.code, self.severity))

    def markdown(self) -> str:
        """The rule's page, as `segquery rule CODE` prints it."""
        lines = [f"# {self.code} {self.name}", "", self.summary, ""]
        lines.append(
            f"Category: {self.category.value}. Default severity: {self.severity.label}. "
            f"{'Enabled' if self.default_enabled else 'Disabled'} by default. Fix: {self.fix.value}."
            + (f" Dialects: {', '.join(self.dialects)}." if self.dialects else "")
        )
        for title, body, fenced in (
            ("What it does", self.what_it_does, False),
            ("Why is this bad?", self.why, False),
            ("Example", self.example, True),
            ("Use instead", self.use_instead, True),
            ("Fix safety", self.fix_safety, False),
        ):
            if body:
                lines += ["", f"## {title}", ""]
                lines += ["```", body.strip("\n"), "```"] if fenced else [body.strip()]
        return "\n".join(lines) + "\n"


def define(code: str, name: str, summary: str, *, category: Category, what: str, why: str,
           example: str = "", use_instead: str = "", severity: Severity = Severity.ERROR,
           fix: FixAvailability = FixAvailability.NONE, fix_safety: str = "",
           dialects: tuple[str, ...] = ()) -> Code:
    """Register a rule from keyword arguments and return its code (for modules
    that declare their codes as constants)."""
    info = register(RuleInfo(code=code, name=name, summary=summary, category=category, severity=severity, fix=fix,
                             what_it_does=what, why=why, example=example, use_instead=use_instead,
                             fix_safety=fix_safety, dialects=dialects))
    return info.code  # type: ignore[return-value]  # RuleInfo makes every code a Code


_RULES: dict[str, RuleInfo] = {}
_NAMES: dict[str, str] = {}


def register(info: RuleInfo) -> RuleInfo:
    """Add a rule's metadata; codes and names must be unique."""
    existing = _RULES.get(info.code)
    if existing is not None and existing != info:
        raise ValueError(f"rule code {info.code} registered twice")
    other = _NAMES.get(info.name)
    if other is not None and other != info.code:
        raise ValueError(f"rule name {info.name} used by {other} and {info.code}")
    _RULES[info.code] = info
    _NAMES[info.name] = info.code
    return info


def registered_rules() -> list[RuleInfo]:
    """The rules registered so far, by code (`segquery.rules.catalog.all_rules` has them all)."""
    return sorted(_RULES.values(), key=lambda rule: (rule.code[0], int(rule.code[1:]) if rule.code[1:].isdigit() else 0, rule.code))


def lookup_keys(code_or_name: str) -> tuple[str, str]:
    """What a rule is found by, from what a user wrote: its code in upper case, its name in lower case
    (the registry and the generated rule table, `segquery.rules.summary`, both look up this way)."""
    key = code_or_name.strip()
    return key.upper(), key.lower()


def find_registered(code_or_name: str) -> RuleInfo | None:
    """A registered rule by code (any case) or name (`segquery.rules.catalog.get_rule` sees them all)."""
    code, name = lookup_keys(code_or_name)
    rule = _RULES.get(code)
    if rule is None and name in _NAMES:
        rule = _RULES[_NAMES[name]]
    return rule


def default_severity(code: str) -> Severity:
    """The severity a finding of `code` has unless configured otherwise: the code's own, or, for a
    code given as plain text, the registered rule's."""
    if isinstance(code, Code):
        return code.default_severity
    rule = _RULES.get(code)
    return rule.severity if rule is not None else Severity.ERROR
