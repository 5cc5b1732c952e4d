"""Spec → Markdown: template lookup, sandboxed Jinja rendering, skeletons, safe writes.

Template lookup order: a project folder (``--templates DIR``, by default
``.designdoc/templates`` when it exists) first, then the packaged templates.
A project template may override a whole ``<lang>/<kind>.md.j2`` or extend the
packaged one under the same name (``{% extends "en/full.md.j2" %}``) and
override a single section block; ``builtin/en/full.md.j2`` always names the
packaged file explicitly.

Jinja is imported here only, so the lint path never pays for it. Nothing here
prints or exits: errors are :class:`designdoc.errors.DesignDocError` subclasses.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import traceback
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

import jinja2
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from designdoc import fsutil
from designdoc.errors import DesignDocError, FileExistsRefusal, SpecError
from designdoc.slug import slugify
from designdoc.spec.loader import _issues_from, _unwrap, apply_override, load_spec, load_spec_text
from designdoc.spec.models import KINDS, LANGS, SpecBase, field_help, model_examples, model_for_kind
from designdoc.spec.schema import spec_json_schema

__all__ = [
    "PlannedFile",
    "TemplateRenderError",
    "build_spec_values",
    "make_environment",
    "packaged_templates_dir",
    "plan_new",
    "project_templates_dir",
    "render",
    "render_spec",
    "schema_relpath",
    "spec_skeleton",
    "template_name",
    "write_atomic",
    "write_files",
]

BUILTIN_PREFIX = "builtin"
PROJECT_TEMPLATES = Path(".designdoc") / "templates"


class TemplateRenderError(DesignDocError):
    """A template failed to load or render (syntax, undefined name, sandbox violation)."""


# ---------------------------------------------------------------- template lookup


def packaged_templates_dir() -> Path:
    """The shipped templates: ``designdoc/templates`` in a wheel, ``templates/`` in a checkout."""
    try:
        from importlib.resources import files

        candidate = files("designdoc") / "templates"
        if candidate.is_dir():
            return Path(str(candidate))
    except (ModuleNotFoundError, TypeError, NotADirectoryError):  # pragma: no cover
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def project_templates_dir(cwd: Union[str, Path, None] = None) -> Path | None:
    """``.designdoc/templates`` under ``cwd`` (default: the current directory) if it exists."""
    candidate = Path(cwd or Path.cwd()) / PROJECT_TEMPLATES
    return candidate if candidate.is_dir() else None


def template_name(kind: str, lang: str) -> str:
    """The template that renders ``kind`` in ``lang``, e.g. ``en/full.md.j2``."""
    return f"{lang}/{kind}.md.j2"


class _Environment(ImmutableSandboxedEnvironment):
    """Sandboxed environment where a template extending its own name reaches the packaged one."""

    def join_path(self, template: str, parent: str) -> str:
        if template == parent or (parent.startswith(BUILTIN_PREFIX + "/") and template == parent[len(BUILTIN_PREFIX) + 1 :]):
            return f"{BUILTIN_PREFIX}/{template}"
        return template


def make_environment(templates_dir: Union[str, Path, None] = None) -> jinja2.Environment:
    """A sandboxed, strict Jinja environment over the project folder then the packaged one."""
    packaged = jinja2.FileSystemLoader(str(packaged_templates_dir()), encoding="utf-8")
    loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({BUILTIN_PREFIX: packaged}, delimiter="/")]
    if templates_dir is not None:
        tdir = Path(templates_dir)
        if not tdir.is_dir():
            raise TemplateRenderError(f"templates folder not found: {tdir}")
        loaders.append(jinja2.FileSystemLoader(str(tdir), encoding="utf-8"))
    loaders.append(packaged)
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        yaml_scalar=_yaml_scalar,
        yaml_flow=_yaml_flow,
        cell=_cell,
        num=_num,
        filled=_filled,
    )
    env.tests["filled"] = _filled
    return env


# ---------------------------------------------------------------- filters


def _filled(value: Any) -> bool:
    """True when a value carries content (not None, not blank, not an empty list)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return bool(value)
    return True


def _yaml_scalar(value: Any) -> str:
    """A YAML scalar safe to read back under both YAML 1.1 and 1.2 rules."""
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    dumped = yaml.safe_dump(text, default_flow_style=True, allow_unicode=True, width=math.inf)  # type: ignore[call-overload]
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _yaml_flow(values: Any) -> str:
    """A flow-style YAML list: ``[alice, bob]``."""
    return "[" + ", ".join(_yaml_scalar(v) for v in (values or [])) + "]"


