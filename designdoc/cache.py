"""A content-hash cache of per-file lint results.

An entry's key is the sha256 of everything that decides the result: the
file's bytes, its path, the effective settings for it (rule codes,
severities, options, kind, catalogue extras), how it was named (explicit or
found by walking) and the linter itself (version plus a fingerprint of the
package's source files, so editing a rule in a checkout invalidates too).
The value is the :class:`~designdoc.lint.FileResult` as JSON.

Entries live under ``.designdoc_cache/v1/<generation>/<2 hex>/<62 hex>.json``,
one small file each, written to a temporary file and moved into place with
``os.replace``: concurrent runs (pre-commit and an editor, parallel CI jobs)
never see half an entry. An entry that cannot be read or decoded is a miss.
The cache never raises: a read-only or missing folder just means no caching.

The cache stays bounded (:meth:`Cache.prune`, after each run that used it):
the *generation* is the linter's fingerprint, so an upgrade starts a new
folder and the old one goes once no run has used it for a day; within a
generation, entries no run has read or written for 30 days (old versions of
edited docs) are removed, in a sweep made at most once a day.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from designdoc.config import Settings
    from designdoc.lint import FileResult

DEFAULT_DIR = ".designdoc_cache"
LAYOUT = "v1"  # bump when the entry format changes
_PACKAGE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".j2", ".toml")
_README = "Cache of designdoc lint results. Safe to delete (`designdoc clean`).\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# designdoc result cache\n"
_DAY = 24 * 3600
ENTRY_MAX_AGE = 30 * _DAY  # an entry unused this long is dropped
GENERATION_MAX_AGE = _DAY  # another linter version's folder, unused this long, is dropped
_USED = ".used"  # stamp: a run used this generation (mtime)
_SWEPT = ".swept"  # stamp: the last sweep of old entries (mtime)


@lru_cache(maxsize=1)
def linter_fingerprint() -> str:
    """Version plus (name, size, mtime) of every file of the installed package."""
    from designdoc import __version__

    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    stack = [str(root)]
    entries: list[str] = []
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        if e.name != "__pycache__":
                            stack.append(e.path)
                    elif e.name.endswith(_PACKAGE_SUFFIXES):
                        st = e.stat()
                        entries.append(f"{os.path.relpath(e.path, root)}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            continue
    for entry in sorted(entries):
        h.update(entry.encode())
    return h.hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    """A stable string of everything in ``settings`` that changes a result."""
    data = [
        sorted(settings.codes),
        sorted(settings.severity.items()),
        settings.options,
        settings.kind,
        settings.catalog_key,  # extra synonyms and required sections
    ]
    return json.dumps(data, sort_keys=True, default=repr, ensure_ascii=False)


def entry_key(digest: bytes, path: str, settings_fp: str, explicit: bool, kind: str | None) -> str:
    """The cache key (hex sha256) of one file's lint; ``digest`` is sha256 of its bytes."""
    h = hashlib.sha256()
    for part in (LAYOUT, linter_fingerprint(), path, settings_fp, "1" if explicit else "0", kind or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(digest)
    return h.hexdigest()


# ---------------------------------------------------------------------------
# FileResult <-> JSON


def result_to_json(result: FileResult) -> dict[str, Any]:
    """A FileResult as plain JSON data (problems as lists of their fields)."""
    out: dict[str, Any] = {}
    for f in fields(result):
        value = getattr(result, f.name)
        if f.name == "problems":
            value = [[getattr(p, pf.name) for pf in fields(p)] for p in value]
        out[f.name] = value
    return out


def result_from_json(data: dict[str, Any]) -> FileResult:
    """Inverse of :func:`result_to_json`; raises on any mismatch."""
    from designdoc.lint import FileResult
    from designdoc.problem import Problem

    if not isinstance(data, dict) or not isinstance(data.get("problems"), list):
        raise ValueError("not a cache entry")
    data = dict(data)
    data["problems"] = [Problem(*p) for p in data["problems"]]
    return FileResult(**data)


# ---------------------------------------------------------------------------
# the store


def generation() -> str:
    """The folder name of this linter's entries (a prefix of its fingerprint)."""
    return linter_fingerprint()[:16]


class Cache:
    """A folder of entries. Every method swallows I/O errors."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.entries = self.folder / LAYOUT / generation()
        self._ready = False
        self.hits = 0
        self.misses = 0

    def _file(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> FileResult | None:
        """The stored result for ``key``, or None (missing or corrupt)."""
        path = self._file(key)
        try:
            with open(path, "rb") as fh:
                result = result_from_json(json.loads(fh.read()))
                mtime = os.fstat(fh.fileno()).st_mtime
        except Exception:  # noqa: BLE001 - a bad entry is a miss, whatever is wrong with it
            self.misses += 1
            return None
        self.hits += 1
        if time.time() - mtime > _DAY:
            # Mark it used, so the sweep keeps it; at most once a day per entry.
            with contextlib.suppress(OSError):
                os.utime(path)
        return result

    def put(self, key: str, result: FileResult) -> bool:
        """Store ``result`` atomically; False when it could not be stored."""
        try:
            payload = json.dumps(result_to_json(result), ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return False  # a field that is not JSON: do not cache this one
        import tempfile  # a miss was linted: the import is noise next to that

        target = self._file(key)
        try:
            self._prepare()
            target.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload.encode("utf-8", "surrogatepass"))
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return False
        return True

    def _prepare(self) -> None:
        if self._ready:
            return
        self.entries.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "*\n"), ("README", _README)):
            p = self.folder / name
            if not p.exists():
                with contextlib.suppress(OSError):
                    p.write_text(text, encoding="utf-8")
        self._ready = True

    def prune(self, now: float | None = None) -> int:
        """Drop other linter versions' unused folders and entries unused for 30 days.

        Called once per run; cheap unless a sweep is due (once a day). Safe
        under concurrent runs: a run whose folder vanishes mid-way only
        misses. Returns how many entries or folders were removed.
        """
        if not self.entries.is_dir():
            # This version never wrote here (read-only folder, say): leave the
            # other versions' entries alone too.
            return 0
        import shutil  # only a run that prunes needs it

        now = time.time() if now is None else now
        removed = 0
        _touch(self.entries / _USED, now)
        with contextlib.suppress(OSError), os.scandir(self.entries.parent) as generations:
            for other in generations:
                if other.path == str(self.entries) or not other.is_dir(follow_symlinks=False):
                    continue
                if now - _mtime(Path(other.path) / _USED, other) > GENERATION_MAX_AGE:
                    shutil.rmtree(other.path, ignore_errors=True)
                    removed += 1
        swept = self.entries / _SWEPT
        if now - _mtime(swept, None) < _DAY:
            return removed
        _touch(swept, now)
        with contextlib.suppress(OSError), os.scandir(self.entries) as buckets:
            for bucket in buckets:
                if not bucket.is_dir(follow_symlinks=False):
                    continue
                with contextlib.suppress(OSError), os.scandir(bucket.path) as it:
                    for e in it:
                        if e.name.endswith(".json") and now - e.stat().st_mtime > ENTRY_MAX_AGE:
                            with contextlib.suppress(OSError):
                                os.unlink(e.path)
                                removed += 1
        return removed


def _mtime(path: Path, fallback: os.DirEntry[str] | None) -> float:
    """``path``'s mtime; else the fallback's (a folder without a stamp); else 0."""
    try:
        return path.stat().st_mtime
    except OSError:
        try:
            return fallback.stat(follow_symlinks=False).st_mtime if fallback is not None else 0.0
        except OSError:
            return 0.0


def _touch(path: Path, now: float) -> None:
    with contextlib.suppress(OSError):
        path.touch()
        os.utime(path, (now, now))


def clean(folder: str | Path) -> bool:
    """Remove a cache folder; True when there was one.

    Refuses (ValueError) a folder that does not look like a designdoc cache,
    so a mistyped ``--cache-dir`` never deletes a project folder.
    """
    p = Path(folder)
    if not p.exists():
        return False
    if not p.is_dir() or p.is_symlink():
        raise ValueError(f"{p} is not a cache folder")
    known = {LAYOUT, "CACHEDIR.TAG", ".gitignore", "README"}
    if not (p / "CACHEDIR.TAG").is_file() and any(c.name not in known for c in p.iterdir()):
        raise ValueError(f"{p} does not look like a designdoc cache; not removing it")
    import shutil

    shutil.rmtree(p)
    return True


def default_folder(config_root: Path, configured: str | None, override: str | None) -> Path:
    """``--cache-dir``, else the config's ``cache-dir`` (relative to the config's
    folder), else ``.designdoc_cache`` in the project root."""
    if override:
        return Path(override)
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else config_root / path
    return config_root / DEFAULT_DIR

