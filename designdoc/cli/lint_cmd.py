"""``designdoc lint``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from designdoc.cli import fail
from designdoc.errors import ConfigError, DesignDocError

FORMAT_NAMES = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")


def _split(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _append_step_summary(result: object) -> None:
    from designdoc.formats.github import step_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(step_summary(result))  # type: ignore[arg-type]
    except OSError as err:
        click.echo(f"designdoc: warning: cannot write $GITHUB_STEP_SUMMARY ({err.strerror})", err=True)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None,
              help="Output format (default: the config's `format`; else `github` when "
                   "GITHUB_ACTIONS=true, else text).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file (atomically) instead of stdout.")
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
@click.option("--changed-since", metavar="REF", default=None,
              help="Only lint docs changed since this git ref (REF...HEAD, plus uncommitted and untracked files).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Report only problems not recorded in this baseline file; list stale entries.")
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Record the current problems in this baseline file and exit 0.")
@click.option("--force-exclude", is_flag=True,
              help="Apply excludes, .gitignore and the design-doc check to files named on the "
                   "command line too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files ignored by .gitignore when walking folders (default: on).")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless designdoc itself fails.")
@click.option("--statistics", is_flag=True,
              help="Show problem counts per rule, most frequent first (instead of the problems, "
                   "for text and concise; on stderr for the other formats).")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also list skipped files (not design docs) and why, on stderr.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a TTY).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Cache folder (default: the config's `cache-dir`, else .designdoc_cache/ in the project root).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes linting many files, this one included (default: CPU count, at most 8).")
def lint(
    paths: tuple[str, ...],
    fmt: str | None,
    output_file: str | None,
    fail_on: str | None,
    config_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    stdin_filename: str | None,
    kind: str | None,
    changed_since: str | None,
    baseline_file: str | None,
    write_baseline_file: str | None,
    force_exclude: bool,
    respect_gitignore: bool | None,
    exit_zero: bool,
    statistics: bool,
    quiet: bool,
    verbose: bool,
    color: bool | None,
    no_cache: bool = False,
    cache_dir: str | None = None,
    jobs: int | None = None,
) -> None:
    """Lint Markdown design docs and YAML specs.

    PATHS may be files, folders (searched recursively) or `-` for stdin.
    Without PATHS the current folder is linted. Files in folders that are
    not design docs (no designdoc front matter, too few design-doc
    sections, e.g. a README) are skipped; `-v` lists them.

    Exit status: 0 when nothing is at or above --fail-on, 1 when something
    is, 2 on a usage, config or internal error.
    """
    from designdoc import baseline, discover, formats
    from designdoc.config import find_config, load_config
    from designdoc.problem import at_least
    from designdoc.rules.registry import resolve
    from designdoc.runner import LintRequest, run_lint

    if baseline_file and write_baseline_file:
        raise click.UsageError("use --baseline or --write-baseline, not both (rewrite a baseline with --write-baseline)")
    cli = {"select": _split(select), "ignore": _split(ignore), "extend_select": _split(extend_select)}
    try:
        for key in ("select", "ignore", "extend_select"):
            if cli[key]:
                resolve(cli[key])
    except KeyError as err:
        from designdoc.rules.registry import suggest

        bad = err.args[0]
        fail(DesignDocError(f"unknown rule '{bad}' in --{key.replace('_', '-')}: {suggest(bad)}"))
    try:
        if config_file and not Path(config_file).is_file():
            raise ConfigError(f"{config_file}: config file not found")
        forced = load_config(Path(config_file)) if config_file else None
        base = forced or load_config(find_config(Path.cwd()))
        only = discover.changed_files(changed_since) if changed_since else None
        if verbose and only is not None:
            click.echo(f"designdoc: {len(only)} file(s) changed since {changed_since}", err=True)
        recorded = baseline.load(Path(baseline_file)) if baseline_file else None
        if respect_gitignore is None:
            respect_gitignore = base.respect_gitignore
        options = discover.Options(respect_gitignore=respect_gitignore, force_exclude=force_exclude, only=only)
        request = LintRequest(list(paths), forced, kind, stdin_filename, cli,
                              use_cache=not no_cache, cache_dir=cache_dir, jobs=jobs, discovery=options)
        result = run_lint(request)
    except DesignDocError as err:
        fail(err)
        return

    if verbose:
        for f in result.files:
            if f.skipped:
                click.echo(f"designdoc: skipped {f.path}: {f.skipped}", err=True)

    if write_baseline_file:
        target = Path(write_baseline_file)
        data = baseline.build(result, target)
        try:
            baseline.save(target, data)
        except OSError as err:
            fail(DesignDocError(f"{target}: cannot write baseline: {err.strerror}"))
        n = sum(e["count"] for e in data["entries"])
        nfiles = len({e["path"] for e in data["entries"]})
        if not quiet:
            click.echo(f"designdoc: wrote {target}: {n} problem(s) in {nfiles} file(s) baselined", err=True)
        sys.exit(0)

    stale: list[baseline.StaleEntry] = []
    if recorded is not None:
        result, stale = baseline.apply(result, recorded, Path(baseline_file or ""))

    if fmt is None:
        fmt = base.format
    if fmt is None:
        on_actions = os.environ.get("GITHUB_ACTIONS") == "true" and not output_file
        fmt = "github" if on_actions else "text"
    threshold = fail_on or base.fail_on or "error"
    use_color = not output_file and (color if color is not None else sys.stdout.isatty())

    from designdoc.formats.text import statistics as stats_table, summary

    if statistics and fmt in formats.HUMAN:
        out = stats_table(result)
    else:
        out = formats.render(result, fmt, color=use_color and fmt == "text")
        if statistics:
            click.echo(stats_table(result), err=True, nl=False)
    if output_file:
        try:
            from designdoc.fsutil import write_atomic

            write_atomic(Path(output_file), out)
        except OSError as err:
            fail(DesignDocError(f"{output_file}: cannot write the report: {err.strerror}"))
    elif out:
        click.echo(out, nl=False)
    if fmt == "github":
        _append_step_summary(result)
    if stale and not quiet:
        click.echo(f"designdoc: {len(stale)} baseline entr{'ies are' if len(stale) != 1 else 'y is'} stale "
                   f"(fixed; re-run with --write-baseline {baseline_file} to drop them):", err=True)
        for e in stale:
            click.echo(f"  {e.path}: {e.rule} [{e.section or '-'}] recorded {e.recorded}, now {e.current}", err=True)
    if (fmt in formats.HUMAN or fmt == "github") and not quiet:
        click.echo(summary(result), err=True)
    if exit_zero:
        sys.exit(0)
    worst = result.worst()
    sys.exit(1 if worst and at_least(worst, threshold) else 0)
