"""Errors that reach the user as clear lines (never a traceback)."""

from __future__ import annotations

from dataclasses import dataclass


class DesignDocError(Exception):
    """A user-facing error. ``str(err)`` is the whole message; the CLI exits 2."""

    exit_code = 2


class ConfigError(DesignDocError):
    """The configuration file is wrong (unknown key, unknown rule, bad type)."""


@dataclass(frozen=True)
class SpecIssue:
    """One problem in a YAML spec, located at the offending key or value."""

    path: str
    line: int  # 1-based
    column: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class SpecError(DesignDocError):
    """A YAML spec failed to load or validate; ``issues`` holds every problem at once."""

    def __init__(self, issues: list[SpecIssue]) -> None:
        super().__init__("\n".join(str(i) for i in issues))
        self.issues = issues


class FileExistsRefusal(DesignDocError):
    """Refusing to overwrite a file the user owns (use --force)."""

    exit_code = 1
