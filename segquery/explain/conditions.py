"""Conditions and values in plain English, with attribute names and option
labels taken from the schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from segquery.explain.wording import (AGGREGATES, COMPARISONS, DATE_COMPARISONS, STRING_TESTS, WINDOW_UNITS,
                                      in_sentence, join_alternatives, plural)
from segquery.schema import InteractionType, Table
from segquery.schema.model import Attribute as SchemaAttribute
from segquery.syntax import ast
from segquery.syntax.printer import quote_string, unparse

Holder = Union[Table, InteractionType]


@dataclass
class Scope:
    """The records a step works on: their table or interaction (None when not
    known, as after SEGMENT) and the aliases declared so far."""

    holder: Holder | None = None
    aliases: dict[str, Holder | None] = field(default_factory=dict)
    interaction: bool = False     # the records are interactions (known to the schema or not)
    current: set[str] = field(default_factory=set)   # the aliases that name the current records

    def declare(self, alias: ast.Identifier | None, holder: Holder | None, *, current: bool = True) -> None:
        if alias is not None:
            self.aliases[alias.name.casefold()] = holder
            if current:
                self.current.add(alias.name.casefold())

    @property
    def is_interaction(self) -> bool:
        return self.interaction or isinstance(self.holder, InteractionType)


class ConditionWriter:
    """Writes the expressions of one step, in the scope of that step."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    # ------------------------------------------------------------ names

    def _holder_of(self, node: ast.Attribute) -> Holder | None:
        if node.qualifier is None:
            return self.scope.holder
        return self.scope.aliases.get(node.qualifier.name.casefold())

    def schema_attribute(self, node: ast.Expr) -> SchemaAttribute | None:
        """The schema's attribute an expression names, when it is a known attribute."""
        if not isinstance(node, ast.Attribute):
            return None
        holder = self._holder_of(node)
        return holder.attribute(node.name.name) if holder is not None else None

    def attribute_name(self, node: ast.Attribute) -> str:
        """The attribute's display name from the schema, else its name as the schema
        stores it (or as written); qualified only when the alias is not one that
        names the current records."""
        known = self.schema_attribute(node)
        if known is None:
            name = node.name.name
        else:
            name = in_sentence(known.display_name) if known.display_name else known.name
        qualifier = node.qualifier
        if qualifier is None or qualifier.name.casefold() in self.scope.current:
            return name
        return f"{qualifier.name}.{name}"

    # ------------------------------------------------------------ conditions

    def condition(self, node: ast.Expr) -> str:
        if isinstance(node, ast.Logical):
            return self._logical(node)
        if isinstance(node, ast.Not):
            return f"not ({self.condition(node.operand)})"
        if isinstance(node, ast.Comparison):
            return self._comparison(node)
        if isinstance(node, ast.StringTest):
            return f"{self.value(node.subject)} {STRING_TESTS[node.op]} {self.value(node.pattern)}"
        if isinstance(node, ast.IsNull):
            return f"{self.value(node.operand)} {'has a value' if node.negated else 'has no value'}"
        if isinstance(node, ast.InList):
            known = self.schema_attribute(node.subject)
            values = [self.value(value, known) for value in node.values]
            return f"{self.value(node.subject)} is {join_alternatives(values, 'or')}"
        return self.value(node)

    def _logical(self, node: ast.Logical) -> str:
        word = "and" if node.op is ast.LogicOp.AND else "or"
        same = self._one_attribute_equal_to_several(node)
        if same is not None:
            return same
        parts = [f"({self.condition(operand)})" if isinstance(operand, ast.Logical) else self.condition(operand)
                 for operand in node.operands]
        return f" {word} ".join(parts)

    def _one_attribute_equal_to_several(self, node: ast.Logical) -> str | None:
        """`city == 'A' || city == 'B'` reads "city is 'A' or 'B'"."""
        if node.op is not ast.LogicOp.OR:
            return None
        comparisons = [operand for operand in node.operands
                       if isinstance(operand, ast.Comparison) and operand.op is ast.CompareOp.EQ
                       and isinstance(operand.left, ast.Attribute) and _is_literal(operand.right)]
        if len(comparisons) != len(node.operands):
            return None
        subjects = {self.attribute_name(comparison.left) for comparison in comparisons
                    if isinstance(comparison.left, ast.Attribute)}
        if len(subjects) != 1:
            return None
        values = [self.value(comparison.right, self.schema_attribute(comparison.left)) for comparison in comparisons]
        return f"{subjects.pop()} is {join_alternatives(values, 'or')}"

    def _comparison(self, node: ast.Comparison) -> str:
        profile_type = discriminated_profile(node) if self.scope.is_interaction else None
        if profile_type is not None:
            return f"the profile {COMPARISONS[node.op]} a {profile_type}"
        words = DATE_COMPARISONS if self._is_date(node.left) or self._is_date(node.right) else COMPARISONS
        left = self.value(node.left, self.schema_attribute(node.right))
        right = self.value(node.right, self.schema_attribute(node.left))
        return f"{left} {words[node.op]} {right}"

    def _is_date(self, node: ast.Expr) -> bool:
        if isinstance(node, (ast.DateLiteral, ast.DateAdd, ast.DateTimeUtcNow)):
            return True
        known = self.schema_attribute(node)
        return known is not None and known.is_datetime

    # ------------------------------------------------------------ values

    def value(self, node: ast.Expr, compared_with: SchemaAttribute | None = None) -> str:
        """An operand; a number or boolean compared with a choice attribute reads as the option's label."""
        if isinstance(node, ast.Attribute):
            return self.attribute_name(node)
        if isinstance(node, ast.StringLiteral):
            return quote_string(node.value)
        if isinstance(node, ast.NumberLiteral):
            return _option_label(compared_with, node.value) or node.text
        if isinstance(node, ast.BooleanLiteral):
            return "true" if node.value else "false"
        if isinstance(node, ast.DateTimeUtcNow):
            return "now"
        if isinstance(node, ast.DateLiteral):
            return _date_text(node)
        if isinstance(node, ast.DateAdd):
            return self._date_add(node)
        if isinstance(node, ast.DateDiff):
            unit = node.part.part.value.lower()
            return f"the number of {unit}s from {self.value(node.start)} to {self.value(node.end)}"
        if isinstance(node, ast.Aggregate):
            return self.aggregate(node)
        if isinstance(node, ast.Arithmetic):
            return self._arithmetic(node)
        if isinstance(node, ast.Negate):
            inner = self.value(node.operand)
            return f"-{inner}" if _is_literal(node.operand) or isinstance(node.operand, ast.Attribute) \
                else f"-({inner})"
        if isinstance(node, ast.Window):
            return f"the last {self.window_length(node)}"
        if isinstance(node, (ast.Logical, ast.Not, ast.Comparison, ast.StringTest, ast.IsNull)):
            return f"({self.condition(node)})"
        return unparse(node)

    def aggregate(self, node: ast.Aggregate) -> str:
        if node.function is ast.AggregateFunction.COUNT:
            return "the number of interactions" if self.scope.is_interaction else "the number of records"
        argument = self.value(node.argument) if node.argument is not None else "nothing"
        return f"{AGGREGATES[node.function]} {argument}"

    def window_length(self, node: ast.Window) -> str:
        """`7 days`, `month` (for one)."""
        unit = WINDOW_UNITS[node.unit]
        if isinstance(node.count, ast.NumberLiteral) and node.count.text == "1":
            return unit
        return plural(self.value(node.count), unit)

    def _date_add(self, node: ast.DateAdd) -> str:
        unit = node.part.part.value.lower()
        date = self.value(node.date)
        amount = node.amount
        if isinstance(amount, ast.Negate) and isinstance(amount.operand, ast.NumberLiteral):
            return f"{plural(amount.operand.text, unit)} before {date}"
        if isinstance(amount, ast.NumberLiteral):
            return f"{plural(amount.text, unit)} after {date}"
        return f"{date} plus {self.value(amount)} {unit}s"

    def _arithmetic(self, node: ast.Arithmetic) -> str:
        parts = [self.value(node.operands[0])]
        for operator, operand in zip(node.operators, node.operands[1:]):
            text = self.value(operand)
            parts.append(f"{operator} ({text})" if isinstance(operand, ast.Arithmetic) else f"{operator} {text}")
        return " ".join(parts)


