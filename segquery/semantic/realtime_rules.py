"""The rules `validate` runs for the real-time journeys dialect, in order.

Checks that mean the same in both dialects are the outbound rules; the rest
are the dialect's own (V050-V079), each declared in its rule module.
"""

from segquery.semantic.rules import (
    aggregate_outside_having,
    comparison_types,
    conditions,
    date_arguments,
    date_function_type,
    date_strings,
    duplicate_alias,
    guid_strings,
    having_outside_interaction,
    mixed_profile_types,
    null_test_operand,
    option_values,
    realtime_aliases,
    realtime_attributes,
    realtime_chain_shape,
    realtime_consent,
    realtime_having,
    realtime_in_list,
    realtime_interactions,
    realtime_not_attested,
    realtime_profile_table,
    realtime_profile_type,
    realtime_relate,
    realtime_target_profile_type,
    string_operator_type,
    window_argument,
)
from segquery.semantic.rules.base import Rule

REALTIME_RULES: tuple[Rule, ...] = (
    # shape of the query
    realtime_chain_shape.RULE,
    having_outside_interaction.RULE,
    realtime_profile_table.RULE,
    realtime_profile_type.RULE,
    realtime_target_profile_type.RULE,
    mixed_profile_types.RULE,
    # aliases
    duplicate_alias.RULE,
    realtime_aliases.RULE,
    # names in the schema
    realtime_relate.RULE,
    realtime_interactions.RULE,
    realtime_attributes.RULE,
    # types and values
    string_operator_type.RULE,
    date_function_type.RULE,
    comparison_types.RULE,
    option_values.RULE,
    realtime_in_list.RULE,
    date_strings.RULE,
    guid_strings.RULE,
    null_test_operand.RULE,
    aggregate_outside_having.RULE,
    conditions.RULE,
    realtime_consent.RULE,
    # arguments of functions and steps
    date_arguments.RULE,
    window_argument.RULE,
    realtime_having.RULE,
    realtime_not_attested.RULE,
)
