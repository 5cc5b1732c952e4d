"""Baselines: adopt designdoc on a repo with legacy docs, then fail only on new problems.

A baseline records current problems keyed by (path, rule, section) with a
count - not line numbers, so edits that move text around keep it valid.
Paths are stored relative to the baseline file's folder. Applying a baseline
keeps, per key, only the problems beyond the recorded count (the last ones
in the file), and reports entries whose count went down as stale.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from designdoc.errors import DesignDocError
from designdoc.lint import Result

FORMAT_VERSION = 1

Key = tuple[str, str, str | None]  # (path, rule code, section)


@dataclass(frozen=True)
class StaleEntry:
    """A baseline entry with fewer problems now than recorded (fully or partly fixed)."""

    path: str
    rule: str
    section: str | None
    recorded: int
    current: int


def _rel(path: str, base: Path) -> str:
    if path.startswith("<"):
        return path
    full = os.path.abspath(path)
    try:
        return Path(os.path.relpath(full, base)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(full).as_posix()


def _counts(result: Result, base: Path) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for f in result.files:
        for p in f.problems:
            counts[(_rel(p.path, base), p.code, p.section)] += 1
    return counts


def build(result: Result, baseline_path: Path) -> dict[str, Any]:
    """The baseline document for ``result``, to be saved at ``baseline_path``."""
    from designdoc.rules.registry import get_rule

    base = baseline_path.resolve().parent
    entries = []
    for (path, code, section), n in sorted(_counts(result, base).items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        r = get_rule(code)
        entries.append({"path": path, "rule": code, "name": r.name if r else None, "section": section, "count": n})
    return {"version": FORMAT_VERSION, "tool": "designdoc", "entries": entries}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(path: Path, data: dict[str, Any]) -> None:
    """Write the baseline document atomically (a plain file mode, not mkstemp's 0600).

    Raises ``OSError`` when the file cannot be written.
    """
    from designdoc.fsutil import write_atomic

    write_atomic(path, dumps(data))


def load(path: Path) -> Counter[Key]:
    """Read a baseline file; raises DesignDocError when it is missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DesignDocError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except OSError as err:
        raise DesignDocError(f"{path}: cannot read baseline: {err.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DesignDocError(f"{path}: not a designdoc baseline (invalid JSON: {err})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise DesignDocError(f"{path}: not a designdoc baseline (expected version {FORMAT_VERSION} with 'entries')")
    counts: Counter[Key] = Counter()
    for i, e in enumerate(data["entries"]):
        ok = (
            isinstance(e, dict)
            and isinstance(e.get("path"), str)
            and isinstance(e.get("rule"), str)
            and (e.get("section") is None or isinstance(e.get("section"), str))
            and isinstance(e.get("count"), int)
            and e["count"] > 0
        )
        if not ok:
            raise DesignDocError(f"{path}: baseline entry {i + 1} needs path, rule, section and a positive count")
        counts[(e["path"], e["rule"], e["section"])] += e["count"]
    return counts


def apply(result: Result, recorded: Counter[Key], baseline_path: Path) -> tuple[Result, list[StaleEntry]]:
    """Drop baselined problems from ``result``; return it and the stale entries.

    An entry is stale when its file was linted in this run (or no longer
    exists) and has fewer such problems than recorded.
    """
    base = baseline_path.resolve().parent
    files = []
    for f in result.files:
        keyed = [((_rel(p.path, base), p.code, p.section), p) for p in f.problems]
        totals = Counter(k for k, _ in keyed)
        kept = []
        seen: Counter[Key] = Counter()
        for key, p in keyed:
            seen[key] += 1
            # Keep the last (total - recorded) problems of a key: new ones are usually added later.
            if seen[key] > min(recorded.get(key, 0), totals[key]):
                kept.append(p)
        files.append(replace(f, problems=kept) if len(kept) != len(f.problems) else f)
    linted = {_rel(f.path, base) for f in result.files}
    current = _counts(result, base)
    stale = [
        StaleEntry(path, rule, section, n, current.get((path, rule, section), 0))
        for (path, rule, section), n in sorted(recorded.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or ""))
        if current.get((path, rule, section), 0) < n
        and (path in linted or not (base / path).exists())
    ]
    return replace(result, files=files), stale
