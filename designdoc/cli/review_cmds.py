"""``designdoc checklist``, ``designdoc status`` and ``designdoc report``: review tools for leads."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from designdoc.cli import fail
from designdoc.errors import ConfigError, DesignDocError


def _config(config_file: str | None, near: Path):  # type: ignore[no-untyped-def]
    """The config named by --config, else the one found from ``near``."""
    from designdoc.config import find_config, load_config

    if config_file:
        if not Path(config_file).is_file():
            raise ConfigError(f"{config_file}: config file not found")
        return load_config(Path(config_file))
    return load_config(find_config(near))


def _read(path: str) -> str:
    """A doc's text, or a one-line error naming the file (exit 2)."""
    p = Path(path)
    try:
        if p.is_dir():
            raise DesignDocError(f"{path}: is a folder, not a design doc")
        data = p.read_bytes()
        return data.decode("utf-8")
    except FileNotFoundError:
        raise DesignDocError(f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise DesignDocError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise DesignDocError(f"{path}: cannot read: {err.strerror or err}") from None


def _write_new(path: str, text: str) -> None:
    """Write a report file atomically, creating missing parent folders (DesignDocError on failure)."""
    from designdoc.fsutil import write_atomic

    try:
        write_atomic(path, text)
    except (FileExistsError, NotADirectoryError):
        raise DesignDocError(f"{path}: cannot write: a parent of it is a file, not a folder") from None
    except OSError as err:
        raise DesignDocError(f"{path}: cannot write: {err.strerror or err}") from None


_config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False),
    help="Use this config file instead of discovering one.",
)


@click.command()
@click.argument("doc", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Markdown to paste into a review, or JSON for tools.")
@_config_option
def checklist(doc: str, fmt: str, config_file: str | None) -> None:
    """The review checklist of DOC for a lead.

    Items designdoc can verify are ticked from the lint; what only a human can
    judge is asked as open questions quoting the doc. Exit 0 unless DOC cannot
    be read.
    """
    from designdoc.review.checklist import build_checklist

    try:
        text = _read(doc)
        cfg = _config(config_file, Path(doc).parent)
        result = build_checklist(text, doc, cfg)
    except DesignDocError as err:
        fail(err)
        return
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.to_markdown(), nl=False)


@click.command()
@click.argument("doc", type=click.Path())
@click.argument("new_status", metavar="STATUS",
                type=click.Choice(["draft", "review", "approved", "rejected", "superseded"]))
@click.option("--force", is_flag=True,
              help="Change the status even when its gates fail or the doc is rejected/superseded.")
@_config_option
def status(doc: str, new_status: str, force: bool, config_file: str | None) -> None:
    """Set the status of DOC (and `updated` to today) in its front matter.

    STATUS is one of: draft, review, approved, rejected, superseded.

    Moving to `review` needs the review gates to pass, to `approved` the
    approval gates; otherwise nothing is written, what is missing is listed
    and the exit code is 1 (`--force` overrides). A `rejected` or
    `superseded` doc is final: moving it to `review` or `approved` needs
    `--force` (moving it back to `draft` does not). The rest of the file is
    kept byte for byte; the front matter must have one key per line.
    """
    from designdoc.fsutil import write_atomic
    from designdoc.review.status import change_status

    try:
        text = _read(doc)
        cfg = _config(config_file, Path(doc).parent)
        change = change_status(text, doc, new_status, config=cfg, force=force)
    except DesignDocError as err:
        fail(err)
        return
    if change.refused:
        if change.from_terminal:
            click.echo(
                f"designdoc: {doc}: not moved to '{new_status}': the doc is '{change.old}', a final "
                f"status; pass --force to reopen it as '{new_status}'.",
                err=True,
            )
        if change.blockers:
            gate = "review" if new_status == "review" else "approval"
            head = "It also fails" if change.from_terminal else f"designdoc: {doc}: not moved to '{new_status}':"
            verb = ":" if change.from_terminal else " fail:"
            click.echo(f"{head} {len(change.blockers)} {gate} gate(s){verb}", err=True)
            for b in change.blockers:
                click.echo(f"  {doc}:{b.line}: {b.message} [{b.rule}]", err=True)
            click.echo("Fix them, or pass --force to change the status anyway.", err=True)
        sys.exit(1)
    if not change.changed:
        click.echo(f"{doc}: status is already '{new_status}'; nothing changed")
        return
    try:
        write_atomic(doc, change.text)
    except OSError as err:
        fail(DesignDocError(f"{doc}: cannot write: {err.strerror or err}"))
        return
    notes = []
    if change.from_terminal:
        notes.append(f"forced out of final status '{change.old}'")
    if change.blockers:
        notes.append(f"forced past {len(change.blockers)} failing gate(s)")
    note = f" ({'; '.join(notes)})" if notes else ""
    click.echo(f"{doc}: status {change.old} → {change.new}{note}")


