"""Codes of the diagnostics the parser reports (S001-S099)."""

import functools

from segquery.diagnostics import Severity
from segquery.rules.registry import Category, FixAvailability, RuleInfo, define, register


_syntax = functools.partial(define, category=Category.SYNTAX)


INVALID_CHARACTER = _syntax(
    "S001", "invalid-character", "A character that no token of the language starts with.",
    what="Reports characters outside strings and comments that the language does not use: "
         "non-ASCII letters, a stray typographic quote, control characters, NUL bytes, `#`, `;`, `[`...",
    why="The service rejects the whole query; text pasted from a document is a common cause.",
    example="PROFILE(contact).FILTER(fullname == Zoë)",
    use_instead="PROFILE(contact).FILTER(fullname == 'Zoë')")
UNTERMINATED_STRING = _syntax(
    "S002", "unterminated-string", "A string has no closing quote on its line.",
    what="Reports a `'` or `\"` string that is not closed before the end of the line.",
    why="Everything after the quote would be read as part of the string.",
    example="PROFILE(contact).FILTER(fullname == 'Ann)",
    use_instead="PROFILE(contact).FILTER(fullname == 'Ann')")
UNTERMINATED_COMMENT = _syntax(
    "S003", "unterminated-comment", "A `/*` comment is never closed.",
    what="Reports a block comment without its closing `*/`.",
    why="The rest of the file would be a comment, so the query would be cut short.",
    example="/* draft\nPROFILE(contact)", use_instead="/* draft */\nPROFILE(contact)")
UNEXPECTED_TOKEN = _syntax(
    "S004", "unexpected-token", "A token where the grammar expects something else.",
    what="Reports the first token that cannot continue the query, and says what was expected there "
         "in words (a comparison operator, a value, `)`...).",
    why="The service answers only `SegmentInvalid`; this says where and what.",
    example="PROFILE(contact).FILTER(DATEDIFF(month, birthdate, DATETIMEUTCNOW()) 1)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(month, birthdate, DATETIMEUTCNOW()) > 1)")
UNEXPECTED_END = _syntax(
    "S005", "unexpected-end", "The query ends before it is complete.",
    what="Reports input that stops in the middle of a construct.",
    why="An incomplete query cannot be evaluated.",
    example="SEGMENT(engaged) UNION", use_instead="SEGMENT(engaged) UNION SEGMENT(clicked)")
UNMATCHED_CLOSING = _syntax(
    "S006", "unmatched-parenthesis", "A `)` closes nothing.",
    what="Reports a closing parenthesis with no opening partner, and points at the `(` that the "
         "previous `)` already closed.",
    why="One parenthesis too many is the most common published defect.",
    example="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(name == 'Campaign 1')).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).FILTER(name == 'Campaign 1').HAVING(COUNT() > 0)",
    fix=FixAvailability.UNSAFE, fix_safety="Removing the parenthesis is offered as an unsafe fix: the "
    "missing partner may belong elsewhere.")
UNCLOSED_PARENTHESIS = _syntax(
    "S007", "unclosed-parenthesis", "A `(` is never closed.",
    what="Reports an opening parenthesis without its `)`, at the `(` itself.",
    why="The end of the query is not where the author thinks it is.",
    example="PROFILE(contact).FILTER(ISNULL(emailaddress1)", use_instead="PROFILE(contact).FILTER(ISNULL(emailaddress1))")
EMPTY_QUERY = _syntax(
    "S008", "empty-query", "The file holds no query.",
    what="Reports an empty file, or one with only comments and white space.",
    why="A segment needs a query; an empty one is rejected by the service.",
    example="// TODO", use_instead="PROFILE(contact)")
TOO_DEEP = _syntax(
    "S009", "nesting-too-deep", "Parentheses are nested deeper than the supported limit.",
    what="Reports the first parenthesis that goes past the nesting limit (64 levels).",
    why="No real query needs that depth; the limit keeps every tool fast and safe on any input.",
    example="PROFILE(contact).FILTER(((((((...)))))))")
