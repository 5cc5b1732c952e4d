"""``designdoc new``, ``designdoc render`` and ``designdoc schema``.

This module is imported only when one of these commands runs (the group in
``designdoc.cli`` loads it lazily), so Jinja never slows down ``lint``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from designdoc.cli import fail
from designdoc.errors import DesignDocError, FileExistsRefusal, SpecError
from designdoc.spec.models import KINDS, LANGS

# What `new` asks for "the problem", per kind.
PROBLEM_KEY = {"full": "goals.problem", "one-pager": "why.problem", "hypothesis": "idea.statement"}
PROBLEM_PROMPT = {
    "en": {"full": "Business problem (one line)", "one-pager": "Problem (one line)", "hypothesis": "Hypothesis (one line)"},
    "ru": {"full": "Бизнес-проблема (одной строкой)", "one-pager": "Проблема (одной строкой)", "hypothesis": "Гипотеза (одной строкой)"},
}
DEFAULT_TITLE = {
    "en": {"full": "New ML system design doc", "one-pager": "New one-pager", "hypothesis": "New hypothesis"},
    "ru": {"full": "Новый дизайн-документ ML-системы", "one-pager": "Новый одностраничник", "hypothesis": "Новая гипотеза"},
}


def _stdin_is_tty() -> bool:
    """Whether we may prompt (a seam for tests; CI never has a TTY)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _exit_with(err: DesignDocError) -> NoReturn:
    """Report a user-facing error; a spec error lists one ``file:line:col: message`` per line."""
    if isinstance(err, SpecError):
        for issue in err.issues:
            # Problems found in --set values have no file position to show.
            click.echo(f"--set: {issue.message}" if issue.path == "--set" else str(issue), err=True)
        n = len(err.issues)
        click.echo(f"designdoc: {n} problem{'s' if n != 1 else ''} in the spec", err=True)
        sys.exit(err.exit_code)
    fail(err)
    sys.exit(err.exit_code)  # pragma: no cover - fail() exits


def _parse_sets(sets: tuple[str, ...]) -> list[tuple[str, Any]]:
    from designdoc.spec.loader import parse_scalar

    out: list[tuple[str, Any]] = []
    for raw in sets:
        key, sep, value = raw.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{raw!r}: expected KEY=VALUE, e.g. goals.problem=\"…\"", param_hint="--set")
        out.append((key.strip(), parse_scalar(value)))
    return out


def _templates_dir(option: str | None) -> Path | None:
    from designdoc.generate import project_templates_dir

    return Path(option) if option else project_templates_dir()


@click.command("new")
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option("--title", help="Document title (also names the files).")
@click.option("--lang", type=click.Choice(LANGS), help="Document language [default: en].")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Output folder.",
)
@click.option("--spec", "spec_file", type=click.Path(dir_okay=False, path_type=Path), help="Render this YAML spec instead of writing a skeleton.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Fill a field, e.g. --set goals.problem='…' --set owners=[alice]. Repeatable.")
@click.option("--no-input", is_flag=True, help="Never prompt (CI).")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--templates", "templates", type=click.Path(file_okay=False), help="Project templates folder [default: .designdoc/templates if present].")
@click.option("--no-guidance", is_flag=True, help="Leave out the <!-- designdoc: … --> section hints.")
def new(
    kind: str | None,
    title: str | None,
    lang: str | None,
    out: Path,
    spec_file: Path | None,
    sets: tuple[str, ...],
    no_input: bool,
    force: bool,
    dry_run: bool,
    templates: str | None,
    no_guidance: bool,
) -> None:
    """Scaffold a design doc of KIND (one-pager, full, hypothesis).

    Without --spec, writes a commented YAML spec, the rendered Markdown doc
    and the spec's JSON Schema (under OUT/.designdoc/schema/) for editor
    completion. With --spec, renders that spec into OUT.
    """
    from designdoc import generate

    overrides = _parse_sets(sets)
    interactive = _stdin_is_tty() and not no_input
    try:
        tdir = _templates_dir(templates)
        if spec_file is not None:
            spec = _spec_with_overrides(spec_file, kind, title, lang, overrides)
            files = generate.plan_new(spec.kind, {}, out, spec=spec, templates_dir=tdir, guidance=not no_guidance)
        else:
            if kind is None:
                if not interactive:
                    raise click.UsageError("missing KIND: one of " + ", ".join(KINDS))
                kind = click.prompt("Kind", type=click.Choice(KINDS), default="full")
            set_keys = {k for k, _ in overrides}
            if lang is None:
                lang = click.prompt("Language", type=click.Choice(LANGS), default="en") if interactive and "lang" not in set_keys else "en"
            if title is None and "title" not in set_keys:
                default = DEFAULT_TITLE[lang][kind]
                title = click.prompt("Title", default=default) if interactive else default
            owners: list[str] = []
            if interactive and "owners" not in set_keys:
                raw = click.prompt("Owners (comma-separated)", default="", show_default=False)
                owners = [o.strip() for o in raw.split(",") if o.strip()]
            if interactive and PROBLEM_KEY[kind] not in set_keys:
                problem = click.prompt(PROBLEM_PROMPT[lang][kind], default="", show_default=False)
                if problem.strip():
                    overrides.append((PROBLEM_KEY[kind], problem.strip()))
            try:
                values = generate.build_spec_values(
                    kind, title=title or DEFAULT_TITLE[lang][kind], lang=lang, owners=owners, overrides=overrides
                )
            except ValueError as err:
                raise click.BadParameter(str(err), param_hint="--set") from None
            files = generate.plan_new(kind, values, out, templates_dir=tdir, guidance=not no_guidance)
        if dry_run:
            _show_plan(files, force)
            return
        written = generate.write_files(files, force=force)
    except DesignDocError as err:
        _exit_with(err)
    for path in written:
        click.echo(str(path))


