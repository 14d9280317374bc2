"""The server put together: the server object with every handler module registered.

Kept apart from `server.py` because the handler modules import the server class:
assembling them there would make the server and its handlers import each other."""

from __future__ import annotations

from segquery.lsp import inline, notifications, pull, requests
from segquery.lsp.server import SegqueryLanguageServer


def create_server() -> SegqueryLanguageServer:
    """A server with every handler registered."""
    server = SegqueryLanguageServer()
    notifications.register(server)
    requests.register(server)
    pull.register(server)
    inline.register(server)
    return server
