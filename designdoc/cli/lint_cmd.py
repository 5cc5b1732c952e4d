"""``designdoc lint``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from designdoc.cli import fail
from designdoc.errors import ConfigError, DesignDocError


def _split(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="Output format (default: text, or the config's `format`).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a problem at or above this level is found (default: error).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Use this config file for all files instead of discovering one.")
@click.option("--select", multiple=True, metavar="RULE,...",
              help="Only these rules (codes, names, prefixes like DD2, or ALL).")
@click.option("--ignore", multiple=True, metavar="RULE,...", help="Skip these rules.")
@click.option("--extend-select", multiple=True, metavar="RULE,...", help="Add rules to the selection.")
@click.option("--stdin-filename", default=None, help="Path to report (and match config) for `-`.")
@click.option("--kind", type=click.Choice(["one-pager", "full", "hypothesis"]), default=None,
              help="Treat documents as this kind (overrides front matter and inference).")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless designdoc itself fails.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a TTY).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Cache folder (default: the config's `cache-dir`, else .designdoc_cache/ in the project root).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for many files (default: CPU count, at most 8).")
def lint(
    paths: tuple[str, ...],
    fmt: str | None,
    fail_on: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    stdin_filename: str | None,
    kind: str | None,
    exit_zero: bool,
    quiet: bool,
    color: bool | None,
    no_cache: bool = False,
    cache_dir: str | None = None,
    jobs: int | None = None,
) -> None:
    """Lint Markdown design docs and YAML specs.

    PATHS may be files, folders (searched recursively) or `-` for stdin.
    Without PATHS the current folder is linted.
    """
    from designdoc import formats
    from designdoc.config import find_config, load_config
    from designdoc.runner import LintRequest, run_lint
    from designdoc.problem import at_least
    from designdoc.rules.registry import resolve

    cli = {"select": _split(select), "ignore": _split(ignore), "extend_select": _split(extend_select)}
    try:
        for key in ("select", "ignore", "extend_select"):
            if cli[key]:
                resolve(cli[key])
    except KeyError as err:
        fail(DesignDocError(f"unknown rule '{err.args[0]}' in --{key.replace('_', '-')}; see `designdoc rules`"))
    try:
        if config_file and not Path(config_file).is_file():
            raise ConfigError(f"{config_file}: config file not found")
        forced = load_config(Path(config_file)) if config_file else None
        base = forced or load_config(find_config(Path.cwd()))
        request = LintRequest(list(paths), forced, kind, stdin_filename, cli,
                              use_cache=not no_cache, cache_dir=cache_dir, jobs=jobs)
        result = run_lint(request)
    except DesignDocError as err:
        fail(err)
        return

    fmt = fmt or base.format or "text"
    threshold = fail_on or base.fail_on or "error"
    use_color = color if color is not None else (fmt == "text" and sys.stdout.isatty())
    out = formats.render(result, fmt, color=use_color)
    if out:
        click.echo(out, nl=False)
    if fmt in formats.HUMAN and not quiet:
        from designdoc.formats.text import summary

        click.echo(summary(result), err=True)
    if exit_zero:
        sys.exit(0)
    worst = result.worst()
    sys.exit(1 if worst and at_least(worst, threshold) else 0)
