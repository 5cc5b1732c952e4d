"""The rule reference (docs/rules.md), generated from the rule declarations."""

from __future__ import annotations


def markdown_reference() -> str:
    """Every rule as a Markdown section whose anchor is the rule's name (rule URLs point here)."""
    from designdoc.catalog import default_catalog
    from designdoc.rules.registry import all_rules

    catalog = default_catalog()
    out = [
        "# Rule reference",
        "",
        "Generated from the rule declarations (`designdoc rules`, `designdoc rule ID`);",
        "do not edit by hand: run `DESIGNDOC_UPDATE_DOCS=1 pytest tests/test_rule_reference.py`.",
        "",
        "Severities are defaults. The document's status adjusts them (a draft softens",
        "errors about sections required only from review; rejected and superseded docs",
        "report infos) and configuration can override them.",
        "",
        "| code | name | severity | section | summary |",
        "|---|---|---|---|---|",
    ]
    rules = all_rules()
    for r in rules:
        out.append(f"| {r.code} | [{r.name}](#{r.name}) | {r.severity} | {r.section or ''} | {r.summary} |")
    out.append("")
    out.append("Sections per document kind: " + "; ".join(
        f"`{kind}`: " + ", ".join(f"`{s}`" for s in ids) for kind, ids in catalog.kinds.items()
    ) + ".")
    for r in rules:
        out += ["", f"## {r.name}", "", f"`{r.code}` · default severity **{r.severity}**"
                + (f" (in a draft: {r.draft})" if r.draft else "")
                + (f" · section `{r.section}`" if r.section else ""), "", r.doc]
        if r.options:
            out += ["", "Options: " + ", ".join(f"`{k}` (default `{v!r}`)" for k, v in r.options.items())]
    return "\n".join(out) + "\n"
