"""The lint pipeline: discover → read → parse → rules → suppressions → Result.

Library code: never prints or exits. The CLI formats the :class:`Result`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from designdoc.config import Config, Settings, find_config, load_config
from designdoc.document import Document, parse
from designdoc.problem import SEVERITY_RANK, Problem

from designdoc.discover import SPEC_SUFFIXES, is_spec_text
# A Markdown file found by walking a folder is linted only if it looks like a
# design doc: designdoc front matter, or this many catalogue sections.
MIN_SECTIONS_FOR_DESIGN_DOC = 3


@dataclass
class FileResult:
    """The lint result of one file."""

    path: str
    kind: str | None = None
    lang: str | None = None
    status: str | None = None
    title: str = ""
    sections: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: str | None = None  # why the file was not linted (not a design doc)
    owners: list[str] = field(default_factory=list)
    updated: str | None = None
    readiness: dict[str, Any] | None = None  # gates for review / approval (review.readiness)

    def to_json(self) -> dict[str, Any]:
        from designdoc.rules.registry import get_rule

        def url(code: str) -> str | None:
            r = get_rule(code)
            return r.url if r else None

        return {
            "path": self.path,
            "kind": self.kind,
            "lang": self.lang,
            "status": self.status,
            "sections": self.sections,
            "problems": [p.to_json(url(p.code)) for p in self.problems],
            "readiness": self.readiness,
        }


@dataclass
class Result:
    """The lint result of a run."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def counts(self) -> dict[str, int]:
        probs = self.problems
        return {
            "files": sum(1 for f in self.files if not f.skipped),
            "problems": len(probs),
            "errors": sum(p.severity == "error" for p in probs),
            "warnings": sum(p.severity == "warning" for p in probs),
            "infos": sum(p.severity == "info" for p in probs),
        }

    def worst(self) -> str | None:
        probs = self.problems
        if not probs:
            return None
        return max((p.severity for p in probs), key=lambda s: SEVERITY_RANK[s])

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "files": [f.to_json() for f in self.files if not f.skipped],
            "summary": self.counts(),
        }


# ---------------------------------------------------------------------------
# one document


def _canonical(ident: str) -> str | None:
    from designdoc.rules.registry import get_rule

    r = get_rule(ident)
    return r.code if r else None


def _check(doc: Document, settings: Settings) -> tuple[list[Any], Any]:
    """Run the enabled rules once: raw findings and the doc's suppressions."""
    from designdoc import suppress
    from designdoc.rules.registry import all_rules, check_all

    rules = [r for r in all_rules() if r.code in settings.codes]
    raw = check_all(doc, rules, settings.catalog(), settings.options, settings.severity)
    return raw, suppress.read(doc.comments, _canonical)


def _judged(
    raw: list[Any], sup: Any, doc: Document, settings: Settings, status: str | None = None
) -> list[Problem]:
    """Problems at their severity for ``status`` (default: the doc's own)."""
    from designdoc.rules.registry import finalize, get_rule

    status = status or doc.status
    found = finalize(raw, doc, settings.catalog(), settings.severity, status)
    problems = [p for p in found if not sup.hides(p)]
    approved = get_rule("approved-with-errors")
    if (
        approved is not None
        and status == "approved"
        and approved.code in settings.codes
        and settings.severity.get(approved.code) != "off"
        and any(p.severity == "error" for p in problems)
    ):
        n = sum(p.severity == "error" for p in problems)
        line = doc.front_matter_lines.get("status", 1)
        p = Problem(
            doc.path, line, 1, line, approved.code, approved.name,
            settings.severity.get(approved.code, approved.severity), None,
            f"Status is 'approved' but the doc has {n} error(s): fix them or set the status back to 'review'."
            if doc.lang != "ru" else
            f"Статус «approved», но в документе ошибок: {n}; исправьте их или верните статус «review».",
        )
        if not sup.hides(p):
            problems.append(p)
    return sorted(problems, key=lambda p: (p.line, p.column, p.code))


def lint_document(doc: Document, settings: Settings, status: str | None = None) -> list[Problem]:
    """Run the enabled rules on a parsed document and apply suppressions.

    ``status`` judges the doc as if its front matter said so (readiness).
    """
    raw, sup = _check(doc, settings)
    return _judged(raw, sup, doc, settings, status)


def _readiness(raw: list[Any], sup: Any, doc: Document, settings: Settings) -> dict[str, Any] | None:
    """Readiness gates from the same rule run, judged at review and approved."""
    from designdoc.review.readiness import Judgement, readiness_from

    def judgement(status: str) -> Judgement:
        problems = [p for p in _judged(raw, sup, doc, settings, status) if p.name != "approved-with-errors"]
        return Judgement(doc, problems, set(settings.codes), dict(settings.severity), settings.catalog())

    return readiness_from(judgement("review"), judgement("approved")).to_json()


