"""``designdoc rules`` and ``designdoc rule ID``."""

from __future__ import annotations

import json

import click

from designdoc.cli import fail
from designdoc.errors import DesignDocError


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text (default): one rule a line; json: for tools.")
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity, section, summary."""
    from designdoc.rules.registry import all_rules

    items = all_rules()
    if fmt == "json":
        click.echo(json.dumps([r.to_json() for r in items], ensure_ascii=False, indent=2))
        return
    width = max(len(r.name) for r in items)
    for r in items:
        section = f"[{r.section}]" if r.section else ""
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary} {section}".rstrip())


@click.command()
@click.argument("ident", metavar="ID")
def rule(ident: str) -> None:
    """Explain one rule (by code or name), e.g. `designdoc rule DD101`.

    `designdoc rules` lists every rule with its code and name.
    """
    from designdoc.rules.registry import get_rule, suggest

    r = get_rule(ident)
    if r is None:
        fail(DesignDocError(f"unknown rule '{ident}': {suggest(ident)}"))
        return
    click.echo(f"{r.code} {r.name}")
    click.echo(f"Default severity: {r.severity}" + (f" (in a draft: {r.draft})" if r.draft else ""))
    if r.section:
        click.echo(f"Section: {r.section}")
    if r.options:
        opts = ", ".join(f"{k} = {v!r}" for k, v in r.options.items())
        click.echo(f"Options: {opts}")
    click.echo("")
    click.echo(r.doc)
