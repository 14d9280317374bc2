"""The `segquery` command line: a thin front end over the library.

Each command lives in its own module and is registered here. Exit status:
0 clean, 1 findings, 2 usage or internal error.
"""

from __future__ import annotations

import importlib
import sys

import click

from segquery import __version__

COMMAND_MODULES = (
    "segquery.cli.parse_cmd",
    "segquery.cli.check_cmd",
    "segquery.cli.deps_cmd",
    "segquery.cli.lsp_cmd",
)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(2)
        except Exception as error:  # noqa: BLE001 - the promise is: never a traceback, exit 2
            click.echo(f"segquery: internal error: {type(error).__name__}: {error}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="segquery")
def main() -> None:
    """Parse, check, lint, format and resolve segment queries."""


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(main)