def gate_settings(settings: Settings) -> Settings:
    """The settings readiness is judged with: every rule at its default severity.

    Config and ``--select``/``--ignore`` change what ``lint`` reports, not the
    bar a doc must clear for review or approval; a doc waives a check only
    with a suppression comment, which its reviewers can see.
    """
    from designdoc.rules.registry import all_rules

    return replace(settings, codes={r.code for r in all_rules()}, severity={})


def _lint_parsed(doc: Document, settings: Settings) -> FileResult:
    raw, sup = _check(doc, settings)
    result = _file_result(doc, _judged(raw, sup, doc, settings))
    gate = gate_settings(settings)
    if gate.codes != settings.codes or settings.severity:
        raw, _ = _check(doc, gate)  # the config narrowed the run: judge with every rule
    result.readiness = _readiness(raw, sup, doc, gate)
    _forget_texts()
    return result


def _forget_texts() -> None:
    """Drop the per-text caches of the content rules once a doc is done.

    They pay off within one doc (every rule asks about the same sections);
    kept across a folder they would hold hundreds of old section texts.
    """
    from designdoc import lexicon
    from designdoc.lexicon import scope

    lexicon.forget_texts()
    scope.forget()


def _file_result(doc: Document, problems: list[Problem]) -> FileResult:
    fm = doc.front_matter or {}
    owners = fm.get("owners") or []
    if isinstance(owners, str):
        owners = [owners]
    updated = fm.get("updated") or fm.get("created")
    return FileResult(
        path=doc.path,
        kind=doc.kind,
        lang=doc.lang,
        status=doc.status,
        title=doc.title,
        sections=[{"id": s.id, "heading": s.title, "line": s.line} for s in doc.recognised()],
        problems=problems,
        owners=[str(o) for o in owners] if isinstance(owners, list) else [],
        updated=str(updated) if updated else None,
    )


def lint_text(
    text: str,
    path: str = "<stdin>",
    *,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: str | None = None,
) -> list[Problem]:
    """Lint Markdown text and return its problems (the simplest API)."""
    return lint_source(text, path, config=config, select=select, ignore=ignore, kind=kind).problems


def lint_source(
    text: str,
    path: str,
    *,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
    kind: str | None = None,
) -> FileResult:
    """Lint one file's text (Markdown, or a YAML spec by its suffix)."""
    cfg = config or Config()
    settings = _apply_cli(cfg.settings_for(path), select, ignore, extend_select)
    if path.endswith(SPEC_SUFFIXES):
        return _lint_spec(text, path, settings)
    doc = parse(text, path, settings.catalog(), kind or settings.kind)
    return _lint_parsed(doc, settings)


def _apply_cli(
    settings: Settings,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    extend_select: Iterable[str] | None,
) -> Settings:
    from designdoc.rules.registry import resolve

    if select is None and ignore is None and extend_select is None:
        return settings
    codes = resolve(select) if select is not None else set(settings.codes)
    codes |= resolve(extend_select or [])
    codes -= resolve(ignore or [])
    return replace(settings, codes=codes)


def _lint_spec(text: str, path: str, settings: Settings, content: bool = True) -> FileResult:
    """Lint a YAML spec: validate it; when valid (and ``content``), lint what it renders to."""
    from designdoc.errors import SpecError
    from designdoc.rules.registry import get_rule

    rule = get_rule("invalid-spec")
    assert rule is not None
    try:
        from designdoc.spec.loader import load_spec_text
    except ImportError:  # generator not installed in this build
        return FileResult(path=path, skipped="spec support unavailable")
    try:
        spec = load_spec_text(text, path)
    except SpecError as err:
        from designdoc.spec.messages import in_language, spec_lang

        # in the spec's own language, like a doc's problems ("lang: ru" in the raw text)
        lang = spec_lang(text)
        problems = [
            Problem(path, i.line, i.column, i.line, rule.code, rule.name,
                    settings.severity.get(rule.code, rule.severity), None, in_language(i.message, lang))
            for i in err.issues
        ]
        if rule.code not in settings.codes or settings.severity.get(rule.code) == "off":
            problems = []
        return FileResult(path=path, problems=problems)
    if not content:
        return FileResult(path=path, kind=spec.kind, lang=spec.lang, status=spec.status, title=spec.title)
    return _lint_rendered_spec(spec, text, path, settings)


