"""The pre-commit hook definition, driven through `pre-commit try-repo` on a temporary git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = ("---\ntitle: T\nkind: one-pager\nstatus: review\n---\n\n# T\n\n## Why\nUsers leave.\n\n"
        "## What\nA churn score.\n\n## How\nA model.\n")
BAD = "---\ntitle: T\nkind: one-pager\nstatus: review\n---\n\n# T\n\n## Why\nUsers leave.\n"
README = "# Project\n\nNot a design doc.\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def test_hook_definition() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "designdoc")
    assert hook["entry"].startswith("designdoc lint") and hook["language"] == "python"
    assert hook["types"] == ["markdown"] and hook["require_serial"] is True
    assert "--force-exclude" in hook["entry"]


def test_pre_commit_try_repo(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]')")
    # The hook repo: a committed copy of the current working tree.
    hook_repo = tmp_path / "hook-repo"
    shutil.copytree(
        ROOT, hook_repo,
        ignore=shutil.ignore_patterns(".git", "tests", "bench", "__pycache__", "*.egg-info", ".*_cache",
                                      ".designdoc_cache", "build", "dist", ".venv", "venv"),
    )
    git(hook_repo, "init", "-q")
    git(hook_repo, "add", "-A")
    git(hook_repo, "commit", "-q", "-m", "snapshot")
    # A user repo with a bad doc, a good doc and a README that must be skipped.
    user = tmp_path / "user"
    (user / "docs/design").mkdir(parents=True)
    (user / "docs/design/good.md").write_text(GOOD, encoding="utf-8")
    (user / "docs/design/bad.md").write_text(BAD, encoding="utf-8")
    (user / "README.md").write_text(README, encoding="utf-8")
    (user / ".designdoc.toml").write_text('select = ["missing-section"]\n', encoding="utf-8")
    git(user, "init", "-q")
    git(user, "add", "-A")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("GITHUB_ACTIONS", None)

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "designdoc", "--all-files"],
            cwd=user, capture_output=True, text=True, env=env, timeout=600,
        )

    res = try_repo()
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "docs/design/bad.md:" in out and "missing-section" in out
    assert "good.md:" not in out and "README.md:" not in out
    git(user, "rm", "-q", "-f", "docs/design/bad.md")
    res = try_repo()
    assert res.returncode == 0, res.stdout + res.stderr