def _cell(value: Any) -> str:
    """Text made safe for one Markdown table cell."""
    text = "" if value is None else str(value).strip()
    return text.replace("|", "\\|").replace("\r\n", "\n").replace("\n\n", "<br><br>").replace("\n", " ")


def _num(value: Any, lang: str = "en") -> str:
    """A number written the way the language writes it (``0.05`` / ``0,05``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "ru" else text


# ---------------------------------------------------------------- rendering


def _context(spec: SpecBase, guidance: bool) -> dict[str, Any]:
    data = spec.model_dump(mode="json")
    today = dt.date.today().isoformat()
    data["created"] = data.get("created") or today
    data["updated"] = data.get("updated") or data["created"]
    return {**data, "spec": data, "guidance": guidance}


def _template_location(err: BaseException) -> str:
    """``name:line`` of the innermost template frame of a rendering error."""
    lineno = getattr(err, "lineno", None)
    name = getattr(err, "filename", None) or getattr(err, "name", None)
    if lineno and name:
        return f"{name}:{lineno}"
    for frame in reversed(traceback.extract_tb(err.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{frame.filename}:{frame.lineno}"
    return name or "template"


def render(spec: SpecBase, templates_dir: Union[str, Path, None] = None, *, guidance: bool = True) -> str:
    """Render a validated spec to Markdown with the template for its kind and language."""
    env = make_environment(templates_dir)
    name = template_name(spec.kind, spec.lang)
    try:
        template = env.get_template(name)
        text = template.render(_context(spec, guidance))
    except jinja2.TemplateNotFound as err:
        raise TemplateRenderError(f"template not found: {err.name}") from None
    except jinja2.exceptions.SecurityError as err:
        raise TemplateRenderError(
            f"{_template_location(err)}: blocked by the template sandbox: {err}"
        ) from None
    except jinja2.TemplateError as err:
        raise TemplateRenderError(f"{_template_location(err)}: template error: {err.message or err}") from None
    except Exception as err:  # noqa: BLE001 - a project template may raise anything
        raise TemplateRenderError(f"{_template_location(err)}: template failed: {type(err).__name__}: {err}") from None
    return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines outside fenced code and end with one newline."""
    out: list[str] = []
    fence: str | None = None
    blank = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if fence is None and re.match(r"^(```+|~~~+)", stripped):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        if fence is None and not stripped:
            blank += 1
            if blank > 1:
                continue
            out.append("")
            continue
        blank = 0
        out.append(line.rstrip() if fence is None else line)
    return "\n".join(out).strip("\n") + "\n"


def render_spec(
    spec_or_path_or_text: Union[SpecBase, Mapping[str, Any], str, os.PathLike[str]],
    templates_dir: Union[str, Path, None] = None,
    *,
    guidance: bool = True,
) -> str:
    """Render a spec given as a model, a mapping, a file path or YAML text.

    A ``str`` is taken as a path when it names an existing file and has no
    newline, otherwise as YAML text. Raises :class:`SpecError` for a bad spec
    and :class:`TemplateRenderError` for a template problem.
    """
    src = spec_or_path_or_text
    if isinstance(src, SpecBase):
        spec = src
    elif isinstance(src, Mapping):
        spec = _validate_mapping(dict(src), "<spec>")
    elif isinstance(src, os.PathLike):
        spec = load_spec(src)
    elif isinstance(src, str):
        looks_like_path = "\n" not in src and src.strip().lower().endswith((".yaml", ".yml"))
        if "\n" not in src and src.strip() and (Path(src).is_file() or looks_like_path):
            spec = load_spec(src)  # a missing *.yaml file is reported, not parsed as text
        else:
            spec = load_spec_text(src, "<string>")
    else:
        raise TypeError(f"cannot render a {type(src).__name__}")
    return render(spec, templates_dir, guidance=guidance)


def _validate_mapping(data: dict[str, Any], source: str) -> SpecBase:
    """Validate a plain mapping (no YAML positions: issues are located at 1:1)."""
    from designdoc.spec.loader import Positions, validate_spec

    return validate_spec(data, Positions(), source)


# ---------------------------------------------------------------- skeletons


