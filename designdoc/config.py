"""Configuration: ``.designdoc.toml`` or ``[tool.designdoc]`` in ``pyproject.toml``.

The closest file walking up from a linted file wins (``--config`` names one
for all files). Every key is checked: an unknown key, rule, section or
severity is a :class:`ConfigError` naming the file and line.

    [tool.designdoc]
    select = ["ALL"]              # codes, names, code prefixes ("DD2")
    ignore = ["duplicate-section"]
    extend-select = []
    exclude = ["docs/archive/**"]
    extend-exclude = []
    respect-gitignore = true
    format = "text"
    fail-on = "error"
    required-sections = ["timeline"]

    [tool.designdoc.severity]
    placeholder-text = "warning"   # error | warning | info | off

    [tool.designdoc.synonyms]
    rollback = ["plan b"]

    [tool.designdoc.options.RULE-NAME]   # rule options, see `designdoc rule NAME`

    [[tool.designdoc.overrides]]
    paths = ["docs/hypotheses/**"]
    kind = "hypothesis"
    ignore = ["DD104"]
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from designdoc.errors import ConfigError

if TYPE_CHECKING:
    from designdoc.catalog import Catalog

CONFIG_NAMES = (".designdoc.toml", "pyproject.toml")
LEVELS = ("error", "warning", "info", "off")
FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")

_TOP_KEYS = {
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "exclude",
    "extend-exclude",
    "format",
    "fail-on",
    "kind",
    "required-sections",
    "severity",
    "synonyms",
    "options",
    "overrides",
    "cache-dir",
    "respect-gitignore",
}
_OVERRIDE_KEYS = {"paths", "kind", "select", "ignore", "extend-select", "severity", "required-sections"}


@dataclass
class Override:
    paths: list[str]
    patterns: list[re.Pattern[str]]
    kind: str | None = None
    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    extend_select: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)
    required: list[str] = field(default_factory=list)


@dataclass
class Config:
    """A loaded configuration (or the defaults when ``path`` is None)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)
    extend_select: set[str] = field(default_factory=set)
    exclude: list[str] = field(default_factory=list)
    extend_exclude: list[str] = field(default_factory=list)
    format: str | None = None
    fail_on: str | None = None
    kind: str | None = None
    required: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    cache_dir: str | None = None
    respect_gitignore: bool = True

    def settings_for(self, path: str) -> Settings:
        """Rules, severities, kind and catalogue that apply to one file."""
        from designdoc.rules.registry import all_rules

        rel = _relative(path, self.root)
        select = set(self.select) if self.select is not None else {r.code for r in all_rules()}
        select |= self.extend_select
        ignore = set(self.ignore)
        severity = dict(self.severity)
        kind = self.kind
        required = list(self.required)
        for ov in self.overrides:
            if any(p.match(rel) for p in ov.patterns):
                if ov.select is not None:
                    select = set(ov.select)
                select |= ov.extend_select
                ignore |= ov.ignore
                severity.update(ov.severity)
                kind = ov.kind or kind
                required += ov.required
        return Settings(
            codes=select - ignore,
            severity=severity,
            options=self.options,
            kind=kind,
            synonyms=self.synonyms,
            required=tuple(required),
        )

    def is_excluded(self, path: str) -> bool:
        globs = self.exclude + self.extend_exclude
        if not globs:  # the default: no path to resolve
            return False
        rel = _relative(path, self.root)
        return any(_glob_re(g).match(rel) for g in globs)


@dataclass(frozen=True)
class Settings:
    """What applies to one file after config and per-path overrides."""

    codes: set[str]
    severity: dict[str, str]
    options: dict[str, dict[str, Any]]
    kind: str | None
    synonyms: dict[str, list[str]]
    required: tuple[str, ...]

    @property
    def catalog_key(self) -> tuple[Any, ...]:
        """What makes this file's catalogue differ from the packaged one (hashable)."""
        return tuple(sorted((k, tuple(v)) for k, v in self.synonyms.items())), self.required

    def catalog(self) -> Catalog:
        return _catalog(self.catalog_key)


@lru_cache(maxsize=16)
def _catalog(key: tuple[Any, ...]) -> Catalog:
    from designdoc.catalog import default_catalog

    synonyms, required = key
    base = default_catalog()
    if not synonyms and not required:
        return base
    return base.with_extra({k: list(v) for k, v in synonyms}, list(required))


