"""Which files to lint: named files, and design docs found by walking folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from designdoc.config import find_config, load_config

if TYPE_CHECKING:
    from designdoc.config import Config

MARKDOWN_SUFFIXES = (".md", ".markdown")
SPEC_SUFFIXES = (".yaml", ".yml")
# Folders never worth walking into when a directory is linted.
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".designdoc_cache"}
)


def is_spec_text(text: str) -> bool:
    head = text[:2000]
    return "spec_version" in head or "yaml-language-server: $schema" in head and "designdoc" in head


def discover(paths: Iterable[str], config: Config | None = None) -> Iterator[tuple[str, bool]]:
    """Yield (path, explicit) for every file to lint.

    Named files are always linted; folders are walked for Markdown and
    designdoc YAML specs, skipping hidden and tool folders and config
    ``exclude`` globs. Symlinked folders are not followed (no loops).
    """
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if not name.lower().endswith(MARKDOWN_SUFFIXES + SPEC_SUFFIXES):
                        continue
                    full = os.path.join(root, name)
                    cfg = config or load_config(find_config(Path(root)))
                    if cfg.is_excluded(full) or full in seen:
                        continue
                    seen.add(full)
                    yield full, False
        elif raw not in seen:
            seen.add(raw)
            yield raw, True


