"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

``tool.driver.rules`` lists every rule (id = code, help from the rule's doc);
results point at paths relative to ``%SRCROOT%`` (the current folder, which
is the checkout root in CI) and carry ``partialFingerprints`` that do not
depend on line numbers, so an alert survives edits above it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from designdoc.formats._common import fingerprints

if TYPE_CHECKING:
    from designdoc.lint import Result
    from designdoc.rules.registry import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/designdoc/designdoc"
FINGERPRINT_KEY = "designdocProblem/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note", "off": "none"}


def _rule(r: Rule) -> dict[str, Any]:
    doc = r.doc
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[0].replace("\n", " ")},
        "help": {"text": f"{doc}\n\n{r.url}", "markdown": f"{doc}\n\n[Rule documentation]({r.url})"},
        "helpUri": r.url,
        "defaultConfiguration": {"level": LEVELS[r.severity]},
        "properties": {
            "tags": ["design-doc", "documentation"] + ([r.section] if r.section else []),
        },
    }


def _uri(rel: str) -> str:
    return quote(rel, safe="/")


def sarif(result: Result, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict."""
    from designdoc import __version__
    from designdoc.rules.registry import all_rules

    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    base = (root or Path.cwd()).resolve()
    results = []
    for p, rel, fp in fingerprints(result, base):
        artifact: dict[str, Any]
        if rel.startswith("<"):  # stdin without --stdin-filename
            artifact = {"uri": _uri(rel)}
        elif Path(rel).is_absolute() or rel.startswith("../"):  # outside the source root
            artifact = {"uri": Path(os.path.abspath(p.path)).as_uri()}
        else:
            artifact = {"uri": _uri(rel), "uriBaseId": "%SRCROOT%"}
        region: dict[str, Any] = {"startLine": p.line, "startColumn": p.column}
        if p.end_line >= p.line:
            region["endLine"] = p.end_line
        item: dict[str, Any] = {
            "ruleId": p.code,
            "level": LEVELS[p.severity],
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            "partialFingerprints": {FINGERPRINT_KEY: fp},
            "properties": {"name": p.name, "section": p.section},
        }
        if p.code in index:
            item["ruleIndex"] = index[p.code]
        results.append(item)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "designdoc",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri().rstrip("/") + "/"}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(result: Result, color: bool = False) -> str:
    return json.dumps(sarif(result), ensure_ascii=False, indent=2) + "\n"
