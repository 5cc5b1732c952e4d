"""Helpers shared by the CI formats: relative paths, stable fingerprints."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designdoc.lint import Result
    from designdoc.problem import Problem


def relpath(path: str, root: Path | None = None) -> str:
    """``path`` relative to ``root`` (default: the current folder), POSIX style.

    A path outside ``root`` (or a pseudo path like ``<stdin>``) comes back as given.
    """
    if path.startswith("<"):
        return path
    base = (root or Path.cwd()).resolve()
    try:
        return Path(os.path.abspath(path)).relative_to(base).as_posix()
    except ValueError:
        try:
            return Path(path).resolve().relative_to(base).as_posix()
        except (ValueError, OSError):
            return Path(path).as_posix()


_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def normalise_message(message: str) -> str:
    """The message without numbers, case or spacing, so counts and line refs don't move it."""
    return _SPACE.sub(" ", _DIGITS.sub("#", message)).strip().lower()


def fingerprints(result: Result, root: Path | None = None) -> Iterator[tuple[Problem, str, str]]:
    """Yield (problem, relative path, fingerprint) for every problem of ``result``.

    The fingerprint hashes path, rule, section and the normalised message -
    never line numbers - so it survives edits above the problem. Identical
    problems in one file get an occurrence number so they stay distinct.
    """
    for f in result.files:
        if f.skipped:
            continue
        seen: dict[str, int] = {}
        for p in f.problems:
            rel = relpath(p.path, root)
            key = "\0".join((rel, p.code, p.section or "", normalise_message(p.message)))
            n = seen.get(key, 0)
            seen[key] = n + 1
            digest = hashlib.sha256(f"{key}\0{n}".encode()).hexdigest()[:32]
            yield p, rel, digest
