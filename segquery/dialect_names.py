"""The names a user can give a dialect, without loading the dialects themselves.

Reading a configuration and building the command line's options need only
these names; the dialects (their grammars, function tables and tree
builders) are loaded when a text is parsed. `segquery.syntax.dialects` is
built from the same names, and a test keeps the two equal.
"""

from __future__ import annotations

OUTBOUND_NAME = "outbound"
REALTIME_NAME = "realtime"
DIALECT_NAMES = (OUTBOUND_NAME, REALTIME_NAME)
DEFAULT_DIALECT_NAME = OUTBOUND_NAME
# The profile type a segment of the default dialect selects when nothing says otherwise.
DEFAULT_TARGET = "contact"
# The setting that reads each text's dialect from its constructs (segquery/syntax/inference.py).
AUTO = "auto"
# What a configuration or `--dialect` may say: a dialect's name or `auto`.
DIALECT_SETTINGS = (*DIALECT_NAMES, AUTO)
