"""The lint rules, one module each. Importing this package registers them;
the order here is the order of the docs."""

from segquery.lint.rules import (  # noqa: F401
    keyword_case,
    double_quoted_string,
    minus_operator,
    mixed_set_operators,
    redundant_parentheses,
    negated_null_test,
    negated_comparison,
    double_negation,
    unused_alias,
    mixed_qualification,
    line_too_long,
    logic_word_operator,
    duplicate_condition,
    contradictory_conditions,
    constant_comparison,
    duplicate_set_operand,
    empty_string_comparison,
    repeated_distinct,
    traverse_round_trip,
    tautological_disjunction,
    realtime_logic_word_operator,
    duplicate_in_value,
    single_value_in_list,
)

# The codes of the directive findings (L100-L102) are registered with the rules.
from segquery.lint import directive_codes  # noqa: E402,F401
from segquery.lint.base import LintRule, registered_lint_rules  # noqa: E402


def all_lint_rules() -> list[LintRule]:
    """Every lint rule, by code: the modules above are imported, so all are registered."""
    return registered_lint_rules()