TOO_LARGE = _syntax(
    "S010", "input-too-large", "The input is larger than the parser accepts.",
    what="Reports input above the size limit (32 MiB) instead of trying to parse it.",
    why="Such input is not a segment query; refusing it early keeps editors and CI responsive.")
ASSIGNMENT = _syntax(
    "S011", "assignment-shorthand", "`Name = query` is documentation shorthand, not the language.",
    what="Reports a leading `Name =`, which the documentation uses to name example segments.",
    why="The service parses only the query; the name of a segment is its record's name (or the file name).",
    example="SegmentOnProfile = PROFILE(contact)", use_instead="PROFILE(contact)",
    fix=FixAvailability.SAFE, fix_safety="Removing `Name =` keeps the query as written.")
METHOD_SET_OPERATOR = _syntax(
    "S012", "method-set-operator", "Set operators are infix words, not `.UNION(x)` steps.",
    what="Reports `.UNION(...)`, `.INTERSECT(...)`, `.EXCEPT(...)` and `.MINUS(...)` written as steps.",
    why="The documentation shows this shorthand, but the grammar has only infix set operators.",
    example="SEGMENT(a).UNION(b).EXCEPT(c)", use_instead="SEGMENT(a) UNION SEGMENT(b) EXCEPT SEGMENT(c)",
    fix=FixAvailability.SAFE, fix_safety="The rewrite keeps the left-to-right order, which is how the "
    "infix operators associate.")
QUOTED_NAME = _syntax(
    "S013", "quoted-name", "A table, relationship, segment or alias name is written as a string.",
    what="Reports `TRAVERSE('rel')`, `PROFILE('contact')`, `SEGMENT('name')` and quoted aliases.",
    why="Names are identifiers; a string there is rejected by the service.",
    example="PROFILE(contact).TRAVERSE('contact_account_parentcustomerid')",
    use_instead="PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)",
    fix=FixAvailability.SOMETIMES, fix_safety="Offered as a safe fix when the string is a valid identifier.")
UNKNOWN_FUNCTION = _syntax(
    "S014", "unknown-function", "A function or step the language does not have.",
    what="Reports calls to unknown names, with the closest known function.",
    why="`DateTimeNowUtc()` looks right but the function is `DATETIMEUTCNOW()`.",
    example="PROFILE(contact).FILTER(DATEDIFF(day, birthdate, DateTimeNowUtc()) < 30)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(day, birthdate, DATETIMEUTCNOW()) < 30)",
    fix=FixAvailability.SOMETIMES, fix_safety="Renaming to the suggestion is an unsafe fix: the author "
    "may have meant another function.")
HAVING_BEFORE_FILTER = _syntax(
    "S015", "having-before-filter", "FILTER must come before HAVING in an interaction query.",
    what="Reports `INTERACTION(...).HAVING(...).FILTER(...)`.",
    why="The grammar is INTERACTION.FILTER.HAVING; the other order is rejected.",
    example="INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).HAVING(COUNT() > 0, UTCDAYS(7)).FILTER(emailid == '12345')",
    use_instead="INTERACTION(RedirectLinkClicked, RedirectLinkClicked_ContactLink).FILTER(emailid == '12345').HAVING(COUNT() > 0, UTCDAYS(7))",
    fix=FixAvailability.SAFE, fix_safety="Swapping the two steps gives the query the author described.")
ARGUMENT_COUNT = _syntax(
    "S016", "argument-count", "A function or step has too few or too many arguments.",
    what="Checks the number of arguments of every source, step and function.",
    why="`INTERACTION(EmailOpened)` lacks its link type; the service rejects it.",
    example="INTERACTION(EmailOpened).HAVING(COUNT() > 0)",
    use_instead="INTERACTION(EmailOpened, EmailOpened_ContactLink).HAVING(COUNT() > 0)")
MISPLACED_CALL = _syntax(
    "S017", "misplaced-call", "A source, step or function is used where it cannot stand.",
    what="Reports a step at the start of a query (`FILTER(...)`), a source used as a step "
         "(`.PROFILE(...)`), a function used as a step, or a step inside a condition.",
    why="Each construct has one place in the grammar.",
    example="PROFILE(contact).FILTER(x == 1).PROFILE(account)", use_instead="PROFILE(contact).FILTER(x == 1)")
