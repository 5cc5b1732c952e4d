"""`designdoc init`: starter config and first doc, never overwriting without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc.cli import cli


@pytest.fixture()
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def init(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["init", *args])


def test_init_writes_config_doc_and_prints_snippets(proj: Path) -> None:
    from designdoc.config import load_config

    res = init()
    assert res.exit_code == 0, res.output
    cfg = load_config(proj / ".designdoc.toml")  # the starter config is valid
    assert cfg.fail_on == "error"
    docs = sorted(p.name for p in (proj / "docs/design").glob("*.md"))
    assert len(docs) == 1
    assert "id: designdoc" in res.stdout and "repos:" in res.stdout
    assert "uses: designdoc/designdoc@v" in res.stdout and "security-events: write" in res.stdout
    # the first doc is a design doc that designdoc lints (not skipped)
    lint = CliRunner().invoke(cli, ["lint", "--no-cache", "-v", "docs/design"])
    assert lint.exit_code in (0, 1) and "skipped" not in lint.stderr


def test_init_never_overwrites_without_force(proj: Path) -> None:
    (proj / ".designdoc.toml").write_text("# mine\n", encoding="utf-8")
    assert init().exit_code == 0
    assert (proj / ".designdoc.toml").read_text(encoding="utf-8") == "# mine\n"
    doc = next((proj / "docs/design").glob("*.md"))
    doc.write_text("my edits\n", encoding="utf-8")
    res = init()
    assert res.exit_code == 0 and "kept" in res.stdout
    assert doc.read_text(encoding="utf-8") == "my edits\n"
    assert init("--force").exit_code == 0
    assert doc.read_text(encoding="utf-8") != "my edits\n"
    assert (proj / ".designdoc.toml").read_text(encoding="utf-8") != "# mine\n"


def test_init_options(proj: Path) -> None:
    res = init("--dir", "design", "--lang", "ru", "--no-doc")
    assert res.exit_code == 0 and not (proj / "design").exists()
    assert init("--dir", "../outside").exit_code == 2
    res = init("--dir", "design", "--lang", "ru", "--title", "Отток")
    assert res.exit_code == 0
    doc = next((proj / "design").glob("*.md"))
    assert "lang: ru" in doc.read_text(encoding="utf-8")


def test_init_falls_back_to_a_static_doc(proj: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from designdoc.cli import init_cmd

    monkeypatch.setattr(init_cmd, "_generated_doc", lambda *a: [])
    res = init()
    assert res.exit_code == 0 and "static one-pager" in res.stderr
    text = (proj / "docs/design/our-first-design-doc.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Our first design doc\nkind: one-pager")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_init_writes_files_with_the_umask_mode_not_0600(proj: Path) -> None:
    old = os.umask(0o022)
    try:
        assert init().exit_code == 0
    finally:
        os.umask(old)
    written = [proj / ".designdoc.toml", *(p for p in (proj / "docs/design").rglob("*") if p.is_file())]
    assert len(written) >= 3  # config, doc, spec (+ schema)
    assert {p.relative_to(proj).as_posix(): p.stat().st_mode & 0o777 for p in written} == {
        p.relative_to(proj).as_posix(): 0o644 for p in written
    }
