"""Markdown descriptions of functions and schema objects, shared by hover and
completion documentation so both say the same thing."""

from __future__ import annotations

from segquery.schema import InteractionType, Relationship, Schema, Table
from segquery.schema.model import Attribute
from segquery.semantic.kinds import infer_kind
from segquery.syntax.dialect import FunctionSpec
from segquery.workspace.model import Segment

MAX_LISTED_OPTIONS = 20


def function_markdown(spec: FunctionSpec) -> str:
    return f"```segquery\n{spec.signature}\n```\n\n{spec.doc}"


def attribute_detail(attribute: Attribute, owner: str) -> str:
    """One line: `string, contact` or `lookup → account, contact`."""
    kind = attribute.type.value
    if attribute.targets:
        kind += " → " + ", ".join(attribute.targets)
    return f"{kind}, {owner}" if owner else kind


def attribute_markdown(attribute: Attribute, owner: str) -> str:
    lines = [f"**{attribute.name}** ({attribute_detail(attribute, '')})" + (f" of `{owner}`" if owner else "")]
    if attribute.options:
        options = list(attribute.options.items())
        lines.append("")
        lines.append("Options:")
        lines += [f"- `{code}` {label}" for code, label in options[:MAX_LISTED_OPTIONS]]
        if len(options) > MAX_LISTED_OPTIONS:
            lines.append(f"- and {len(options) - MAX_LISTED_OPTIONS} more")
    return "\n".join(lines)


def table_markdown(table: Table, schema: Schema) -> str:
    facts = [f"**{table.name}** (table, {len(table.attributes)} attributes)"]
    if table.primary_id:
        facts.append(f"Primary id: `{table.primary_id}`")
    if table.primary_name:
        facts.append(f"Primary name: `{table.primary_name}`")
    if table.entity_set:
        facts.append(f"Entity set: `{table.entity_set}`")
    relationships = schema.relationships_of(table.name)
    if relationships:
        facts.append(f"Relationships: {len(relationships)} (TRAVERSE from here)")
    return "\n\n".join(facts)


def relationship_markdown(relationship: Relationship, from_table: str | None) -> str:
    lookup = f"`{relationship.referencing_table}.{relationship.referencing_attribute}` → " \
             f"`{relationship.referenced_table}`"
    lines = [f"**{relationship.name}** (relationship)", "", f"Lookup: {lookup}"]
    if from_table is not None:
        target = relationship.other_end(from_table)
        if target is not None:
            lines += ["", f"TRAVERSE from `{from_table}` reaches `{target}`."]
    if relationship.schema_name:
        lines += ["", f"Dataverse schema name: `{relationship.schema_name}`"]
    return "\n".join(lines)


def relate_markdown(relationship: Relationship, schema_name: str, from_table: str | None) -> str:
    """A relationship as RELATE names it: by its Dataverse schema name, from the table it joins from."""
    target = relationship.other_end(from_table) if from_table is not None else None
    ends = f"`{from_table}` → `{target}`" if target is not None else \
        f"`{relationship.referencing_table}` ↔ `{relationship.referenced_table}`"
    lookup = f"`{relationship.referencing_table}.{relationship.referencing_attribute}` → " \
             f"`{relationship.referenced_table}`"
    return "\n".join([f"**{schema_name}** (relationship, {ends})", "", f"Lookup: {lookup}", "",
                      f"Outbound TRAVERSE name: `{relationship.name}`"])


def interaction_markdown(interaction: InteractionType, links: str = "Link types") -> str:
    """`links` names the second argument of INTERACTION (real-time journeys: profile id columns)."""
    lines = [f"**{interaction.name}** (interaction type)", ""]
    lines.append(f"{links}: " + (", ".join(f"`{link}`" for link in interaction.link_types) or "none known"))
    if interaction.attributes:
        lines += ["", f"Attributes: {len(interaction.attributes)}"]
    return "\n".join(lines)


def segment_markdown(segment: Segment, table: str | None = None, *, infer: bool = True) -> str:
    """The segment's type, status, profile type and query. With `infer`, a
    type the workspace does not state is inferred from the query's shape
    (which parses it; completion lists skip that). `table` is the profile
    type when the caller inferred it."""
    facts = []
    if segment.segment_type is not None:
        facts.append(f"type: {segment.segment_type.label}")
    elif infer and segment.query is not None:
        facts.append(f"type: {infer_kind(segment.query).label} (from the query)")
    if segment.status is not None:
        facts.append(f"status: {segment.status.label}")
    profile = segment.target_profile or table
    if profile:
        facts.append(f"profile: {profile}")
    head = f"**{segment.name or segment.label}** (segment" + (f"; {', '.join(facts)}" if facts else "") + ")"
    lines = [head, "", f"Defined in `{segment.path}`"]
    if segment.query_text is not None:
        lines += ["", "```segquery", segment.query_text.strip(), "```"]
    else:
        lines += ["", "No query (a static segment's members are listed, not queried)."]
    return "\n".join(lines)


KEYWORD_DOCS = {
    "UNION": "Set operator: the records of either query. Both sides must select the same profile type.",
    "INTERSECT": "Set operator: the records of both queries. Both sides must select the same profile type.",
    "EXCEPT": "Set operator: the records of the first query that are not in the second.",
    "MINUS": "Another spelling of EXCEPT; the linter rewrites it to EXCEPT.",
    "CONTAINS": "String test: `attribute CONTAINS 'text'` holds when the value contains the text.",
    "STARTSWITH": "String test: `attribute STARTSWITH 'text'` holds when the value starts with the text.",
    "ENDSWITH": "String test: `attribute ENDSWITH 'text'` holds when the value ends with the text.",
    "ASC": "Ascending order in ORDERBY (the default).",
    "DESC": "Descending order in ORDERBY.",
    "TRUE": "The boolean true.",
    "FALSE": "The boolean false.",
    "AND": "Logical and; the usual spelling is `&&`.",
    "OR": "Logical or; the usual spelling is `||`.",
}
# Keywords only the real-time journeys dialect has.
REALTIME_KEYWORD_DOCS = {
    "IN": "Value list (real-time journeys): `attribute IN [v1, v2]` holds when the value equals one of the "
          "listed values (option codes, numbers or strings).",
}


def keyword_markdown(word: str, docs: dict[str, str] = KEYWORD_DOCS) -> str | None:
    doc = docs.get(word.upper())
    return f"**{word.upper()}** (keyword)\n\n{doc}" if doc else None


def date_part_markdown(part: str) -> str:
    return f"**{part.upper()}** (date part)\n\nThe unit DATEDIFF counts in and DATEADD shifts by."
