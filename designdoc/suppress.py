"""Suppression comments.

    <!-- designdoc-disable RULE[,RULE] -->   … until enable or end of file
    <!-- designdoc-enable RULE -->
    <!-- designdoc-disable-next-line RULE -->
    <!-- designdoc-disable-file RULE -->

RULE is a code or a name; none means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from designdoc.document import Comment
from designdoc.problem import Problem

_DIRECTIVE_RE = re.compile(
    r"<!--\s*designdoc-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->", re.S
)
ALL = "*"


@dataclass
class Suppressions:
    """Which rules are off where, read from a document's comments."""

    file: set[str] = field(default_factory=set)
    next_line: dict[int, set[str]] = field(default_factory=dict)
    # (first line, last line or None for end of file, rule keys)
    ranges: list[tuple[int, int | None, set[str]]] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (line, identifier)

    def hides(self, problem: Problem) -> bool:
        keys = {problem.code, problem.name, ALL}
        if self.file & keys:
            return True
        if self.next_line.get(problem.line, set()) & keys:
            return True
        for first, last, rules in self.ranges:
            if first <= problem.line and (last is None or problem.line <= last) and rules & keys:
                return True
        return False


def read(comments: Iterable[Comment], canonical: Callable[[str], str | None]) -> Suppressions:
    """Collect directives; ``canonical`` maps a code or name to a rule code."""
    sup = Suppressions()
    open_ranges: dict[str, int] = {}
    for comment in comments:
        for m in _DIRECTIVE_RE.finditer(comment.text):
            verb, args = m.group(1), m.group(2)
            line = comment.line + comment.text.count("\n", 0, m.start())
            rules: set[str] = set()
            for ident in re.split(r"[,\s]+", args.strip()):
                if not ident:
                    continue
                code = canonical(ident)
                if code is None:
                    sup.unknown.append((line, ident))
                else:
                    rules.add(code)
            if not rules and not args.strip():
                rules = {ALL}
            if not rules:
                continue
            if verb == "disable-file":
                sup.file |= rules
            elif verb == "disable-next-line":
                # The next non-blank line is what a reader means by "next line";
                # the comment may span several lines itself.
                end = comment.line + comment.text.count("\n")
                sup.next_line.setdefault(end + 1, set()).update(rules)
            elif verb == "disable":
                for r in rules:
                    open_ranges.setdefault(r, line)
            else:  # enable
                targets = set(open_ranges) if ALL in rules else rules
                for r in targets:
                    start = open_ranges.pop(r, None)
                    if start is not None:
                        sup.ranges.append((start, line, {r}))
    for r, start in open_ranges.items():
        sup.ranges.append((start, None, {r}))
    return sup
