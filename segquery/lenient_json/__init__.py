"""JSON read leniently, with positions.

- `reader.read_json` reads what people write by hand (comments, single
  quotes, trailing commas, unquoted keys), reports each deviation where it is
  (`codes`, R001-R010) and never raises;
- `values` are what it reads: each value keeps the span of its raw text;
- `paths` names a place in JSON for messages and finds where it was written.
"""
