"""Run a lint over CLI targets (files, folders, stdin) and collect a Result.

The one place that turns targets into per-file lint calls, so caching and
parallelism live here and nowhere else.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from designdoc.config import Config, find_config, load_config
from designdoc.discover import discover
from designdoc.errors import DesignDocError
from designdoc.lint import Result, lint_file, lint_source


@dataclass
class LintRequest:
    """What the user asked for on the command line."""

    targets: list[str]
    config: Config | None = None  # forced by --config
    kind: str | None = None
    stdin_filename: str | None = None
    cli: dict[str, Any] = field(default_factory=dict)  # select / ignore / extend_select
    use_cache: bool = True  # --no-cache turns it off
    cache_dir: str | None = None  # --cache-dir
    jobs: int | None = None  # --jobs; None: min(cpu count, 8)


def run_lint(req: LintRequest, stdin: TextIO | None = None) -> Result:
    """Lint every target; raises DesignDocError for a missing target or bad config."""
    result = Result()
    for target in req.targets or ["."]:
        if target == "-":
            name = req.stdin_filename or "<stdin>"
            cfg = req.config or load_config(find_config(Path(name).resolve().parent))
            text = (stdin or sys.stdin).read()
            result.files.append(lint_source(text, name, config=cfg, kind=req.kind, **req.cli))
            continue
        if not Path(target).exists() and not Path(target).is_symlink():
            raise DesignDocError(f"{target}: no such file or folder")
        for path, explicit in discover([target], req.config):
            result.files.append(lint_file(path, explicit, req.config, kind=req.kind, **req.cli))
    return result
