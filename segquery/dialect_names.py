"""The names of the bundled dialects, without loading the dialects themselves.

Reading a configuration and building the command line's options need only
these names; the dialects (their grammars, function tables and tree
builders) are loaded when a text is parsed, or when a configuration names a
dialect that is not bundled (one registered in `segquery.syntax.dialects`).
A test keeps these names equal to the bundled dialects'.
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