def _relative(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop before Python 3.13
        return p.as_posix()


@lru_cache(maxsize=256)
def _glob_re(glob: str) -> re.Pattern[str]:
    """Gitignore-like glob: ``**`` spans folders, ``*`` does not; a bare name matches anywhere."""
    g = glob.strip().lstrip("./") if glob.startswith("./") else glob.strip()
    anchored = "/" in g.rstrip("/")
    g = g.lstrip("/")
    out = []
    i = 0
    while i < len(g):
        c = g[i]
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if g.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
        i += 1
    body = "".join(out)
    if g.endswith("/"):
        body += ".*"
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


# ---------------------------------------------------------------------------
# loading


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None


def _line_of(text: str, key: str) -> int:
    """Best-effort line of a key in TOML text (tomllib keeps no positions)."""
    as_key = re.compile(rf"^[ \t]*(?:\[+[^\]\n]*?)?[\"']?{re.escape(key)}[\"']?[ \t]*(?:=|\]|\.)", re.M)
    as_value = re.compile(rf"[\"']{re.escape(key)}[\"']")
    m = as_key.search(text) or as_value.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def find_config(start: Path) -> Path | None:
    """The closest config file at or above ``start`` (a folder)."""
    return _find_config_cached(start.resolve())


@lru_cache(maxsize=1024)
def _find_config_cached(folder: Path) -> Path | None:
    for cand in CONFIG_NAMES:
        path = folder / cand
        if path.is_file():
            if cand == "pyproject.toml":
                try:
                    if "[tool.designdoc" not in path.read_text(encoding="utf-8", errors="replace"):
                        continue
                except OSError:
                    continue
            return path
    if folder.parent == folder:
        return None
    return _find_config_cached(folder.parent)


@lru_cache(maxsize=64)
def load_config(path: Path | None) -> Config:
    """Load and validate a config file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("designdoc", {})
    text = path.read_text(encoding="utf-8", errors="replace")
    return _parse(data, path, text)


def _parse(data: dict[str, Any], path: Path, text: str) -> Config:
    from designdoc.catalog import default_catalog
    from designdoc.rules.registry import get_rule, resolve, suggest

    def err(key: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{_line_of(text, key)}: {message}")

    def str_list(key: str, value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, f"'{key}' must be a list of strings")
        return value

    def rules(key: str, value: Any) -> set[str]:
        try:
            return resolve(str_list(key, value))
        except KeyError as e:
            bad = e.args[0]
            raise err(bad, f"unknown rule '{bad}' in '{key}': {suggest(bad)}") from None

    def severity_map(key: str, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise err(key, f"'{key}' must be a table of rule = level")
        out: dict[str, str] = {}
        for ident, level in value.items():
            r = get_rule(ident)
            if r is None:
                raise err(ident, f"unknown rule '{ident}' in '{key}': {suggest(ident)}")
            if level not in LEVELS:
                raise err(ident, f"severity of '{ident}' must be one of {', '.join(LEVELS)}")
            out[r.code] = level
        return out

    catalog = default_catalog()

    def section_ids(key: str, value: Any) -> list[str]:
        ids = str_list(key, value)
        for sid in ids:
            if sid not in catalog.sections:
                close = difflib.get_close_matches(sid, list(catalog.sections), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise err(sid, f"unknown section id '{sid}' in '{key}'{hint}")
        return ids

    def kind_value(key: str, value: Any) -> str:
        from designdoc.document import KINDS

        if value not in KINDS:
            raise err(key, f"'{key}' must be one of {', '.join(KINDS)}")
        return str(value)

    cfg = Config(path=path, root=path.parent)
    for key, value in data.items():
        if key not in _TOP_KEYS:
            close = difflib.get_close_matches(key, sorted(_TOP_KEYS), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise err(key, f"unknown config key '{key}'{hint}")
        if key == "select":
            cfg.select = rules(key, value)
        elif key in ("ignore", "extend-ignore"):
            cfg.ignore |= rules(key, value)
        elif key == "extend-select":
            cfg.extend_select = rules(key, value)
        elif key == "exclude":
            cfg.exclude = str_list(key, value)
        elif key == "extend-exclude":
            cfg.extend_exclude = str_list(key, value)
        elif key == "format":
            if value not in FORMATS:
                raise err(key, f"'format' must be one of {', '.join(FORMATS)}")
            cfg.format = value
        elif key == "fail-on":
            if value not in ("error", "warning", "info"):
                raise err(key, "'fail-on' must be error, warning or info")
            cfg.fail_on = value
        elif key == "kind":
            cfg.kind = kind_value(key, value)
        elif key == "required-sections":
            cfg.required = section_ids(key, value)
        elif key == "severity":
            cfg.severity = severity_map(key, value)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise err(key, "'respect-gitignore' must be true or false")
            cfg.respect_gitignore = value
        elif key == "cache-dir":
            if not isinstance(value, str):
                raise err(key, "'cache-dir' must be a string")
            cfg.cache_dir = value
        elif key == "synonyms":
            if not isinstance(value, dict):
                raise err(key, "'synonyms' must be a table of section id = [headings]")
            for sid, words in value.items():
                section_ids("synonyms", [sid])
                cfg.synonyms[sid] = str_list(sid, words)
        elif key == "options":
            if not isinstance(value, dict):
                raise err(key, "'options' must be a table of rule tables")
            for ident, opts in value.items():
                r = get_rule(ident)
                if r is None:
                    raise err(ident, f"unknown rule '{ident}' in 'options': {suggest(ident)}")
                if not isinstance(opts, dict):
                    raise err(ident, f"options of '{ident}' must be a table")
                for opt, val in opts.items():
                    if opt not in r.options:
                        known = ", ".join(r.options) or "none"
                        raise err(opt, f"rule '{r.name}' has no option '{opt}' (options: {known})")
                    default = r.options[opt]
                    if default is not None and not isinstance(val, type(default)):
                        raise err(opt, f"option '{opt}' of '{r.name}' must be a {type(default).__name__}")
                cfg.options[r.name] = dict(opts)
        elif key == "overrides":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise err(key, "'overrides' must be an array of tables ([[tool.designdoc.overrides]])")
            for entry in value:
                for k in entry:
                    if k not in _OVERRIDE_KEYS:
                        raise err(k, f"unknown key '{k}' in overrides (allowed: {', '.join(sorted(_OVERRIDE_KEYS))})")
                if "paths" not in entry:
                    raise err("overrides", "each override needs 'paths'")
                globs = str_list("paths", entry["paths"])
                cfg.overrides.append(
                    Override(
                        paths=globs,
                        patterns=[_glob_re(g) for g in globs],
                        kind=kind_value("kind", entry["kind"]) if "kind" in entry else None,
                        select=rules("select", entry["select"]) if "select" in entry else None,
                        ignore=rules("ignore", entry.get("ignore", [])),
                        extend_select=rules("extend-select", entry.get("extend-select", [])),
                        severity=severity_map("severity", entry.get("severity", {})),
                        required=section_ids("required-sections", entry.get("required-sections", [])),
                    )
                )
    return cfg
