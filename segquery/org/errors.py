"""The one exception the org package raises: every failure talking to an org
becomes an OrgError with a message meant for the user (never a token or a secret)."""

from __future__ import annotations


class OrgError(Exception):
    """A request the org refused or that could not be made; `status` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
