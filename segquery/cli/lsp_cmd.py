"""`segquery lsp` (and `python -m segquery.lsp`): run the language server.

Editors' LSP clients add flags of their own to the command they are given:
vscode-languageclient appends `--stdio` and `--clientProcessId=N`. Those are
accepted; the transports the server does not speak (`--node-ipc`, `--socket`,
`--pipe`) are refused with a message that says what to use instead.
"""

from __future__ import annotations

import os

import click

INSTALL_HINT = ("its dependencies (pygls, lsprotocol) are installed with segquery: "
                "run `python -m pip install .` in a clone of segquery, "
                "or `python -m pip install git+<repository URL>`")
UNSUPPORTED_TRANSPORT = ("the language server talks over standard input and output "
                         "(or --tcp HOST:PORT); set the editor's transport to stdio")


class CannotStart(click.ClickException):
    """The server could not start: exit status 2, as for every usage or internal error."""

    exit_code = 2


def _refuse_transport(ctx: click.Context, param: click.Parameter, value: object) -> None:
    if value:
        raise click.UsageError(f"{param.opts[0]} is not supported: {UNSUPPORTED_TRANSPORT}", ctx)


@click.command("lsp")
@click.option("--tcp", "address", metavar="HOST:PORT", help="Listen on a TCP address instead of stdio.")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default).")
@click.option("--clientProcessId", "client_process_id", type=int, metavar="PID",
              help="The editor's process id, as LSP clients pass it (the server stops when its input closes).")
@click.option("--node-ipc", is_flag=True, hidden=True, expose_value=False, callback=_refuse_transport)
@click.option("--socket", hidden=True, expose_value=False, callback=_refuse_transport)
@click.option("--pipe", hidden=True, expose_value=False, callback=_refuse_transport)
@click.option("--log-level", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
              help="Logging level on standard error.")
def lsp_command(address: str | None, stdio: bool, client_process_id: int | None, log_level: str) -> None:
    """Run the language server (stdio by default)."""
    if stdio and address:
        raise click.UsageError("--stdio and --tcp exclude each other: choose one transport")
    try:
        import lsprotocol.types  # noqa: F401 - only checking that the dependencies are installed
        import pygls.lsp.server  # noqa: F401
    except ImportError as error:
        raise CannotStart(f"the language server cannot start: {error}; {INSTALL_HINT}") from error
    from segquery.lsp.main import parse_address, serve

    tcp = None
    if address:
        try:
            tcp = parse_address(address)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--tcp") from error
    try:
        serve(tcp, log_level)
    except OSError as error:
        where = f"{tcp[0]}:{tcp[1]}" if tcp else "standard input and output"
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise CannotStart(f"the language server cannot listen on {where}: {reason}") from error


def register(group: click.Group) -> None:
    group.add_command(lsp_command)
