"""Rule declarations and the registry.

A rule is a small declared object: stable code and name, default severity,
the section it is about, a one-line summary, the check, and a docstring that
is its user documentation (with a failing and a passing example). The
registry feeds ``designdoc rules``, ``designdoc rule ID``, SARIF ``rules[]``
and the docs from the same declarations.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from designdoc.problem import Problem

if TYPE_CHECKING:
    from designdoc.catalog import Catalog
    from designdoc.document import Document, Section

DOCS_URL = "https://github.com/designdoc/designdoc/blob/main/docs/rules.md#{name}"

# Rule families, one module each; the order is the order of `designdoc rules`.
FAMILIES = (
    "designdoc.rules.structure",
    "designdoc.rules.front_matter",
    "designdoc.rules.metrics", "designdoc.rules.data", "designdoc.rules.baselines", "designdoc.rules.ab_test", "designdoc.rules.rollback", "designdoc.rules.priorities", "designdoc.rules.risks", "designdoc.rules.requirements",  # noqa: E501
)

Check = Callable[["Document", "Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A declared rule. ``check`` yields problems through ``ctx.problem``."""

    code: str
    name: str
    severity: str  # default: error | warning | info
    summary: str
    check: Check
    section: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    family: str = ""
    # Severity while the doc is a `draft` (None: follow the section's
    # required level, see ``effective_severity``).
    draft: str | None = None

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or self.summary)

    @property
    def url(self) -> str:
        return DOCS_URL.format(name=self.name)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "section": self.section,
            "summary": self.summary,
            "url": self.url,
        }


_RULES: dict[str, Rule] = {}
_BY_NAME: dict[str, Rule] = {}
_loaded = False


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    summary: str,
    section: str | None = None,
    options: dict[str, Any] | None = None,
    draft: str | None = None,
) -> Callable[[Check], Check]:
    """Declare a rule; the decorated function is its check."""

    def wrap(func: Check) -> Check:
        if code in _RULES or name in _BY_NAME:
            raise RuntimeError(f"duplicate rule {code} {name}")
        r = Rule(
            code, name, severity, summary, func, section, dict(options or {}), func.__module__, draft
        )
        _RULES[code] = r
        _BY_NAME[name] = r
        return func

    return wrap


def _load() -> None:
    global _loaded
    if not _loaded:
        for module in FAMILIES:
            importlib.import_module(module)
        _loaded = True


def all_rules() -> list[Rule]:
    """Every rule, ordered by code."""
    _load()
    return sorted(_RULES.values(), key=lambda r: r.code)


def get_rule(ident: str) -> Rule | None:
    """A rule by code (case-insensitive) or name."""
    _load()
    return _RULES.get(ident.upper()) or _BY_NAME.get(ident.lower())


def resolve(idents: Iterable[str]) -> set[str]:
    """Rule codes named by codes, names, code prefixes ("DD2") or ALL.

    Raises KeyError with the unknown identifier.
    """
    _load()
    out: set[str] = set()
    for raw in idents:
        ident = raw.strip()
        if not ident:
            continue
        if ident.upper() == "ALL":
            out.update(_RULES)
            continue
        found = get_rule(ident)
        if found:
            out.add(found.code)
            continue
        prefix = [c for c in _RULES if c.startswith(ident.upper())] if ident[:2].upper() == "DD" else []
        if not prefix:
            raise KeyError(ident)
        out.update(prefix)
    return out


def suggest(ident: str) -> str:
    """Help for an unknown rule identifier: the closest names, or a prefix's rules."""
    import difflib

    rules = all_rules()
    prefixed = [r for r in rules if r.code.startswith(ident.upper())] if ident[:2].upper() == "DD" else []
    if prefixed:
        return "rules starting with it: " + ", ".join(f"{r.code} {r.name}" for r in prefixed[:12])
    names = [r.name for r in rules] + [r.code for r in rules]
    close = difflib.get_close_matches(ident, names, n=2)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return "see `designdoc rules`."


@dataclass
class Context:
    """What a check needs besides the document: its rule, options, catalogue."""

    rule: Rule
    catalog: Catalog
    options: dict[str, Any]
    path: str
    lang: str = "en"  # the doc's language: messages are written in it where a rule offers one

    def say(self, en: str, ru: str | None = None) -> str:
        """The message in the doc's language (English when no Russian is given)."""
        return ru if self.lang == "ru" and ru else en

    def problem(
        self,
        where: Section | int | None,
        message: str,
        *,
        section: str | None = "",
        column: int = 1,
        end_line: int | None = None,
        severity: str | None = None,
    ) -> Problem:
        """A problem of this rule at a section (its heading line) or a line.

        ``section`` defaults to the rule's section (or the located section's
        id); ``severity`` lets a check lower its default (e.g. optional parts).
        """
        if where is None:
            line = 1
            sec_id = None
        elif isinstance(where, int):
            line = max(1, where)
            sec_id = None
        else:
            line = max(1, where.line)
            sec_id = where.id
            if end_line is None:
                end_line = line
        if section == "":
            section = self.rule.section or sec_id
        return Problem(
            path=self.path,
            line=line,
            column=column,
            end_line=max(line, end_line or line),
            code=self.rule.code,
            name=self.rule.name,
            severity=severity or self.rule.severity,
            section=section,
            message=message,
        )


def effective_severity(
    rule: Rule,
    problem: Problem,
    doc: Document,
    catalog: Catalog,
    override: str | None = None,
    status: str | None = None,
) -> str:
    """The final severity of a problem: config first, then the doc's status.

    - ``rejected`` / ``superseded`` docs are history: everything is info.
    - A ``draft`` may be incomplete: a rule's ``draft`` severity applies, and
      errors become warnings, except a missing section required even in a
      draft and file-level errors (unreadable file, broken front matter or spec).
    - Problems about ``optional`` sections are never errors.
    """
    severity = override or problem.severity
    status = status or doc.status
    if status in ("rejected", "superseded"):
        return "info"
    spec = catalog.sections.get(problem.section or "")
    required = spec.required if spec else "draft"
    if status == "draft":
        if rule.draft and not override:
            severity = rule.draft
        elif severity == "error" and (required != "draft" or rule.section is not None):
            severity = "warning"  # content rules (they name a section) soften too
    if required == "optional" and severity == "error":
        severity = "warning"
    return severity


# A raw finding: the rule and its problem at the rule's own severity. Rules
# do not read the doc's status, so one run serves every status (readiness
# judges a draft as if it were in review or approved without re-running).
Raw = tuple[Rule, Problem]


def check_all(
    doc: Document,
    rules: Iterable[Rule],
    catalog: Catalog,
    options: dict[str, dict[str, Any]],
    severities: dict[str, str],
) -> list[Raw]:
    """Run the checks of every rule not switched off; severities not yet applied."""
    out: list[Raw] = []
    for r in rules:
        if severities.get(r.code) == "off":
            continue
        ctx = Context(r, catalog, {**r.options, **options.get(r.name, {})}, doc.path, lang=doc.lang)
        out.extend((r, p) for p in r.check(doc, ctx))
    return out


def finalize(
    raw: Iterable[Raw],
    doc: Document,
    catalog: Catalog,
    severities: dict[str, str],
    status: str | None = None,
) -> Iterator[Problem]:
    """Problems at their final severity for ``status`` (default: the doc's)."""
    from dataclasses import replace

    for r, p in raw:
        final = effective_severity(r, p, doc, catalog, severities.get(r.code), status)
        if final == "off":
            continue
        yield p if final == p.severity else replace(p, severity=final)
