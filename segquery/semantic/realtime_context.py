"""The validation context of a real-time journeys query: how its attributes resolve.

A FILTER after RELATE reads the related rows through the aliases of the
RELATE's path; any other FILTER reads the profile (attributes unqualified);
an INTERACTION's FILTER reads the rows of its interaction table. Consent
pseudo-fields (`compliance_profile_<id>`) are no column of any table.
"""

from __future__ import annotations

from segquery.schema import Attribute, InteractionTable, Table
from segquery.semantic.context import ValidationContext
from segquery.semantic.tables import StepScope
from segquery.syntax import ast

CONSENT_PREFIX = "compliance_profile_"


def is_consent_field(node: ast.Attribute) -> bool:
    """True for an unqualified `compliance_profile_...` pseudo-field."""
    return node.qualifier is None and node.name.name.casefold().startswith(CONSENT_PREFIX)


class RealtimeContext(ValidationContext):
    """A ValidationContext whose attribute resolution follows real-time scoping."""

    def records(self, scope: StepScope) -> Table | InteractionTable | None:
        """The Table or InteractionTable whose attributes a clause writes unqualified, or None."""
        if self.schema is None:
            return None
        if scope.interaction is not None:
            return self.schema.interaction_table(scope.interaction)
        if scope.bindings or scope.before is None:
            return None  # after RELATE, every attribute names its alias
        return self.schema.table(scope.before)

    def qualified_table(self, scope: StepScope, qualifier: ast.Identifier) -> Table | None:
        """The related table an alias in scope stands for, or None."""
        binding = scope.binding(qualifier.name)
        if binding is None or binding.table is None or self.schema is None:
            return None
        return self.schema.table(binding.table)

    def attribute(self, node: ast.Attribute) -> Attribute | None:
        key = id(node)
        if key in self._attributes:
            return self._attributes[key]
        scope = self.clause(node).scope
        found = None
        if node.qualifier is not None:
            table = self.qualified_table(scope, node.qualifier)
            found = table.attribute(node.name.name) if table is not None else None
        elif not is_consent_field(node):
            records = self.records(scope)
            found = records.attribute(node.name.name) if records is not None else None
        self._attributes[key] = found
        return found
