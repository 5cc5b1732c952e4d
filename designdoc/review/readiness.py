"""Readiness of a design doc: gates, not averages.

A doc is *ready for review* when re-linting it as if its status were
``review`` finds no error; it is *ready for approval* when re-linting it as
``approved`` finds no error, no problem from a content rule (at warning or
above), and the front matter names title, owners and reviewers. One failing
gate blocks the level. ``percent`` is informative only: the share of the
automated checklist items that pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designdoc.problem import Problem

if TYPE_CHECKING:
    from designdoc.catalog import Catalog
    from designdoc.config import Config
    from designdoc.document import Document

LEVELS = ("not-ready", "ready-for-review", "ready-for-approval")

# Content rules of the public interface: approval needs every one of them to
# pass, whatever severity it reports at (config can still switch a rule off).
CONTENT_RULES = frozenset(
    """no-online-metric no-offline-metric metric-without-target no-feature-source no-label-source
    no-simple-baseline ab-no-hypothesis ab-no-primary-metric ab-no-guardrail-metric ab-no-split-unit
    ab-no-significance-level ab-no-power-or-mde ab-no-duration rollback-no-trigger rollback-no-action
    moscow-incomplete""".split()
)
# Rules whose warnings also block approval.
APPROVAL_STRICT = CONTENT_RULES | {"incomplete-front-matter"}
# Derived from the other errors; listing it again would only repeat them.
_DERIVED = frozenset({"approved-with-errors"})


@dataclass(frozen=True)
class Blocker:
    """One failing gate: the problem behind it."""

    rule: str  # stable rule name (or a pseudo-rule such as "no-front-matter")
    code: str
    severity: str
    section: str | None
    line: int
    message: str

    @classmethod
    def of(cls, p: Problem) -> Blocker:
        return cls(p.name, p.code, p.severity, p.section, p.line, p.message)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.code,
            "name": self.rule,
            "severity": self.severity,
            "section": self.section,
            "line": self.line,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"line {self.line}: {self.message} [{self.rule}]"


@dataclass
class Readiness:
    """The readiness of one doc."""

    level: str  # one of LEVELS
    review_blockers: list[Blocker] = field(default_factory=list)
    approval_blockers: list[Blocker] = field(default_factory=list)
    percent: int = 0
    checks_passed: int = 0
    checks_total: int = 0
    checks_unchecked: int = 0  # items whose rules are not available or switched off

    @property
    def ready_for_review(self) -> bool:
        return self.level in ("ready-for-review", "ready-for-approval")

    @property
    def ready_for_approval(self) -> bool:
        return self.level == "ready-for-approval"

    def blockers_for(self, status: str) -> list[Blocker]:
        """What stops a move to ``status`` (only review and approved have gates)."""
        if status == "review":
            return self.review_blockers
        if status == "approved":
            return self.approval_blockers
        return []

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "ready_for_review": self.ready_for_review,
            "ready_for_approval": self.ready_for_approval,
            "percent": self.percent,
            "checks": {"passed": self.checks_passed, "total": self.checks_total,
                       "unchecked": self.checks_unchecked},
            "review_blockers": [b.to_json() for b in self.review_blockers],
            "approval_blockers": [b.to_json() for b in self.approval_blockers],
        }


@dataclass
class Judgement:
    """A doc linted as if it had another status (what readiness and the checklist read)."""

    doc: Document
    problems: list[Problem]  # all problems at that status, derived ones dropped
    codes: set[str]  # enabled rule codes
    severity: dict[str, str]  # configured severities
    catalog: Catalog


def judge(text: str, path: str, config: Config | None, status: str) -> Judgement:
    """Parse ``text`` and lint it as if its front matter said ``status``.

    The status is set on the parsed document, not in the text, so line
    numbers stay those of the file. YAML specs are rendered first.
    """
    from designdoc.config import Config
    from designdoc.document import parse
    from designdoc.lint import lint_document

    from designdoc.lint import gate_settings

    cfg = config or Config()
    settings = gate_settings(cfg.settings_for(path))
    markdown = _markdown_of(text, path)
    doc = parse(markdown, path, settings.catalog(), settings.kind)
    problems = [p for p in lint_document(doc, settings, status) if p.name not in _DERIVED]
    return Judgement(doc, problems, set(settings.codes), dict(settings.severity), settings.catalog())


def _markdown_of(text: str, path: str) -> str:
    """Markdown to judge: the text itself, or what a YAML spec renders to."""
    from designdoc.discover import SPEC_SUFFIXES

    if not path.endswith(SPEC_SUFFIXES):
        return text
    from designdoc.generate import render_spec
    from designdoc.spec.loader import load_spec_text

    return render_spec(load_spec_text(text, path))


def readiness(text: str, path: str, config: Config | None = None) -> Readiness:
    """Gate a doc for review and for approval (see the module docstring).

    Raises :class:`designdoc.errors.DesignDocError` (e.g. ``SpecError``) when
    a YAML spec does not load.
    """
    at_review = judge(text, path, config, "review")
    at_approved = judge(text, path, config, "approved")
    return readiness_from(at_review, at_approved)


def readiness_from(at_review: Judgement, at_approved: Judgement) -> Readiness:
    """Readiness from two judgements already made (the checklist reuses them)."""
    from designdoc.review.checks import evaluate

    review = [Blocker.of(p) for p in at_review.problems if p.severity == "error"]
    approval = [
        Blocker.of(p)
        for p in at_approved.problems
        if p.severity == "error" or (p.name in APPROVAL_STRICT and p.severity == "warning")
    ]
    doc = at_approved.doc
    if doc.front_matter is None and doc.front_matter_error is None:
        approval.append(
            Blocker("no-front-matter", "", "error", None, 1,
                    "No front matter: add title, kind, status, owners and reviewers.")
        )
    approval.sort(key=lambda b: (b.line, b.rule))
    if review:
        level = "not-ready"
    elif approval:
        level = "ready-for-review"
    else:
        level = "ready-for-approval"
    results = evaluate(at_approved)
    passed = sum(r.state == "pass" for r in results)
    total = sum(r.state in ("pass", "fail") for r in results)
    percent = round(100 * passed / total) if total else 0
    unchecked = sum(r.state == "unchecked" for r in results)
    return Readiness(level, review, approval, percent, passed, total, unchecked)
