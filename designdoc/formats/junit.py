"""JUnit XML: one ``testsuite`` per file, one ``testcase`` per problem.

A file without problems gets one passing test case; a file skipped as not a
design doc gets one skipped test case with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from designdoc.formats._common import relpath

if TYPE_CHECKING:
    from designdoc.lint import Result


_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Drop characters XML 1.0 cannot hold."""
    return _INVALID_XML.sub("\ufffd", text)


def render(result: Result, color: bool = False) -> str:
    root = ET.Element("testsuites", name="designdoc")
    total = failures = skipped_total = 0
    for f in result.files:
        path = relpath(f.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        if f.skipped:
            case = ET.SubElement(suite, "testcase", name="design doc", classname=path)
            ET.SubElement(case, "skipped", message=_x(f.skipped))
            n, fails, skips = 1, 0, 1
        elif not f.problems:
            ET.SubElement(suite, "testcase", name="design doc", classname=path)
            n, fails, skips = 1, 0, 0
        else:
            for p in f.problems:
                case = ET.SubElement(
                    suite, "testcase", name=f"{p.code} {p.name} (line {p.line})", classname=path,
                    file=path, line=str(p.line),
                )
                failure = ET.SubElement(case, "failure", message=_x(p.message), type=p.severity)
                failure.text = f"{path}:{p.line}:{p.column}: {p.severity}: {p.code} {p.name}\n{_x(p.message)}\n"
            n, fails, skips = len(f.problems), len(f.problems), 0
        suite.set("tests", str(n))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
        total, failures, skipped_total = total + n, failures + fails, skipped_total + skips
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped_total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