DISCRIMINATOR_SUFFIX = "_logicalname"


def discriminated_profile(node: ast.Expr) -> str | None:
    """The profile type a real-time interaction's discriminator names:
    `msdynmkt_entityid_LogicalName == 'contact'` gives `contact`."""
    if (isinstance(node, ast.Comparison) and node.op in (ast.CompareOp.EQ, ast.CompareOp.NE)
            and isinstance(node.left, ast.Attribute) and node.left.name.name.casefold().endswith(DISCRIMINATOR_SUFFIX)
            and isinstance(node.right, ast.StringLiteral)):
        return node.right.value
    return None


def _is_literal(node: ast.Expr) -> bool:
    return isinstance(node, (ast.StringLiteral, ast.NumberLiteral, ast.BooleanLiteral))


def _option_label(attribute: SchemaAttribute | None, value: int | float) -> str | None:
    if attribute is None or not attribute.options or not isinstance(value, int):
        return None
    return attribute.options.get(value)


def _date_text(node: ast.DateLiteral) -> str:
    """`1990-01-01`, `2024-03-05 13:30:00`; parts that are not plain numbers are printed as written."""
    literals = [part for part in node.parts if isinstance(part, ast.NumberLiteral) and part.is_integer]
    if len(literals) != len(node.parts):
        return unparse(node)
    numbers = [int(part.text) for part in literals]
    numbers += [0] * (7 - len(numbers))
    year, month, day, hour, minute, second, millisecond = numbers[:7]
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if len(node.parts) > 3:
        text += f" {hour:02d}:{minute:02d}:{second:02d}"
    if len(node.parts) > 6:
        text += f".{millisecond:03d}"
    return text
