"""Starting the server over stdio or TCP."""

from __future__ import annotations

import logging
import sys


def serve(tcp: tuple[str, int] | None = None, log_level: str = "WARNING") -> None:
    """Run the language server until the client says exit (or closes the stream)."""
    from segquery.lsp.assembly import create_server
    from segquery.lsp.idle_collection import use_server_thresholds

    logging.basicConfig(stream=sys.stderr, level=log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = create_server()
    use_server_thresholds()
    if tcp is None:
        server.start_io()
    else:
        server.start_tcp(*tcp)


def parse_address(text: str) -> tuple[str, int]:
    """`HOST:PORT` (or `PORT` alone, for 127.0.0.1) as a (host, port) pair."""
    host, _, port = text.rpartition(":")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"expected HOST:PORT with a port from 1 to 65535, got {text!r}")
    return (host.strip("[]") or "127.0.0.1"), int(port)
