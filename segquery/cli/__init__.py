"""The `segquery` command line: a thin front end over the library.

Each command lives in its own module and is registered here. Exit status:
0 clean, 1 findings, 2 usage or internal error.
"""

from __future__ import annotations

import importlib
import sys

import click

from segquery.version import __version__

COMMAND_MODULES = (
    "segquery.cli.parse_cmd",
    "segquery.cli.check_cmd",
    "segquery.cli.format_cmd",
    "segquery.cli.rules_cmd",
    "segquery.cli.deps_cmd",
    "segquery.cli.lsp_cmd",
    "segquery.cli.clean_cmd",
    "segquery.cli.schema_cmd",
    "segquery.cli.pull_cmd",
    "segquery.cli.plan_cmd",
    "segquery.cli.apply_cmd",
    "segquery.cli.explain_cmd",
    "segquery.cli.sample_data_cmd",
    "segquery.cli.sql_cmd",
    "segquery.cli.preview_cmd",
    "segquery.cli.migrate_cmd",
)


class _Group(click.Group):
    """Imports a command's module only when that command runs (fast start-up),
    and turns any unexpected exception into a one-line message and exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self._all_commands())

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMAND_NAMES.get(name)
        if module is None:
            return None
        return self._load(module).get(name)

    def _all_commands(self) -> dict[str, click.Command]:
        commands: dict[str, click.Command] = {}
        for module in dict.fromkeys(COMMAND_NAMES.values()):
            commands.update(self._load(module))
        return commands

    @staticmethod
    def _load(module: str) -> dict[str, click.Command]:
        holder = click.Group()
        importlib.import_module(module).register(holder)
        return dict(holder.commands)

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



def _command_names() -> dict[str, str]:
    """Command name -> module. A module `x_cmd` provides command `x`; a module
    may name more commands in a COMMAND_ALIASES entry below."""
    names = {module.rsplit(".", 1)[1].removesuffix("_cmd"): module for module in COMMAND_MODULES}
    for name, module in COMMAND_ALIASES.items():
        if module in COMMAND_MODULES:
            names[name] = module
    return names


# Commands whose name differs from their module's (module -> extra command names).
COMMAND_ALIASES: dict[str, str] = {
    "rule": "segquery.cli.rules_cmd",
    "sample-data": "segquery.cli.sample_data_cmd",
}
COMMAND_NAMES = _command_names()