INVALID_ARGUMENT = _syntax(
    "S018", "invalid-argument", "An argument has the wrong form for its position.",
    what="Reports arguments of the wrong syntactic form: an expression where a name is needed, "
         "a non-number in SKIP/TAKE, ASC/DESC outside ORDERBY, a qualified name as a table.",
    why="The service rejects the query; this says which argument and why.",
    example="PROFILE(contact).ORDERBY(fullname).SKIP('ten')", use_instead="PROFILE(contact).ORDERBY(fullname).SKIP(10)")
UNKNOWN_DATE_PART = _syntax(
    "S019", "unknown-date-part", "The first argument of DATEDIFF/DATEADD is not a date part.",
    what="Accepts YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MILLISECOND in any case, and reports anything else.",
    why="`weeks` or `days` look plausible but are rejected.",
    example="PROFILE(contact).FILTER(DATEDIFF(days, birthdate, DATETIMEUTCNOW()) < 30)",
    use_instead="PROFILE(contact).FILTER(DATEDIFF(DAY, birthdate, DATETIMEUTCNOW()) < 30)",
    fix=FixAvailability.SOMETIMES, fix_safety="Offered as an unsafe fix when a close date part exists.")
INVALID_ESCAPE = _syntax(
    "S020", "invalid-escape", "A backslash escape other than `\\'`, `\\\"` or `\\\\` in a string.",
    what="Strings know three escapes: `\\'`, `\\\"` and `\\\\`. Any other backslash sequence is reported.",
    why="`\\n` does not mean a new line here; the text would not match what the author expects.",
    example="PROFILE(contact).FILTER(fullname == 'a\\nb')", use_instead="PROFILE(contact).FILTER(fullname == 'a\\\\nb')")
SINGLE_EQUALS = _syntax(
    "S021", "single-equals", "`=` is not an operator; equality is `==`.",
    what="Reports a single `=` inside a query, with a fix to `==`.",
    why="A one-character slip that the service reports only as `SegmentInvalid`.",
    example="PROFILE(contact).FILTER(address1_city = 'Seattle')",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix=FixAvailability.SAFE, fix_safety="`=` has no other meaning, so `==` is what was meant.")
CHAINED_COMPARISON = _syntax(
    "S022", "chained-comparison", "Comparisons do not chain: `a < b < c` is not a range test.",
    what="Reports a comparison operator right after a comparison.",
    why="Comparisons are non-associative; the author meant two comparisons joined with `&&`.",
    example="PROFILE(contact).FILTER(15 <= age <= 25)", use_instead="PROFILE(contact).FILTER(age >= 15 && age <= 25)")
GLUED_KEYWORD = _syntax(
    "S023", "glued-keyword", "A keyword is written without a space before the next word.",
    what="Reports a word that starts with a keyword (`UNION`, `INTERSECT`, `EXCEPT`, `MINUS`, `AND`, `OR`, "
         "`CONTAINS`, `STARTSWITH`, `ENDSWITH`, `ASC`, `DESC`, `TRUE`, `FALSE`) where the grammar expects "
         "that keyword, such as `UNIONSEGMENT(b)` or `ORISNULL(y)`. A keyword ends at a word boundary, so "
         "the glued word is one unknown name.",
    why="Reading the word as the keyword plus a name would silently guess; the author may as well have "
        "meant a name and forgotten an operator before it.",
    example="PROFILE(contact).FILTER(address1_city == 'Seattle' ORISNULL(address1_country))",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle' OR ISNULL(address1_country))",
    fix=FixAvailability.SOMETIMES,
    fix_safety="Inserting the space is safe when the rest of the word is a known function followed by "
    "`(`, as in `ORISNULL(y)` or `UNIONSEGMENT(b)`: the glued call names no function, the grammar accepts "
    "only the keyword there, and the space keeps every character. Otherwise (`ORGANIZATION == 1`) the "
    "word may be a name missing an operator before it, so the fix is unsafe.")