def _refuse_markdown(command: str, name: str, text: str | None = None) -> None:
    """A clear error, not a YAML syntax error, when a Markdown doc is given where a spec belongs."""
    from designdoc.spec.loader import looks_like_markdown

    if text is None and not Path(name).is_file():
        return  # the loader reports a missing file
    if text is None and not looks_like_markdown(name):
        try:
            with open(name, encoding="utf-8", errors="replace") as fh:
                text = fh.read(65536)
        except OSError:
            return  # the loader reports it
    if looks_like_markdown(name, text):
        raise DesignDocError(
            f"{command} takes a YAML spec; {name} is a Markdown doc (lint it with `designdoc lint`)"
        )


def _spec_with_overrides(
    spec_file: Path, kind: str | None, title: str | None, lang: str | None, overrides: list[tuple[str, Any]]
) -> Any:
    """Load ``spec_file`` and apply --title/--lang/--set on top of it."""
    from designdoc.generate import check_values
    from designdoc.spec.loader import apply_override, load_spec

    _refuse_markdown("new --spec", str(spec_file))
    spec = load_spec(spec_file)
    if kind is not None and kind != spec.kind:
        raise DesignDocError(f"{spec_file} is a {spec.kind} spec, not {kind}")
    extra = list(overrides)
    if title is not None:
        extra.insert(0, ("title", title))
    if lang is not None:
        extra.insert(0, ("lang", lang))
    if not extra:
        return spec
    data = spec.model_dump(mode="json", exclude_unset=True)
    data["kind"] = spec.kind
    for key, value in extra:
        try:
            apply_override(data, key, value)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--set") from None
    return check_values(data)


def _show_plan(files: list[Any], force: bool) -> None:
    """--dry-run: list every file with its content (the schema only by name)."""
    conflicts = [f.path for f in files if not f.managed and f.path.exists() and not force]
    for f in files:
        state = "overwrite" if f.path.exists() else "create"
        click.echo(f"would {state} {f.path} ({len(f.content.encode('utf-8'))} bytes)")
    for f in files:
        if not f.managed:
            click.echo(f"\n===== {f.path} =====")
            click.echo(f.content, nl=False)
    if conflicts:
        _exit_with(FileExistsRefusal(f"{conflicts[0]} already exists; use --force to overwrite it"))


@click.command("render")
@click.argument("spec", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file, or a folder (file named after the title). Default: stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
@click.option("--templates", "templates", type=click.Path(file_okay=False), help="Project templates folder [default: .designdoc/templates if present].")
@click.option("--no-guidance", is_flag=True, help="Leave out the <!-- designdoc: … --> section hints.")
def render(spec: str, output: Path | None, force: bool, templates: str | None, no_guidance: bool) -> None:
    """Render the YAML SPEC to Markdown (`-` reads stdin)."""
    from designdoc import generate
    from designdoc.slug import slugify
    from designdoc.spec.loader import load_spec, load_spec_text

    try:
        if spec == "-":
            text = sys.stdin.read()
            _refuse_markdown("render", "<stdin>", text)
            model = load_spec_text(text, "<stdin>")
        else:
            _refuse_markdown("render", spec)
            model = load_spec(spec)
        text = generate.render(model, _templates_dir(templates), guidance=not no_guidance)
        if output is None:
            click.echo(text, nl=False)
            return
        target = generate.inside(output, slugify(model.title) + ".md") if output.is_dir() else output
        generate.write_atomic(target, text, force=force)
    except DesignDocError as err:
        _exit_with(err)
    click.echo(str(target))


@click.command("schema")
@click.argument("kind", type=click.Choice(KINDS))
@click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True, help="Language of the field descriptions.")
def schema(kind: str, lang: str) -> None:
    """Print the JSON Schema (draft-07) of the YAML spec for KIND.

    Point your editor at it, e.g. with a first line
    `# yaml-language-server: $schema=<file>` in the spec.
    """
    from designdoc.spec.schema import spec_json_schema

    click.echo(json.dumps(spec_json_schema(kind, lang), indent=2, ensure_ascii=False))
