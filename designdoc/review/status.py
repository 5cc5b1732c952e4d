"""Move a design doc to another status, guarded by the readiness gates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from designdoc.review.frontmatter import (
    FrontMatterEditError,
    is_flow_style,
    newline_of,
    set_front_matter,
    set_keys_in_lines,
)
from designdoc.review.readiness import Blocker, readiness

if TYPE_CHECKING:
    from designdoc.config import Config

TARGETS = ("draft", "review", "approved", "rejected", "superseded")
# Final statuses: leaving one for `review` or `approved` needs ``force``
# (moving back to `draft` reopens the doc and is always allowed).
TERMINAL = ("rejected", "superseded")


@dataclass
class StatusChange:
    """The outcome of a requested status change (nothing is written here)."""

    path: str
    old: str
    new: str
    text: str  # the file's new text (equal to the old one when refused or unchanged)
    blockers: list[Blocker] = field(default_factory=list)
    refused: bool = False
    forced: bool = False
    from_terminal: bool = False  # leaves a final status (rejected/superseded) for review/approved

    @property
    def changed(self) -> bool:
        return not self.refused and self.old != self.new


def current_status(text: str, path: str) -> str:
    """The status the file declares (``draft`` when it declares none)."""
    from designdoc.discover import SPEC_SUFFIXES
    from designdoc.document import STATUSES, parse

    if path.endswith(SPEC_SUFFIXES):
        import re

        m = re.search(r"^status[ \t]*:[ \t]*['\"]?([\w-]+)", text, re.M)
        return m.group(1) if m and m.group(1) in STATUSES else "draft"
    return parse(text, path).status


def change_status(
    text: str,
    path: str,
    new: str,
    *,
    config: Config | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> StatusChange:
    """Set ``status`` (and ``updated`` to today) unless a gate of ``new`` fails.

    Moving to ``review`` needs the review gates, to ``approved`` the approval
    gates (see :mod:`designdoc.review.readiness`). Leaving a final status
    (``rejected``, ``superseded``) for ``review`` or ``approved`` is refused
    too. ``force`` overrides both. Raises :class:`FrontMatterEditError` when the front matter cannot be
    edited safely, and ``SpecError`` for a YAML spec that does not load.
    """
    if new not in TARGETS:
        raise ValueError(new)
    old = current_status(text, path)
    if old == new:
        return StatusChange(path, old, new, text)
    blockers: list[Blocker] = []
    if new in ("review", "approved"):
        blockers = readiness(text, path, config).blockers_for(new)
    from_terminal = old in TERMINAL and new in ("review", "approved")
    if (blockers or from_terminal) and not force:
        return StatusChange(path, old, new, text, blockers, refused=True, from_terminal=from_terminal)
    date = (today or dt.date.today()).isoformat()
    updates = {"status": new, "updated": date}
    new_text = _edit_spec(text, updates, path) if _is_spec(path) else set_front_matter(text, updates, path)
    return StatusChange(
        path, old, new, new_text, blockers, refused=False,
        forced=bool(blockers) or from_terminal, from_terminal=from_terminal,
    )


def _is_spec(path: str) -> bool:
    from designdoc.discover import SPEC_SUFFIXES

    return path.endswith(SPEC_SUFFIXES)


def _edit_spec(text: str, updates: dict[str, str], path: str) -> str:
    """Top-level keys of a YAML spec, edited by line like front matter."""
    import yaml

    nl = newline_of(text)
    lines = text.splitlines(keepends=True)
    if is_flow_style([ln for ln in lines if not ln.startswith(("---", "%"))]):
        raise FrontMatterEditError(
            f"{path}: cannot safely edit a flow-style spec (a {{key: value, …}} mapping); "
            f"write it with one key per line (e.g. 'status: draft') and run again"
        )
    new = "".join(set_keys_in_lines(lines, updates, nl, {"updated": ""}))
    try:
        data = yaml.safe_load(new)
    except yaml.YAMLError as err:
        raise FrontMatterEditError(f"{path}: the spec is not valid YAML: {err}") from None
    if not isinstance(data, dict) or any(str(data.get(k)) != v for k, v in updates.items()):
        raise FrontMatterEditError(f"{path}: cannot edit the spec's status safely; set it by hand")
    return new
