"""Which files to lint: named files, and design docs found by walking folders.

Walking a folder yields Markdown files (``*.md``, ``*.markdown``) and YAML
files (linted only when they are designdoc specs), skipping hidden and tool
folders, paths ignored by ``.gitignore`` files (and ``.git/info/exclude``),
and the config's ``exclude`` / ``extend-exclude`` globs.

:class:`Options` carry ``--changed-since``, ``--force-exclude`` and
``--no-respect-gitignore``; :func:`changed_files` asks git which files changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from designdoc.config import find_config, load_config
from designdoc.errors import DesignDocError

if TYPE_CHECKING:
    import pathspec

    from designdoc.config import Config

MARKDOWN_SUFFIXES = (".md", ".markdown")
SPEC_SUFFIXES = (".yaml", ".yml")
# Folders never worth walking into when a directory is linted.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".designdoc_cache"}
)


@dataclass(frozen=True)
class Options:
    """How discovery behaves for one run."""

    respect_gitignore: bool = True
    # Apply excludes, .gitignore and the design-doc check to named files too
    # (for pre-commit, which names every changed Markdown file).
    force_exclude: bool = False
    # When set, only these files (resolved absolute paths) are linted.
    only: frozenset[str] | None = None


def is_spec_text(text: str) -> bool:
    head = text[:2000]
    return "spec_version" in head or "yaml-language-server: $schema" in head and "designdoc" in head


def _resolved(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def discover(
    paths: Iterable[str], config: Config | None = None, options: Options | None = None
) -> Iterator[tuple[str, bool]]:
    """Yield (path, explicit) for every file to lint.

    Named files are linted as given (``explicit``), unless ``options``
    say ``force_exclude``: then they are filtered like
    discovered files and yielded as not explicit. Folders are walked for
    Markdown and YAML files. Symlinked folders are not followed (no loops).
    """
    opts = options or Options()
    ignores = _Ignores() if opts.respect_gitignore else None
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                cfg = config or load_config(find_config(Path(root)))
                kept = []
                for d in sorted(dirs):
                    full = os.path.join(root, d)
                    if d in SKIP_DIRS or d.startswith("."):
                        continue
                    if cfg.is_excluded(full) or (ignores and ignores.ignored(full, is_dir=True)):
                        continue
                    kept.append(d)
                dirs[:] = kept
                for name in sorted(files):
                    if not name.lower().endswith(MARKDOWN_SUFFIXES + SPEC_SUFFIXES):
                        continue
                    full = os.path.normpath(os.path.join(root, name))
                    key = _resolved(full)
                    if key in seen or cfg.is_excluded(full):
                        continue
                    if opts.only is not None and key not in opts.only:
                        continue
                    if ignores and ignores.ignored(full, is_dir=False):
                        continue
                    seen.add(key)
                    yield full, False
            continue
        key = _resolved(raw)
        if key in seen:
            continue
        if opts.only is not None and key not in opts.only:
            continue
        if opts.force_exclude:
            cfg = config or load_config(find_config(p.resolve().parent))
            if not raw.lower().endswith(MARKDOWN_SUFFIXES + SPEC_SUFFIXES):
                continue
            if cfg.is_excluded(raw) or (ignores and ignores.ignored(raw, is_dir=False)):
                continue
        seen.add(key)
        yield raw, not opts.force_exclude


# ---------------------------------------------------------------------------
# .gitignore


@lru_cache(maxsize=1024)
def _git_root(folder: str) -> str | None:
    """The closest folder at or above ``folder`` holding ``.git``."""
    cur = Path(folder)
    while True:
        if (cur / ".git").exists():
            return str(cur)
        if cur.parent == cur:
            return None
        cur = cur.parent


def _load_spec(path: Path) -> pathspec.PathSpec | None:
    import pathspec

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


class _Ignores:
    """Gitignore matching with git's precedence: the deepest file that matches decides."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.PathSpec | None] = {}
        self._chains: dict[str, tuple[tuple[str, pathspec.PathSpec], ...]] = {}

    def _spec(self, folder: str, root: str) -> pathspec.PathSpec | None:
        if folder not in self._specs:
            spec = _load_spec(Path(folder) / ".gitignore")
            if folder == root:
                extra = _load_spec(Path(root) / ".git" / "info" / "exclude")
                if extra is not None:
                    spec = extra + spec if spec is not None else extra
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        full = os.path.abspath(path)
        parent = os.path.dirname(full)
        chain = self._chains.get(parent)
        if chain is None:
            chain = self._chains[parent] = self._chain(parent)
        for folder, spec in chain:  # deepest first
            rel = os.path.relpath(full, folder).replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:
                return include
        return False

    def _chain(self, parent: str) -> tuple[tuple[str, pathspec.PathSpec], ...]:
        """The folders whose .gitignore can decide for files in ``parent``, deepest first."""
        here = Path(parent)
        root = _git_root(parent)
        if root:
            top = Path(root)
        else:  # outside git: .gitignore files from the current folder down
            cwd = Path.cwd()
            top = cwd if cwd == here or cwd in here.parents else here
        chain = []
        for folder in [here, *[a for a in here.parents if top == a or top in a.parents]]:
            spec = self._spec(str(folder), str(top))
            if spec is not None:
                chain.append((str(folder), spec))
            if folder == top:
                break
        return tuple(chain)


# ---------------------------------------------------------------------------
# git: files changed since a ref


def _git(args: list[str], cwd: Path) -> str:
    import subprocess  # only --changed-since runs git: keep it off the lint path

    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise DesignDocError("--changed-since needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise _GitFailed(proc.stderr.strip())
    return proc.stdout


class _GitFailed(Exception):
    pass


def changed_files(ref: str, cwd: Path | None = None) -> frozenset[str]:
    """Files changed since ``ref``: ``git diff REF...HEAD``, plus uncommitted and untracked ones.

    Returns resolved absolute paths of files that still exist. Raises
    :class:`DesignDocError` outside a git repository or for an unknown ref.
    """
    where = cwd or Path.cwd()
    try:
        top = _git(["rev-parse", "--show-toplevel"], where).strip()
    except _GitFailed:
        raise DesignDocError(f"--changed-since: {where} is not inside a git repository") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], where)
    except _GitFailed:
        raise DesignDocError(
            f"--changed-since: unknown git ref '{ref}' (in CI, fetch it first, e.g. "
            "actions/checkout with fetch-depth: 0)"
        ) from None
    names: set[str] = set()
    try:
        names.update(_git(["diff", "--name-only", "-z", "--no-renames", f"{ref}...HEAD"], where).split("\0"))
    except _GitFailed as err:
        raise DesignDocError(f"--changed-since: git diff {ref}...HEAD failed: {err}") from None
    try:  # staged and unstaged changes (fails harmlessly in a repo with no commits)
        names.update(_git(["diff", "--name-only", "-z", "--no-renames", "HEAD"], where).split("\0"))
    except _GitFailed:
        pass
    names.update(_git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"], where).split("\0"))
    out = set()
    for name in names:
        if name:
            full = Path(top) / name
            if full.is_file():
                out.add(_resolved(full))
    return frozenset(out)