@click.command()
@click.argument("folder", metavar="PATH", type=click.Path())
@click.option("--write", "index", type=click.Path(dir_okay=False), default=None,
              help="Write the table into this index file between designdoc-report markers.")
@click.option("--check", is_flag=True,
              help="With --write: change nothing, exit 1 when the index is stale (for CI).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None,
              help="Also write a self-contained HTML page (sortable table, section heatmap).")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="What to print on stdout.")
@_config_option
def report(folder: str, index: str | None, check: bool, html_file: str | None, fmt: str,
           config_file: str | None) -> None:
    """An index of the design docs under PATH: title, kind, status, owners, readiness, problems.

    PATH is a folder (every design doc under it) or a single doc file.
    Prints a Markdown table; `--write INDEX.md` puts it into an index file
    (the rest of the file is kept), `--check` only tells whether that index
    is stale; `--html FILE` writes a one-file HTML report. Missing parent
    folders of INDEX.md and FILE are created; files are replaced atomically.
    """
    from designdoc.review.report import collect, index_is_stale, markdown_table, updated_index

    if check and not index:
        fail(DesignDocError("--check needs --write INDEX.md (the index file to check)"))
        return
    target = Path(folder)
    if not target.exists():
        fail(DesignDocError(f"{folder}: no such folder or file"))
        return
    if not (target.is_dir() or target.is_file()):
        fail(DesignDocError(f"{folder}: not a folder or a regular file"))
        return
    # Where links and the HTML page's paths are relative to.
    root = folder if target.is_dir() else str(target.parent)
    try:
        forced = _config(config_file, Path(folder)) if config_file else None
        entries = collect(folder, forced)
    except DesignDocError as err:
        fail(err)
        return

    if index:
        base = str(Path(index).parent)
        table = markdown_table(entries, base)
        current = None
        if Path(index).exists():
            try:
                current = Path(index).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError) as err:
                fail(DesignDocError(f"{index}: cannot read: {err}"))
                return
        if check:
            if index_is_stale(current, table):
                click.echo(f"{index}: the design-doc index is stale; run "
                           f"`designdoc report {folder} --write {index}`", err=True)
                sys.exit(1)
            click.echo(f"{index}: up to date")
            return
        new = updated_index(current, table)
        if new != current:
            try:
                _write_new(index, new)
            except DesignDocError as err:
                fail(err)
                return
            click.echo(f"wrote {index} ({len(entries)} docs)", err=True)
        else:
            click.echo(f"{index}: up to date", err=True)
    if html_file:
        from designdoc.review.html import render_html

        try:
            _write_new(html_file, render_html(entries, root))
        except DesignDocError as err:
            fail(err)
            return
        click.echo(f"wrote {html_file}", err=True)
    if not index:
        if fmt == "json":
            out = {"version": 1, "folder": folder, "docs": [e.to_json() for e in entries]}
            click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        elif not html_file:
            click.echo(markdown_table(entries), nl=False)
