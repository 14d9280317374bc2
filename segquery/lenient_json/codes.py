"""Codes of the lenient JSON reader's findings (R001-R010): what keeps a text from being strict JSON.

They are request codes (R) because request bodies and segment records are
where such text is reported; whatever reads JSON with the reader reports them.
"""

import functools

from segquery.rules.registry import Category, FixAvailability, define


_json = functools.partial(define, category=Category.REQUEST)


JSON_SYNTAX = _json(
    "R001", "json-syntax-error", "The body cannot be read as JSON, even leniently.",
    what="Reports truncated bodies, unterminated strings, missing `:` or `,`, stray characters, "
         "text after the end of the value, bare words used as values and empty bodies, at the exact "
         "place where reading stops. "
         "An unclosed `{` or `[` is reported at the end of the input and points back at its opener.",
    why="The service answers a body it cannot parse with a bare 400; this says where and what.",
    example='{"msdyncrm_segmentname": "Adults", "statuscode": 192350000',
    use_instead='{"msdyncrm_segmentname": "Adults", "statuscode": 192350000}',
    fix=FixAvailability.SOMETIMES, fix_safety="Only a bare word where a value belongs "
    "(`\"statuscode\": live`) gets a fix, which quotes it; unsafe, since another value may have been meant.")
UNQUOTED_KEY = _json(
    "R002", "unquoted-key", "An object key is written without double quotes.",
    what="Reports keys written as bare words, as in the include/exclude examples of the segment API "
         "documentation. The body is still read, so the checks after it run.",
    why="RFC 8259 JSON requires every key to be a double-quoted string. A strict parser anywhere on "
        "the way (a client library, a proxy, a test tool) rejects the body.",
    example='{ msdyncrm_segmentid: "59ac8bbf-57e7-e811-a9a9-000d3a35f403" }',
    use_instead='{ "msdyncrm_segmentid": "59ac8bbf-57e7-e811-a9a9-000d3a35f403" }',
    fix=FixAvailability.SAFE, fix_safety="Adding the quotes keeps the key as it is.")
SINGLE_QUOTED = _json(
    "R003", "single-quoted-string", "A string or key is in single quotes.",
    what="Reports `'...'` strings and keys.",
    why="JSON strings use double quotes only; single quotes are a JavaScript habit that strict "
        "parsers reject.",
    example="{ 'msdyncrm_segmentname': 'Adults' }",
    use_instead='{ "msdyncrm_segmentname": "Adults" }',
    fix=FixAvailability.SAFE, fix_safety="The fix changes the quotes and re-escapes `\"` and `\\'` "
    "inside, so the decoded string stays the same.")
TRAILING_COMMA = _json(
    "R004", "trailing-comma", "A comma before `}` or `]`.",
    what="Reports a comma after the last member of an object or the last item of an array.",
    why="JSON has no trailing commas; strict parsers reject the body.",
    example='{ "statuscode": 192350002, }', use_instead='{ "statuscode": 192350002 }',
    fix=FixAvailability.SAFE, fix_safety="Removing the comma changes nothing else.")
COMMENT = _json(
    "R005", "comment-in-json", "A `//` or `/* */` comment inside a JSON body.",
    what="Reports comments in a body.",
    why="JSON has no comments; a body that carries one is rejected by strict parsers.",
    example='{\n  // go live at once\n  "statuscode": 192350006\n}',
    use_instead='{\n  "statuscode": 192350006\n}',
    fix=FixAvailability.SAFE, fix_safety="Removing a comment does not change the value.")
NON_JSON_LITERAL = _json(
    "R006", "non-json-literal", "A number or word that JSON does not have.",
    what="Reports `True`, `False`, `None`, `undefined`, `NaN`, `Infinity`, and numbers written with a "
         "`+` sign, leading zeros, a leading or trailing `.` or in hexadecimal.",
    why="These come from Python or JavaScript; JSON parsers reject them.",
    example='{ "msdyncrm_islive": True, "msdyncrm_segmentrefreshrateintervalminutes": 060 }',
    use_instead='{ "msdyncrm_islive": true, "msdyncrm_segmentrefreshrateintervalminutes": 60 }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when JSON can write the same value; `NaN`, "
    "`Infinity` and `undefined` have no JSON form and get no fix.")
BAD_ESCAPE = _json(
    "R007", "invalid-string-escape", "A backslash escape that JSON does not have.",
    what="Reports `\\'`, `\\x41`, `\\0`, `\\v`, a backslash before a line break, and a backslash before "
         "any other character that is not one of `\" \\ / b f n r t u`.",
    why="JSON knows only its own eight escapes and `\\uXXXX`; other escapes are rejected.",
    example='{ "msdyncrm_segmentname": "O\\\'Brien customers" }',
    use_instead='{ "msdyncrm_segmentname": "O\'Brien customers" }',
    fix=FixAvailability.SOMETIMES, fix_safety="Safe when the escape has a JSON equivalent (`\\'` -> "
    "`'`, `\\x41` -> `\\u0041`); an unknown escape such as `\\q` gets no fix, since the author may "
    "have meant a literal backslash.")
CONTROL_CHARACTER = _json(
    "R008", "control-character-in-string", "A raw control character (such as a tab) inside a string.",
    what="Reports characters below U+0020 written directly inside a string, other than line breaks, "
         "which end the string.",
    why="JSON requires control characters to be escaped; strict parsers reject the body.",
    example='{ "msdyncrm_segmentquery": "PROFILE(contact)<TAB>" }',
    use_instead='{ "msdyncrm_segmentquery": "PROFILE(contact)\\t" }',
    fix=FixAvailability.SAFE, fix_safety="The character is replaced by its escape; the value is unchanged.")
TOO_DEEP = _json(
    "R009", "json-too-deep", "Objects and arrays are nested deeper than the reader accepts.",
    what="Stops reading at the first `{` or `[` that goes past 256 levels of nesting.",
    why="No segment body is nested more than a few levels; the limit keeps the reader fast and "
        "safe on any input.",
    example="[[[[[[ ... 100000 times")
DUPLICATE_KEY = _json(
    "R010", "duplicate-key", "The same key appears twice in one object.",
    what="Reports the second and later occurrences of a key, pointing at the first one.",
    why="Readers disagree on which value wins (most keep the last, OData services reject the body), "
        "so the request means different things to different tools.",
    example='{ "statuscode": 192350000, "statuscode": 192350006 }',
    use_instead='{ "statuscode": 192350006 }')
