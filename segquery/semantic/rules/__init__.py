"""One module per validation rule: its codes with their docs, then its check.
`segquery.semantic.specified_rules` and `segquery.semantic.realtime_rules`
list the rules each dialect runs.

Codes: V001-V019 are about the shape of a query and its aliases, V020-V029
check names against the schema, V030-V039 are type checks, V040-V049 check the
arguments of functions and steps and the usage limitations of HAVING and
interaction filters (the product's documented usage limitations); V046 reports
names that the bundled standard schema does not have, when no schema is
configured. V050-V079 are the rules only real-time journeys has; the checks
that mean the same in both dialects keep their outbound codes.
docs/validation.md explains each decision where the evidence is thin.
"""
