"""designdoc.fsutil.write_atomic: one atomic writer with the file modes a plain open() gives."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from designdoc.errors import FileExistsRefusal
from designdoc.fsutil import write_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture()
def umask() -> Iterator[object]:
    """Set the process umask for one test and restore it afterwards."""
    old = os.umask(0o022)

    def _set(mask: int) -> None:
        os.umask(mask)

    yield _set
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_new_file_honours_the_umask_like_open(tmp_path: Path, umask) -> None:  # type: ignore[no-untyped-def]
    umask(0o022)
    write_atomic(tmp_path / "a.md", "a\n")
    with open(tmp_path / "plain.md", "w") as fh:
        fh.write("a\n")
    assert mode(tmp_path / "a.md") == mode(tmp_path / "plain.md") == 0o644
    umask(0o077)
    write_atomic(tmp_path / "b.md", "b\n")
    assert mode(tmp_path / "b.md") == 0o600
    umask(0o002)
    write_atomic(tmp_path / "c.md", "c\n")
    assert mode(tmp_path / "c.md") == 0o664


def test_existing_file_keeps_its_mode(tmp_path: Path, umask) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "doc.md"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    umask(0o022)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert mode(target) == 0o640


def test_no_overwrite_refuses_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "doc.md"
    assert write_atomic(target, "one\n", overwrite=False) == target  # creates the folder
    with pytest.raises(FileExistsRefusal, match="already exists; use --force"):
        write_atomic(target, "two\n", overwrite=False)
    assert target.read_bytes() == b"one\n"
    write_atomic(target, "two\n")
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in target.parent.iterdir()] == ["doc.md"]


def test_text_is_written_as_is_and_bytes_are_accepted(tmp_path: Path) -> None:
    write_atomic(tmp_path / "t.md", "a\r\nб\n")
    assert (tmp_path / "t.md").read_bytes() == "a\r\nб\n".encode("utf-8")
    write_atomic(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "doc.md"
    target.write_text("old\n", encoding="utf-8")

    def boom(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_importing_fsutil_stays_cheap() -> None:
    code = (
        "import sys, designdoc.fsutil\n"
        "heavy = [m for m in ('jinja2', 'pydantic', 'yaml', 'click') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
