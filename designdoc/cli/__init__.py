"""Command-line entry point.

The CLI package is the only place that prints, prompts or exits. Each command
lives in its own module and is imported only when it runs, so ``designdoc
lint`` never pays for Jinja or the spec models.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from designdoc import __version__
from designdoc.errors import DesignDocError

# command name -> (module, attribute, one-line help shown in --help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "new": ("designdoc.cli.generate_cmds", "new", "Scaffold a design doc (and its YAML spec)."),
    "render": ("designdoc.cli.generate_cmds", "render", "Render a YAML spec to Markdown."),
    "schema": ("designdoc.cli.generate_cmds", "schema", "Print the JSON Schema of a spec kind."),
    "lint": ("designdoc.cli.lint_cmd", "lint", "Lint Markdown design docs and YAML specs."),
    "init": ("designdoc.cli.init_cmd", "init", "Set up designdoc in a repo: config, first doc, CI snippets."),
    "rules": ("designdoc.cli.rules_cmds", "rules", "List the rules."),
    "rule": ("designdoc.cli.rules_cmds", "rule", "Explain one rule."),
    "checklist": ("designdoc.cli.review_cmds", "checklist", "The review checklist of a doc for a lead."),
    "status": ("designdoc.cli.review_cmds", "status", "Move a doc to another status if its gates pass."),
    "report": ("designdoc.cli.review_cmds", "report", "Index the design docs of a folder (Markdown, HTML)."),
    "clean": ("designdoc.cli.clean_cmd", "clean", "Remove the lint result cache."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        return getattr(module, entry[1])

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text comes from the table, so `--help` imports no command module.
        rows = [(name, COMMANDS[name][2]) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="designdoc")
def cli() -> None:
    """Scaffold, lint and review ML system design documents."""


def main(args: list[str] | None = None, prog_name: str = "designdoc") -> Any:
    """Console-script entry: turn user-facing errors into one line and exit 2."""
    try:
        return cli.main(args=args, prog_name=prog_name, standalone_mode=True)
    except DesignDocError as err:  # raised outside click's own handling
        click.echo(f"designdoc: {err}", err=True)
        sys.exit(err.exit_code)
    except Exception as err:  # a bug of ours: one line for the user, exit 2
        if os.environ.get("DESIGNDOC_DEBUG"):
            raise
        click.echo(
            f"designdoc: internal error: {type(err).__name__}: {err} "
            "(please report it; set DESIGNDOC_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(2)


def fail(err: DesignDocError) -> None:
    """Report a user-facing error from inside a command and exit."""
    click.echo(f"designdoc: {err}" if "\n" not in str(err) else str(err), err=True)
    sys.exit(err.exit_code)
