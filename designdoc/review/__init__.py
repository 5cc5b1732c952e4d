"""Review tools for leads: readiness gates, the review checklist, status changes, the docs index."""

from designdoc.review.readiness import Blocker, Readiness, readiness

__all__ = ["Blocker", "Readiness", "readiness"]
