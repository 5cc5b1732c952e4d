"""File discovery: .gitignore, config excludes, skipped non-design docs, --changed-since, --force-exclude."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from designdoc import discover as disc
from designdoc.cli import cli
from designdoc.errors import DesignDocError

GOOD = """---
title: Churn
kind: one-pager
status: review
owners: [alice]
reviewers: [bob]
---

# Churn

## Why
Users leave after the trial and we lose revenue.

## What
A daily churn score per user for the retention team.

## How
Gradient boosting on activity logs, compared with a rule baseline.
"""
BAD = "---\ntitle: Churn\nkind: one-pager\nstatus: review\n---\n\n# Churn\n\n## Why\nUsers leave.\n"
README = "# Project\n\nSome notes, not a design doc.\n"


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


def lint(root: Path, *args: str):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(cli, ["lint", "--no-cache", "--select", "missing-section", *args])
    finally:
        os.chdir(old)


def found(root: Path, *targets: str, options: disc.Options | None = None) -> list[str]:
    old = Path.cwd()
    os.chdir(root)
    try:
        return [Path(p).as_posix() for p, _ in disc.discover(list(targets) or ["."], None, options)]
    finally:
        os.chdir(old)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "docs/design/good.md", GOOD)
    write(tmp_path, "docs/design/bad.markdown", BAD)
    write(tmp_path, "README.md", README)
    return tmp_path


def test_walk_finds_markdown_recursively_sorted(repo: Path) -> None:
    assert found(repo) == ["README.md", "docs/design/bad.markdown", "docs/design/good.md"]


def test_gitignore_root_nested_and_negation(repo: Path) -> None:
    write(repo, ".gitignore", "build/\n*.draft.md\n")
    write(repo, "build/x.md", GOOD)
    write(repo, "docs/design/idea.draft.md", GOOD)
    write(repo, "docs/design/keep.draft.md", GOOD)
    write(repo, "docs/.gitignore", "design/private/\n!design/keep.draft.md\n")
    write(repo, "docs/design/private/secret.md", GOOD)
    assert found(repo) == ["README.md", "docs/design/bad.markdown", "docs/design/good.md",
                           "docs/design/keep.draft.md"]
    # linting a subfolder still honours the .gitignore files above it
    assert found(repo, "docs/design") == ["docs/design/bad.markdown", "docs/design/good.md",
                                          "docs/design/keep.draft.md"]
    assert "build/x.md" in found(repo, options=disc.Options(respect_gitignore=False))


def test_git_info_exclude(repo: Path) -> None:
    write(repo, ".git/info/exclude", "README.md\n")
    assert "README.md" not in found(repo)


def test_config_exclude_and_extend_exclude(repo: Path) -> None:
    write(repo, ".designdoc.toml", 'exclude = ["docs/design/bad.markdown"]\nextend-exclude = ["README.md"]\n')
    assert found(repo) == ["docs/design/good.md"]


def test_named_files_are_linted_unless_force_exclude(repo: Path) -> None:
    write(repo, ".gitignore", "docs/design/bad.markdown\n")
    assert found(repo, "docs/design/bad.markdown") == ["docs/design/bad.markdown"]
    assert found(repo, "docs/design/bad.markdown", options=disc.Options(force_exclude=True)) == []


def test_non_design_doc_is_skipped_and_verbose_says_why(repo: Path) -> None:
    res = lint(repo, "-v")
    assert res.exit_code == 1
    assert "skipped README.md: no designdoc front matter" in res.stderr
    assert "README.md:" not in res.stdout
    assert "docs/design/bad.markdown:" in res.stdout and "good.md" not in res.stdout
    quiet = lint(repo)
    assert "skipped README.md" not in quiet.stderr and "1 skipped" in quiet.stderr


def test_force_exclude_skips_named_readme(repo: Path) -> None:
    assert lint(repo, "README.md").exit_code == 1  # named: linted as a doc
    res = lint(repo, "--force-exclude", "README.md", "docs/design/good.md", "-v")
    assert res.exit_code == 0, res.output
    assert "skipped README.md" in res.stderr


def test_changed_since(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "docs/design/new.md", BAD)  # committed on the branch
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new doc")
    write(repo, "docs/design/good.md", GOOD + "\nMore.\n")  # uncommitted edit
    write(repo, "docs/design/untracked.md", GOOD)  # untracked
    changed = disc.changed_files("main", repo)
    rel = sorted(Path(p).relative_to(repo.resolve()).as_posix() for p in changed)
    assert rel == ["docs/design/good.md", "docs/design/new.md", "docs/design/untracked.md"]
    res = lint(repo, "--changed-since", "main", "--format", "concise")
    assert res.exit_code == 1
    paths = {line.split(":")[0] for line in res.stdout.splitlines()}
    assert paths == {"docs/design/new.md"}  # bad.markdown is unchanged, README not a doc
    assert lint(repo, "--changed-since", "HEAD", "docs/design/bad.markdown").exit_code == 0


def test_changed_since_bad_ref_and_not_a_repo(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    res = lint(repo, "--changed-since", "no-such-branch")
    assert res.exit_code == 2 and "unknown git ref 'no-such-branch'" in res.stderr
    assert "Traceback" not in res.output
    plain = tmp_path_factory.mktemp("plain")
    write(plain, "a.md", GOOD)
    res = lint(plain, "--changed-since", "main")
    assert res.exit_code == 2 and "not inside a git repository" in res.stderr
    with pytest.raises(DesignDocError):
        disc.changed_files("main", plain)
