"""Options shared by the commands that talk to an org (`--org`, `--auth`, `--config`), and the one place
where their failures become a message and exit status 2."""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Any, Callable, Iterator

import click

from segquery.org.auth import AUTH_MODES
from segquery.org.errors import OrgError

_OPTIONS = (
    click.option("--org", "org_url", metavar="URL",
                 help="The org's address (https://<org>.crm.dynamics.com), instead of [tool.segquery.org] url."),
    click.option("--auth", type=click.Choice(AUTH_MODES), default="default", show_default=True,
                 help="How to sign in: default (azure-identity's DefaultAzureCredential chain), env "
                      "(AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), managed-identity, azure-cli, "
                      "or device-code (a person at a terminal)."),
    click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                 help="Read this configuration file instead of discovering one."),
)


def org_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


@contextlib.contextmanager
def org_failures(name: str) -> Iterator[None]:
    """An OrgError ends the command with its message (never a traceback) and exit status 2."""
    try:
        yield
    except OrgError as error:
        click.echo(f"segquery {name}: {error.message}", err=True)
        sys.exit(2)


def reports_org_failures(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with org_failures(name):
                return command(*args, **kwargs)
        return wrapper
    return decorate