def _lint_rendered_spec(spec: Any, text: str, path: str, settings: Settings) -> FileResult:
    """Render a valid spec and lint the Markdown, pointing problems at spec keys."""
    import re

    from designdoc.generate import render_spec

    markdown = render_spec(spec)
    doc = parse(markdown, path, settings.catalog(), settings.kind)
    parsed = _lint_parsed(doc, settings)
    problems = parsed.problems
    key_lines: dict[str, int] = {}
    # A section's key may be nested (a one-pager's what.metrics): the first
    # occurrence at any depth is where its problems point.
    for m in re.finditer(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*:", text, re.M):
        key_lines.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    mapped: dict[tuple[int, str, str | None], Problem] = {}
    for p in problems:
        line = key_lines.get(p.section or "", key_lines.get("kind", 1))
        # Several Markdown lines fold onto one spec key: report each rule once there.
        mapped.setdefault((line, p.code, p.section), replace(p, line=line, end_line=line, column=1))
    result = _file_result(doc, sorted(mapped.values(), key=lambda p: (p.line, p.code)))
    result.sections = [
        {**s, "line": key_lines.get(s["id"], 1)} for s in result.sections
    ]
    result.readiness = parsed.readiness
    return result


# ---------------------------------------------------------------------------
# files and folders


def decode(data: bytes) -> str:
    """File bytes as text: UTF-8 (BOM tolerated). Raises UnicodeDecodeError."""
    if b"\x00" in data[:8192]:
        raise UnicodeDecodeError("utf-8", data[:1], 0, 1, "binary file (NUL byte)")
    return data.decode("utf-8-sig")


def read_text(path: Path) -> str:
    """Read a file as text. Raises OSError / UnicodeDecodeError."""
    return decode(path.read_bytes())


def unreadable(path: str, err: OSError | UnicodeDecodeError) -> FileResult:
    """The result for a file that could not be read: one ``unreadable-file`` problem."""
    from designdoc.rules.registry import get_rule

    r = get_rule("unreadable-file")
    assert r is not None
    reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    if isinstance(err, UnicodeDecodeError):
        reason = f"not UTF-8 text ({err.reason} at byte {err.start}); save it as UTF-8"
    msg = f"Cannot read the file: {reason}."
    return FileResult(path=path, problems=[Problem(path, 1, 1, 1, r.code, r.name, r.severity, None, msg)])


def lint_bytes(data: bytes, path: str, config: Config | None = None, kind: str | None = None, **cli: Any) -> FileResult:
    """Lint content that did not come from a file on disk (stdin)."""
    try:
        text = decode(data)
    except UnicodeDecodeError as err:
        return unreadable(path, err)
    return lint_source(text, path, config=config, kind=kind, **cli)


def lint_file(
    path: str, explicit: bool, config: Config | None = None, kind: str | None = None, **cli: Any
) -> FileResult:
    """Read, parse and lint one file; read errors become ``unreadable-file``.

    A file found by walking a folder (``explicit`` false) is skipped when it
    is not a design doc; a spec whose rendered ``.md`` sits beside it is only
    validated (the Markdown carries its content, so problems are not doubled).
    """
    cfg = config or load_config(find_config(Path(path).parent))
    try:
        text = read_text(Path(path))
    except (OSError, UnicodeDecodeError) as err:
        return unreadable(path, err)
    if path.endswith(SPEC_SUFFIXES):
        if not explicit and not is_spec_text(text):
            return FileResult(path=path, skipped="YAML file that is not a designdoc spec")
        content = explicit or not Path(path).with_suffix(".md").is_file()
        settings = _apply_cli(cfg.settings_for(path), cli.get("select"), cli.get("ignore"), cli.get("extend_select"))
        return _lint_spec(text, path, settings, content=content)
    result = lint_source(text, path, config=cfg, kind=kind, **cli)
    if not explicit and not _looks_like_design_doc(text, result):
        return FileResult(path=path, skipped="no designdoc front matter and too few design-doc sections")
    return result


def _looks_like_design_doc(text: str, result: FileResult) -> bool:
    if text.lstrip("\ufeff").startswith("---") and result.kind and "kind:" in text[:2000]:
        return True
    return len({s["id"] for s in result.sections}) >= MIN_SECTIONS_FOR_DESIGN_DOC


def lint_paths(
    paths: Iterable[str],
    *,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> Result:
    """Lint files and folders (no cache). ``config`` forces one config for all files.

    The same path as ``designdoc lint``: :func:`designdoc.runner.run_lint`.
    """
    from designdoc.runner import LintRequest, run_lint

    targets = list(paths)
    if not targets:
        return Result()
    cli = {"select": select, "ignore": ignore, "extend_select": extend_select}
    return run_lint(LintRequest(targets, config, cli=cli, use_cache=False))