NUMBER_TOO_LONG = _syntax(
    "S024", "number-too-long", "A number literal has more digits than any column can hold.",
    what="Reports a number with more than 38 digits before or after its decimal point.",
    why="Dataverse numbers hold at most 38 digits (decimal precision); the service rejects longer "
        "literals, and such a number is almost always a pasted identifier or a typo.",
    example="PROFILE(contact).FILTER(annualincome > 1000000000000000000000000000000000000000)",
    use_instead="PROFILE(contact).FILTER(annualincome > 1000000)")
UNICODE_SPACE = _syntax(
    "S025", "unicode-space", "White space other than plain spaces, tabs and line breaks.",
    what="Reports each run of Unicode space characters (the no-break space U+00A0, U+2000-U+200A, "
         "U+202F, U+205F, U+3000, U+1680) and invisible characters (the byte-order mark U+FEFF inside "
         "the text, U+200B, U+200C, U+200D, U+2060) outside strings and comments. The query is parsed "
         "as if they were spaces; inside a string they are part of its text.",
    why="Web pages and rich-text editors indent pasted queries with such characters; they look like "
        "spaces but other tools, and the service, may not treat them as spaces.",
    example="PROFILE(contact)\n.FILTER(\u00a0\u00a0address1_city == 'Seattle')",
    use_instead="PROFILE(contact)\n.FILTER(  address1_city == 'Seattle')",
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="Space characters become plain spaces and invisible ones are removed; outside strings "
    "they only separate tokens, so the query keeps its meaning.")
TYPOGRAPHIC_QUOTES = _syntax(
    "S026", "typographic-quotes", "A string is written with typographic quotes.",
    what="Reports text between typographic quotes (`\u2018...\u2019`, `\u201c...\u201d`, `\u201e...\u201c`, "
         "`\u201a...\u2019`, `\u00ab...\u00bb`) on one line, as word processors and web pages write them.",
    why="Strings use the straight quote `'`; the service rejects the query.",
    example="PROFILE(contact).FILTER(address1_city == \u2018Seattle\u2019)",
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix=FixAvailability.SAFE,
    fix_safety="The quotes become `'` and any `'` or `\\` inside is escaped, so the string holds "
    "exactly the text the author quoted.")

UNREADABLE_FILE = register(RuleInfo(
    code="E001", name="unreadable-file", summary="A file named for checking cannot be read.",
    category=Category.SYNTAX, severity=Severity.ERROR,
    what_it_does="Reports a path that does not exist or cannot be read (no permission, an input/output "
                 "error...), with the system's reason.",
    why="A check that silently skips a file would pass when it should not.")).code
UNDECODABLE_TEXT = register(RuleInfo(
    code="E002", name="undecodable-text", summary="A file (or standard input) is not valid UTF-8 text.",
    category=Category.SYNTAX, severity=Severity.ERROR,
    what_it_does="Reports the first byte that cannot be decoded, at its line and column. Files are read as "
                 "UTF-8, with or without a byte-order mark; a file that starts with a UTF-16 or UTF-32 "
                 "byte-order mark is read in that encoding. A NUL byte is reported too: it is what UTF-16 "
                 "or UTF-32 text without a byte-order mark looks like. Nothing else is checked in the file, "
                 "and `format` and `check --fix` never rewrite it.",
    why="Guessing an encoding, or replacing the bytes that do not decode, would check (and then write "
        "back) a text the author did not write: `Zürich` saved as Latin-1 would become `Z\ufffdrich`.",
    example="$ printf \"PROFILE(contact).FILTER(address1_city == 'Z\\\\xfcrich')\\n\" > city.segq  # Latin-1\n"
            "$ segquery check -q city.segq\n"
            "city.segq:1:44: E002 [error] the file is not valid UTF-8 text: byte 0xfc cannot be decoded\n"
            "   1 | PROFILE(contact).FILTER(address1_city == 'Z\ufffdrich')\n"
            "                                                  ^",
    use_instead="$ iconv -f latin1 -t utf-8 city.segq > city.utf8 && mv city.utf8 city.segq",
    fix_safety="No fix: only the author knows which encoding the file was saved in. It cannot be "
               "suppressed or deselected, since nothing else in the file is checked.")).code
