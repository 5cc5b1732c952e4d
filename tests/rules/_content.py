"""Shared helper of the content-rule tests: only the rule under test runs."""

from __future__ import annotations

from textwrap import dedent

from designdoc.lint import lint_text


def check(md: str, rule: str) -> list[tuple[int, str]]:
    return [(p.line, p.name) for p in lint_text(dedent(md).lstrip("\n"), select=[rule])]


def severities(md: str, rule: str) -> list[str]:
    return [p.severity for p in lint_text(dedent(md).lstrip("\n"), select=[rule])]
