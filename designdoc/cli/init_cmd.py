"""``designdoc init``: a starter config, a first design doc, and CI snippets."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from designdoc import __version__
from designdoc.cli import fail
from designdoc.errors import DesignDocError

REPO_URL = "https://github.com/designdoc/designdoc"

CONFIG_TEMPLATE = """\
# designdoc configuration: {url}
# Rules are named by code (DD101) or name (missing-section); see `designdoc rules`.
select = ["ALL"]
# Folders never linted (gitignore-style globs; .gitignore is respected too).
exclude = ["docs/archive/**"]
# Exit 1 on problems at or above this level: error | warning | info.
fail-on = "error"

# [severity]
# placeholder-text = "warning"      # error | warning | info | off

# [[overrides]]
# paths = ["{docs}/hypotheses/**"]
# kind = "hypothesis"
"""

STATIC_DOC = {
    "en": """\
---
title: {title}
kind: one-pager
status: draft
owners: []
reviewers: []
lang: en
created: "{today}"
updated: "{today}"
---

# {title}

## Why
TODO: the problem, who has it, and the value we expect.

## What
TODO: what the system does and returns; the metric it moves and the target.

## How
TODO: data, a simple baseline, the model, and how we test it (A/B).
""",
    "ru": """\
---
title: {title}
kind: one-pager
status: draft
owners: []
reviewers: []
lang: ru
created: "{today}"
updated: "{today}"
---

# {title}

## Зачем
TODO: проблема, у кого она и какую ценность мы ждём.

## Что
TODO: что делает система и что возвращает; какую метрику двигаем и цель.

## Как
TODO: данные, простой бейзлайн, модель и как проверяем (A/B).
""",
}

DEFAULT_TITLE = {"en": "Our first design doc", "ru": "Наш первый дизайн-документ"}


def precommit_snippet() -> str:
    return f"""\
# .pre-commit-config.yaml
repos:
  - repo: {REPO_URL}
    rev: v{__version__}
    hooks:
      - id: designdoc
"""


def workflow_snippet(docs: str) -> str:
    return f"""\
# .github/workflows/designdoc.yml
name: designdoc
on:
  pull_request:
    paths: ["{docs}/**", ".designdoc.toml"]
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning
jobs:
  designdoc:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: designdoc/designdoc@v{__version__}
        with:
          paths: {docs}
"""


def _generated_doc(kind: str, lang: str, title: str, docs: Path) -> list[tuple[Path, str, bool]]:
    """The files `designdoc new` would write, or [] when the generator is unavailable."""
    try:
        from designdoc.generate import build_spec_values, plan_new
    except ImportError:
        return []
    values = build_spec_values(kind, title=title, lang=lang)
    return [(f.path, f.content, f.managed) for f in plan_new(kind, values, docs)]


def _slug(title: str) -> str:
    import re

    slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-")
    return slug or "first-design-doc"


@click.command()
@click.option("--dir", "docs_dir", default="docs/design", show_default=True,
              help="Folder for design docs.")
@click.option("--kind", type=click.Choice(["one-pager", "full", "hypothesis"]), default="one-pager",
              show_default=True, help="Kind of the first doc.")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True,
              help="Language of the first doc.")
@click.option("--title", default=None, help="Title of the first doc.")
@click.option("--no-doc", is_flag=True, help="Write only the config, no first doc.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(docs_dir: str, kind: str, lang: str, title: str | None, no_doc: bool, force: bool) -> None:
    """Set up designdoc in this repository.

    Writes a starter .designdoc.toml and a first design doc in docs/design/,
    never overwriting existing files without --force, then prints the
    pre-commit and GitHub Actions snippets to add.
    """
    from designdoc.config import find_config

    cwd = Path.cwd()
    docs = Path(docs_dir)
    if docs.is_absolute() or ".." in docs.parts:
        fail(DesignDocError(f"--dir must be a folder inside this repository, not {docs_dir}"))
    planned: list[tuple[Path, str, bool]] = []  # (path, content, managed)
    existing = find_config(cwd)
    if existing is not None and existing.parent == cwd and existing.name == "pyproject.toml" and not force:
        click.echo(f"designdoc: config found in {existing.name} [tool.designdoc]; not writing .designdoc.toml", err=True)
    else:
        planned.append((Path(".designdoc.toml"), CONFIG_TEMPLATE.format(url=REPO_URL, docs=docs.as_posix()), False))

    note = None
    if not no_doc:
        doc_title = title or DEFAULT_TITLE[lang]
        try:
            files = _generated_doc(kind, lang, doc_title, docs)
        except DesignDocError as err:
            fail(err)
            return
        except Exception as err:  # the generator is still being built: fall back, say so
            files = []
            note = f"the generator failed ({type(err).__name__}); wrote a short static one-pager instead"
        if not files:
            note = note or "the generator is not available; wrote a short static one-pager instead"
            name = f"{_slug(doc_title)}.md"
            text = STATIC_DOC[lang].format(title=doc_title, today=dt.date.today().isoformat())
            files = [(docs / name, text, False)]
        planned += files

    from designdoc.errors import FileExistsRefusal
    from designdoc.fsutil import write_atomic

    for path, content, managed in planned:
        kept = f"kept     {path.as_posix()} (exists; --force overwrites it)"
        if path.exists() and not force and not managed:
            click.echo(kept)
            continue
        if managed and path.is_file() and path.read_text(encoding="utf-8", errors="replace") == content:
            continue
        try:
            write_atomic(path, content, overwrite=force or managed)
        except FileExistsRefusal:  # appeared since we looked
            click.echo(kept)
            continue
        except OSError as err:
            fail(DesignDocError(f"{path}: cannot write: {err.strerror}"))
        click.echo(f"wrote    {path.as_posix()}")
    if note:
        click.echo(f"designdoc: note: {note}", err=True)

    click.echo("")
    click.echo("Next: fill in the doc, then run `designdoc lint " + docs.as_posix() + "`.")
    click.echo("")
    click.echo("Add the pre-commit hook:\n")
    click.echo(precommit_snippet())
    click.echo("Add the GitHub Actions workflow:\n")
    click.echo(workflow_snippet(docs.as_posix()), nl=False)
    sys.exit(0)