NOT_A_REGULAR_FILE = register(RuleInfo(
    code="E003", name="not-a-regular-file", summary="A path named for checking is a FIFO, a device or a socket.",
    category=Category.SYNTAX, severity=Severity.ERROR,
    what_it_does="Reports a path named on the command line that is not a regular file, without reading it. "
                 "Such files found while searching a directory are skipped with a note on standard error.",
    why="Reading a FIFO waits for a writer that may never come, and a device such as `/dev/zero` never "
        "ends: the command would hang or run out of memory.",
    example="$ segquery check -q /dev/zero\n"
            "/dev/zero:1:1: E003 [error] a character device, not a regular file: it is not read",
    use_instead="$ segquery check queries/",
    fix_safety="No fix: name the query files, or the folder that holds them. It cannot be suppressed "
               "or deselected.")).code
FILE_TOO_LARGE = register(RuleInfo(
    code="E004", name="file-too-large", summary="A file (or standard input) is larger than the input limit.",
    category=Category.SYNTAX, severity=Severity.ERROR,
    what_it_does="Reports a file, or standard input, of more than 32 MiB (the limit of S010), after reading "
                 "one byte past the limit and before decoding anything.",
    why="No segment query is that large; reading without a bound would let one input exhaust memory.",
    example="$ head -c 40000000 /dev/urandom > noise.segq\n"
            "$ segquery check -q noise.segq\n"
            "noise.segq:1:1: E004 [error] the file is larger than 33,554,432 bytes, the input limit: it is not read",
    use_instead="$ segquery check queries/   # the query files only",
    fix_safety="No fix: a larger file is not a segment query. It cannot be suppressed or deselected.")).code
# The codes of a file whose text could not be had (reported once, by whoever read it).
READ_FAILURES = frozenset({UNREADABLE_FILE, UNDECODABLE_TEXT, NOT_A_REGULAR_FILE, FILE_TOO_LARGE})

INTERNAL_ERROR = register(RuleInfo(
    code="E007", name="internal-error", summary="segquery failed while checking this text.",
    category=Category.SYNTAX, severity=Severity.ERROR,
    what_it_does="Reports, at the start of the document, that checking it stopped on an unexpected error, "
                 "with the error's type and message. The language server shows it in place of the findings "
                 "it could not compute; the other documents are checked as usual.",
    why="A document whose check failed would otherwise show no problems at all, which reads as "
        "\"nothing to fix\". This says that the findings are missing and why. Nothing in the query needs "
        "to change: please report the message as a bug.",
    fix_safety="No fix: the problem is in segquery, not in the query. It cannot be suppressed or "
               "deselected, since it stands for findings that are missing.")).code

# ---------------------------------------------------------------- dialects
# A construct of one dialect written in a file of the other (outbound marketing
# and real-time journeys, see docs/realtime.md).

OUTBOUND_ONLY = _syntax(
    "S030", "outbound-only-construct", "An outbound marketing construct in a real-time journeys query.",
    what="Reports, in a real-time journeys query, what only outbound marketing has: TRAVERSE (use "
         "`.RELATE(relationship_schema_name, alias).FILTER(...)`), an alias in PROFILE or INTERACTION, "
         "the set operator MINUS (use EXCEPT), the member-fetch steps ORDERBY, SKIP, TAKE and SELECT, DISTINCT, "
         "and the aggregates SUM, AVG, MIN and MAX (HAVING counts with COUNT() only). The message names "
         "the real-time form where there is one.",
    why="The real-time service rejects the query; a query moved from outbound needs these rewritten.",
    example="PROFILE(contact, contact_1).TRAVERSE(contact_account_parentcustomerid, account_1)",
    dialects=("realtime",),
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(ISNOTNULL(account_1.name))",
    fix=FixAvailability.SOMETIMES,
    fix_safety="MINUS is rewritten to EXCEPT and a PROFILE alias that no attribute uses is removed (safe: "
               "same meaning); the others need a decision and have no fix.")