def schema_relpath(kind: str, lang: str = "en") -> str:
    """Where ``designdoc new`` puts the JSON Schema, relative to the output folder.

    A Russian spec gets its own file (``full.ru.schema.json``: the same keys,
    Russian help on hover), so EN and RU specs in one folder never fight over it.
    """
    suffix = "" if lang == "en" else f".{lang}"
    return f".designdoc/schema/{kind}{suffix}.schema.json"


def build_spec_values(
    kind: str,
    *,
    title: str,
    lang: str = "en",
    owners: list[str] | None = None,
    overrides: list[tuple[str, Any]] | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """The starting values of a new spec: metadata, then ``--set`` overrides in order."""
    date = (today or dt.date.today()).isoformat()
    values: dict[str, Any] = {
        "spec_version": 1,
        "kind": kind,
        "title": title,
        "lang": lang,
        "status": "draft",
        "owners": list(owners or []),
        "reviewers": [],
        "created": date,
        "updated": date,
    }
    for key, value in overrides or []:
        apply_override(values, key, value)
    return values


def check_values(values: dict[str, Any], source: str = "--set") -> SpecBase:
    """Validate in-memory spec values, reporting problems by key (for ``--set``)."""
    from designdoc.spec.loader import Positions, validate_spec
    from pydantic import ValidationError

    kind = values.get("kind")
    if kind not in KINDS:
        return validate_spec(values, Positions(), source)  # raises a readable SpecError
    try:
        return model_for_kind(str(kind)).model_validate(values)
    except ValidationError as err:
        issues = _issues_from(err, values, Positions(), source, model_for_kind(str(kind)))
        raise SpecError(issues) from None


def _scalar_lines(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, str) and "\n" in value:
        body = [f"{indent}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
        return [f"{indent}{key}: |-", *body]
    return [f"{indent}{key}: {_yaml_scalar(value) if value is not None else ''}".rstrip()]


def _block_yaml(value: Any, indent: str) -> list[str]:
    """Block-style YAML for a list/dict value set with --set, indented under its key."""
    dumped = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return [f"{indent}  {line}" for line in dumped.rstrip("\n").split("\n")]


def _comment(text: str, indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.split("\n")]


def _example_item(item_model: type[BaseModel], indent: str, lang: str) -> list[str]:
    """A commented example list item for ``item_model`` (from its schema examples)."""
    examples = model_examples(item_model, lang)
    if not examples:
        return []
    dumped = yaml.safe_dump(examples[:1], allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    head = SKELETON_TEXT[lang]["example"]
    return [f"{indent}# {head}"] + [f"{indent}#   {line}" for line in dumped.rstrip("\n").split("\n")]


def _skeleton_fields(
    model: type[BaseModel], values: Mapping[str, Any], indent: str, top: bool, lang: str = "en"
) -> list[str]:
    lines: list[str] = []
    for name, field in model.model_fields.items():
        annotation = _unwrap(field.annotation)
        if top and lines:
            lines.append("")
        help_text = field_help(field, lang)
        if help_text:
            lines.extend(_comment(help_text, indent))
        present = name in values
        value = values.get(name)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            sub = value if isinstance(value, Mapping) else {}
            lines.append(f"{indent}{name}:")
            lines.extend(_skeleton_fields(annotation, sub, indent + "  ", top=False, lang=lang))
            continue
        if typing.get_origin(annotation) is list:
            item = _unwrap(typing.get_args(annotation)[0])
            if present and value:
                if all(not isinstance(v, (dict, list)) for v in value) and item is str and all("\n" not in str(v) for v in value):
                    lines.append(f"{indent}{name}: {_yaml_flow(value)}")
                else:
                    lines.append(f"{indent}{name}:")
                    lines.extend(_block_yaml(value, indent))
            else:
                lines.append(f"{indent}{name}: []")
                if isinstance(item, type) and issubclass(item, BaseModel):
                    lines.extend(_example_item(item, indent, lang))
            continue
        if present:
            if isinstance(value, (dict, list)):
                lines.append(f"{indent}{name}:")
                lines.extend(_block_yaml(value, indent))
            else:
                lines.extend(_scalar_lines(name, value, indent))
        elif field.is_required():
            lines.append(f"{indent}{name}: ")
        else:
            lines.append(f"{indent}{name}:")
    return [line.rstrip() for line in lines]


SKELETON_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "head": (
            "designdoc {kind} spec. Fill the keys, then: designdoc render <this file> -o <doc.md>\n"
            "Empty keys show up in the document as 'TODO: ...' so the linter can flag them."
        ),
        "example": "e.g.",
    },
    "ru": {
        "head": (
            "Спецификация designdoc, вид документа: {kind}. Заполните ключи, затем выполните:\n"
            "designdoc render <этот файл> -o <документ.md>\n"
            "Пустые ключи попадут в документ как «TODO: …», и линтер их отметит."
        ),
        "example": "например:",
    },
}


def spec_skeleton(
    kind: str, values: Mapping[str, Any], schema_ref: str | None = None, lang: str | None = None
) -> str:
    """A commented YAML spec for ``kind`` holding ``values`` and every other key, empty.

    Every key is preceded by its help in the spec's language (``lang``, by
    default ``values["lang"]``); empty keys render as TODO placeholders until
    filled. ``schema_ref`` becomes the yaml-language-server modeline so
    editors complete and validate the keys.
    """
    model = model_for_kind(kind)
    if lang is None:
        lang = str(values.get("lang") or "en")
    if lang not in SKELETON_TEXT:
        lang = "en"
    head: list[str] = []
    if schema_ref:
        head.append(f"# yaml-language-server: $schema={schema_ref}")
    head += _comment(SKELETON_TEXT[lang]["head"].format(kind=kind), "") + [""]
    body = _skeleton_fields(model, values, "", top=True, lang=lang)
    return "\n".join(head + body) + "\n"


# ---------------------------------------------------------------- safe writes


def write_atomic(path: Union[str, Path], text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace a file unless ``force``.

    See :func:`designdoc.fsutil.write_atomic` (same-folder temp file, fsync,
    rename; modes like a plain ``open``).
    """
    fsutil.write_atomic(path, text, overwrite=force)


@dataclass(frozen=True)
class PlannedFile:
    """A file ``designdoc new`` intends to write."""

    path: Path
    content: str
    managed: bool = False  # tool-owned (the JSON schema): refreshed without --force


def inside(folder: Path, name: str) -> Path:
    """``folder/name``, refusing anything that would land outside ``folder``."""
    base = folder.resolve()
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise DesignDocError(f"refusing to write outside {folder}: {name}")
    return folder / name


def plan_new(
    kind: str,
    values: dict[str, Any],
    out_dir: Union[str, Path],
    *,
    spec: SpecBase | None = None,
    templates_dir: Union[str, Path, None] = None,
    guidance: bool = True,
) -> list[PlannedFile]:
    """The files ``designdoc new`` writes: doc (+ skeleton spec and schema when no spec given)."""
    out = Path(out_dir)
    if spec is not None:
        stem = slugify(spec.title)
        doc = render(spec, templates_dir, guidance=guidance)
        return [PlannedFile(inside(out, f"{stem}.md"), doc)]
    check_values(values)  # located --set problems before any YAML is written
    stem = slugify(str(values.get("title", "")))
    lang = str(values.get("lang") or "en")
    lang = lang if lang in LANGS else "en"
    schema_rel = schema_relpath(kind, lang)
    yaml_path = inside(out, f"{stem}.yaml")
    text = spec_skeleton(kind, values, schema_ref=schema_rel, lang=lang)
    parsed = load_spec_text(text, str(yaml_path))  # the skeleton must load back cleanly
    doc = render(parsed, templates_dir, guidance=guidance)
    schema = json.dumps(spec_json_schema(kind, lang), indent=2, ensure_ascii=False) + "\n"
    return [
        PlannedFile(yaml_path, text),
        PlannedFile(inside(out, f"{stem}.md"), doc),
        PlannedFile(inside(out, schema_rel), schema, managed=True),
    ]


def write_files(files: list[PlannedFile], *, force: bool = False) -> list[Path]:
    """Write planned files; check every conflict first so a refusal writes nothing.

    Returns the paths written (an unchanged managed file is skipped).
    """
    for f in files:
        if not f.managed and f.path.exists() and not force:
            raise FileExistsRefusal(f"{f.path} already exists; use --force to overwrite it")
    written: list[Path] = []
    for f in files:
        if f.managed and f.path.is_file():
            try:
                if f.path.read_text(encoding="utf-8") == f.content:
                    continue
            except (OSError, UnicodeDecodeError):
                pass
        write_atomic(f.path, f.content, force=force or f.managed)
        written.append(f.path)
    return written


__all__ += ["check_values", "inside"]
