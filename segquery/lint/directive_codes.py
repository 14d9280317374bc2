"""The findings about `// segquery:` directives (L100-L102), registered with the
lint rules; `segquery.lint.suppression` reads the directives and reports them."""

from segquery.rules.registry import Category, FixAvailability, RuleInfo, register
from segquery.severity import Severity

INVALID_SUPPRESSION = register(RuleInfo(
    code="L100", name="invalid-suppression", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="An ignore directive names a code that does not exist or cannot be suppressed.",
    what_it_does="Checks every code in `// segquery: ignore[...]` and `// segquery: ignore-file[...]` "
                 "against the rule table, suggesting the closest code or name for a typo. Codes of syntax "
                 "errors (S...) and E001 are reported too: they cannot be suppressed.",
    why="A misspelt code suppresses nothing, so the finding it was meant for stays, or worse, the directive "
        "looks like it documents an exception that is not in force.",
    example="PROFILE(contact) // segquery: ignore[L0001]",
    use_instead="PROFILE(contact) // segquery: ignore[L001]")).code

UNUSED_SUPPRESSION = register(RuleInfo(
    code="L101", name="unused-suppression", category=Category.STYLE, severity=Severity.WARNING,
    default_enabled=False, fix=FixAvailability.SAFE,
    summary="An ignore directive suppresses nothing.",
    what_it_does="Reports each code of an ignore directive that suppressed no finding in this run, either "
                 "because the finding is gone or because its rule is not enabled. Off by default: enable it "
                 "with `extend-select = [\"L101\"]`.",
    why="Stale suppressions hide the next real finding of the same code on that line.",
    example="// segquery: ignore[L002]\nPROFILE(contact).FILTER(address1_city == 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix_safety="Safe: the fix removes the unused codes, or the whole comment when none is used. Comments are "
               "not part of the query, so its meaning cannot change.")).code

INVALID_DIRECTIVE = register(RuleInfo(
    code="L102", name="invalid-directive", category=Category.CORRECTNESS, severity=Severity.WARNING,
    summary="A `// segquery:` comment that segquery cannot read.",
    what_it_does="Reports directives with an unknown name (with the closest known one), `ignore` without a "
                 "`[CODE, ...]` list, a `kind` that is not dynamic, static, compound or fetch, and a "
                 "`dialect` segquery does not know (the file is then read in the configured dialect).",
    why="A directive that is not understood has no effect, which is easy to miss.",
    example="// segquery: ignroe[L001]\n// segquery: kind = statik",
    use_instead="// segquery: ignore[L001]\n// segquery: kind = static")).code
