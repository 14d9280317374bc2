"""`segquery lsp [--tcp HOST:PORT]`: run the language server."""

from __future__ import annotations

import click

INSTALL_HINT = "the language server needs the `lsp` extra: pip install 'segquery[lsp]'"


@click.command("lsp")
@click.option("--tcp", "address", metavar="HOST:PORT", help="Listen on a TCP address instead of stdio.")
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
              help="Logging level on standard error.")
def lsp_command(address: str | None, log_level: str) -> None:
    """Run the language server (stdio by default)."""
    try:
        import lsprotocol.types  # noqa: F401 - only checking that the extra is installed
        import pygls.lsp.server  # noqa: F401
    except ImportError as error:
        raise click.ClickException(f"{INSTALL_HINT} ({error})") from error
    from segquery.lsp.main import parse_address, serve

    tcp = None
    if address:
        try:
            tcp = parse_address(address)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--tcp") from error
    serve(tcp, log_level)


def register(group: click.Group) -> None:
    group.add_command(lsp_command)
