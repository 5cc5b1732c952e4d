"""Atomic file writes shared by every command that writes a user-visible file.

One helper, :func:`write_atomic`: the content goes to a temporary file in the
target's folder, is fsynced and then moved into place with ``os.replace``, so
a crash or a full disk never leaves a half-written doc, config or baseline.

File modes behave like a plain ``open(path, "w")``: an existing file keeps its
mode, a new one gets ``0o666`` minus the umask. (``tempfile.mkstemp`` creates
``0o600`` files; renaming one into place would leave a doc the rest of the
team cannot read.) The temporary file is created with ``os.open(..., 0o666)``
so the kernel applies the umask itself: no ``os.umask`` round trip, which
would race with other threads.

This module is on the ``lint`` path (baselines, reports): standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

from designdoc.errors import FileExistsRefusal

__all__ = ["write_atomic"]

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def write_atomic(
    path: Union[str, "os.PathLike[str]"],
    data: Union[str, bytes],
    *,
    overwrite: bool = True,
    encoding: str = "utf-8",
) -> Path:
    """Write ``data`` to ``path`` atomically and return the path written.

    ``str`` data is encoded with ``encoding`` as is (no newline translation).
    Missing parent folders are created. With ``overwrite=False`` an existing
    file is never replaced: :class:`~designdoc.errors.FileExistsRefusal` is
    raised, also when the file appears while we write (no check-then-write
    race). A symlink is written through: the file it points to is replaced
    and the link stays.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if not overwrite and target.exists():
        raise _refusal(target)
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)  # keep the mode of the file we replace
        except FileNotFoundError:
            pass  # new file: the umask already applied at creation
        if overwrite:
            os.replace(tmp, target)
        else:
            _place_exclusive(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)
    return target


def _refusal(target: Path) -> FileExistsRefusal:
    return FileExistsRefusal(f"{target} already exists; use --force to overwrite it")


def _create_temp(target: Path) -> tuple[int, str]:
    """A new temporary file next to ``target`` (fd, name), created 0o666 minus the umask."""
    for _ in range(100):
        tmp = str(target.parent / f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, _FLAGS, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file next to {target}")  # pragma: no cover


def _place_exclusive(tmp: str, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if ``target`` still does not exist."""
    try:
        os.link(tmp, target)  # atomic and fails if the target appeared meanwhile
    except FileExistsError:
        raise _refusal(target) from None
    except OSError:
        # No hard links on this filesystem: fall back to a checked replace.
        if target.exists():
            raise _refusal(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (best effort; not possible on Windows)."""
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
