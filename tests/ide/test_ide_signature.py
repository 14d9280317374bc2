"""Signature help on incomplete text."""

from __future__ import annotations

from ide_helpers import at

from segquery.ide import ParameterInfo, SignatureHelp, signature_help
from segquery.ide.signature import parameter_spans
from segquery.source import Span
from segquery.syntax.outbound import OUTBOUND


def help_at(marked: str) -> SignatureHelp | None:
    text, offset = at(marked)
    return signature_help(text, offset)


def test_innermost_call_and_active_parameter():
    assert help_at("PROFILE(contact).FILTER(DATEDIFF(day, |") == SignatureHelp(
        label="DATEDIFF(part, start, end)",
        documentation="The difference end - start counted in the date part (YEAR, MONTH, DAY, HOUR, MINUTE, "
                      "SECOND, MILLISECOND).",
        parameters=(ParameterInfo("part", "YEAR, MONTH, DAY, HOUR, MINUTE, SECOND or MILLISECOND."),
                    ParameterInfo("start"), ParameterInfo("end")),
        parameter_spans=(Span(9, 13), Span(15, 20), Span(22, 25)),
        active_parameter=1, call_span=Span(24, 38))


def test_traverse_filter_argument_is_the_third_parameter_even_without_alias():
    result = help_at("PROFILE(account).TRAVERSE(contact_account_parentcustomerid, FILTER(x == 1), |")
    assert (result.label, result.active_parameter) == ("TRAVERSE(relationship[, alias][, FILTER(condition)])", 2)
    assert [p.label for p in result.parameters] == ["relationship", "alias", "FILTER(condition)"]


def test_inside_a_nested_call_the_nested_one_answers():
    result = help_at("PROFILE(account).TRAVERSE(rel, FILTER(|")
    assert (result.label, result.active_parameter) == ("FILTER(condition)", 0)


def test_repeating_arguments_stay_on_the_last_parameter():
    result = help_at("PROFILE(contact).ORDERBY(a ASC, b, |")
    assert (result.active_parameter, [p.label for p in result.parameters]) == (0, ["attribute [ASC|DESC]"])


def test_too_many_arguments_activate_no_parameter():
    result = help_at("PROFILE(contact, c, |")
    assert result.active_parameter == 2 and len(result.parameters) == 2


def test_unknown_calls_and_plain_parentheses_defer_to_the_enclosing_call():
    assert help_at("PROFILE(contact).FILTER((a || Foo(|").label == "FILTER(condition)"


def test_no_help_outside_calls_and_inside_strings():
    assert help_at("PROFILE(contact) |") is None
    assert help_at("PROFILE(contact).FILTER(x == 'a, |") is None
    assert help_at("|") is None


def test_parameter_spans_of_every_signature_name_its_parameters():
    shown = {spec.name: [spec.signature[s.start:s.end] for s in parameter_spans(spec.signature)]
             for spec in OUTBOUND.functions.values()}
    assert shown["PROFILE"] == ["table", "alias"]
    assert shown["INTERACTION"] == ["interaction_type", "link_type", "alias"]
    assert shown["HAVING"] == ["aggregate comparison number", "window"]
    assert shown["ORDERBY"] == ["attribute [ASC|DESC]"]
    assert shown["SELECT"] == ["attribute"]
    assert shown["DATE"] == ["year", "month", "day", "hour", "minute", "second", "millisecond"]
    assert shown["COUNT"] == [] and shown["DISTINCT"] == []
    for spec in OUTBOUND.functions.values():
        repeating = spec.max_args >= 99
        assert len(shown[spec.name]) == (1 if repeating else spec.max_args), spec.name