REALTIME_ONLY = _syntax(
    "S031", "realtime-only-construct", "A real-time journeys construct in an outbound marketing query.",
    what="Reports, in an outbound marketing query, what only real-time journeys has: RELATE and "
         "RELATEOPTIONAL (use TRAVERSE with the outbound relationship name), `IN [..]` lists (use `==` "
         "comparisons joined with `||`) and `SEGMENT_CJO_ID_` references (outbound references are "
         "`SEGMENT_CRM_ID_` or segment names).",
    why="The outbound service rejects the query. If the file is meant for real-time journeys, say so: "
        "`dialect = \"realtime\"` in the configuration, `// segquery: dialect = realtime` in the file, or "
        "`--dialect realtime`.",
    example="PROFILE(contact).FILTER(industrycode IN [16, 24])",
    dialects=("outbound",),
    use_instead="PROFILE(contact).FILTER(industrycode == 16 || industrycode == 24)")
REALTIME_SEGMENT_REFERENCE = _syntax(
    "S032", "realtime-segment-reference", "A real-time SEGMENT reference that is not a segment definition id.",
    what="Reports, in a real-time journeys query, a `SEGMENT(...)` whose argument is not "
         "`SEGMENT_CJO_ID_` followed by the 32 hexadecimal digits of a segment definition's id (no dashes). "
         "An outbound `SEGMENT_CRM_ID_` reference gets a hint: the ids differ between the two, so the "
         "real-time segment's own id is needed.",
    why="The real-time service resolves compound segments by definition id only; a name or an outbound "
        "id is rejected.",
    example="SEGMENT(SEGMENT_CRM_ID_5c5f3f3b0e6a4c8e9a1d2b3c4d5e6f70)",
    dialects=("realtime",),
    use_instead="SEGMENT(SEGMENT_CJO_ID_0a1b2c3d4e5f60718293a4b5c6d7e8f9)")
DOTTED_RELATE_ALIAS = _syntax(
    "S033", "dotted-relate-alias", "A RELATE alias written with its table, `account.account_1`.",
    what="Reports the alias of RELATE or RELATEOPTIONAL written as `table.alias`. The form is read as the "
         "alias alone.",
    why="The vendor's documentation writes the alias alone; the dotted form is seen only in one "
        "third-party fixture, and whether the service accepts it is not known.",
    example="PROFILE(contact).RELATE(contact_customer_accounts, account.account_1).FILTER(account_1.name == 'A')",
    dialects=("realtime",),
    use_instead="PROFILE(contact).RELATE(contact_customer_accounts, account_1).FILTER(account_1.name == 'A')",
    severity=Severity.WARNING, fix=FixAvailability.SAFE,
    fix_safety="The table before the alias is removed; the tree, and so the meaning, is unchanged.")
UNSUPPORTED_IN_REALTIME = _syntax(
    "S034", "unsupported-in-realtime", "A string test that real-time journeys does not support.",
    what="Reports, in a real-time journeys query, STARTSWITH and ENDSWITH (infix or as functions) and "
         "CONTAINS written as a function, `CONTAINS(field, 'x')`. Infix `field CONTAINS 'x'` is accepted.",
    why="Evidence conflicts: designer fixtures use infix CONTAINS, and a practitioner working against a "
        "live org found the function forms `CONTAINS(...)` and `endswith(...)` rejected by the parser. "
        "No public example uses STARTSWITH or ENDSWITH in this dialect.",
    example="PROFILE(contact).FILTER(emailaddress1 ENDSWITH '@contoso.com')",
    dialects=("realtime",),
    use_instead="PROFILE(contact).FILTER(emailaddress1 CONTAINS '@contoso.com')")
REALTIME_DOUBLE_QUOTES = _syntax(
    "S035", "realtime-double-quotes", "A double-quoted string in a real-time journeys query.",
    what="Reports strings written with `\"` in a real-time journeys query.",
    why="The real-time service rejects them: \"Invalid character '\\\"'\".",
    example="PROFILE(contact).FILTER(address1_city == \"Seattle\")",
    dialects=("realtime",),
    use_instead="PROFILE(contact).FILTER(address1_city == 'Seattle')",
    fix=FixAvailability.SAFE,
    fix_safety="The string is rewritten with single quotes and its text escaped, so its value is unchanged.")
