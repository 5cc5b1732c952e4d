"""File-level rules: readability, front matter, YAML specs and the status lifecycle."""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterator

from designdoc.document import KINDS, LANGS, STATUSES, Document
from designdoc.problem import Problem
from designdoc.rules.registry import Context, rule

KNOWN_KEYS = ("title", "kind", "status", "owners", "reviewers", "lang", "created", "updated")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@rule(
    code="DD001",
    name="unreadable-file",
    severity="error",
    summary="A file could not be read or decoded as UTF-8.",
)
def unreadable_file(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The file could not be read (permissions, a broken link) or is not UTF-8 text.

    Reported by the linter while it reads files; the other files are still
    linted. Save the file as UTF-8 or fix its permissions.
    """
    return iter(())


@rule(
    code="DD002",
    name="invalid-front-matter",
    severity="error",
    summary="The YAML front matter does not parse or has invalid values.",
)
def invalid_front_matter(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Front matter must be valid YAML with known values for kind, status and lang.

    Other keys (e.g. for a static site generator) are allowed, but a key that
    looks like a misspelt designdoc key is reported with a suggestion.

    Fails:

        ---
        kind: fulll
        statsu: draft
        ---

    Passes:

        ---
        title: Churn prediction
        kind: full
        status: draft
        owners: [alice]
        lang: ru
        created: "2026-11-24"
        ---
    """
    if doc.front_matter_error:
        line, message = doc.front_matter_error
        yield ctx.problem(line, ctx.say(en=f"Front matter: {message}.", ru=f"Ошибка во front matter: {message}."))
        return
    fm = doc.front_matter
    if fm is None:
        return
    lines = doc.front_matter_lines
    choices = {"kind": KINDS, "status": STATUSES, "lang": LANGS}
    for key, value in fm.items():
        line = lines.get(str(key), 2)
        key = str(key)
        if key in choices:
            if not isinstance(value, str) or value not in choices[key]:
                allowed = ", ".join(choices[key])
                yield ctx.problem(
                    line,
                    ctx.say(
                        en=f"Front matter '{key}: {value}' is not one of: {allowed}.",
                        ru=f"Недопустимое значение во front matter «{key}: {value}»: допустимы {allowed}.",
                    ),
                )
        elif key in ("owners", "reviewers"):
            ok = isinstance(value, str) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            )
            if not ok:
                yield ctx.problem(
                    line,
                    ctx.say(
                        en=f"Front matter '{key}' must be a name or a list of names.",
                        ru=f"Поле «{key}» во front matter должно быть именем или списком имён.",
                    ),
                )
        elif key in ("created", "updated"):
            if not (isinstance(value, _dt.date) or (isinstance(value, str) and _DATE_RE.match(value))):
                yield ctx.problem(
                    line,
                    ctx.say(
                        en=f"Front matter '{key}' must be a date such as \"2026-11-24\".",
                        ru=f"Поле «{key}» во front matter должно быть датой вида \"2026-11-24\".",
                    ),
                )
        elif key == "title":
            if not isinstance(value, str) or not value.strip():
                yield ctx.problem(
                    line,
                    ctx.say(
                        en="Front matter 'title' must be a non-empty string.",
                        ru="Поле «title» во front matter должно быть непустой строкой.",
                    ),
                )
        else:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.75)
            if close:
                yield ctx.problem(
                    line,
                    ctx.say(
                        en=f"Unknown front matter key '{key}': did you mean '{close[0]}'?",
                        ru=f"Неизвестный ключ front matter «{key}»: возможно, имелся в виду «{close[0]}»?",
                    ),
                )


@rule(
    code="DD003",
    name="invalid-spec",
    severity="error",
    summary="A YAML spec fails validation against its kind's model.",
)
def invalid_spec(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A YAML spec (the input of `designdoc new`/`render`) must validate.

    One problem per validation error, at the line of the offending key, with a
    suggestion for misspelt keys. `designdoc schema KIND` prints the JSON
    Schema for editor completion.

    Fails:

        kind: full
        metrics:
          - name: CTR
            kind: onlien

    Passes:

        kind: full
        metrics:
          - name: CTR
            kind: online
            target: "+2%"
    """
    return iter(())


@rule(
    code="DD004",
    name="incomplete-front-matter",
    severity="warning",
    summary="A doc in review or approved does not name its title, owners or reviewers.",
    draft="off",
)
def incomplete_front_matter(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A doc that is up for review must say who owns it and who reviews it.

    Checked from status `review` on; drafts may leave them out.

    Fails:

        ---
        status: review
        ---

    Passes:

        ---
        title: Churn prediction
        status: review
        owners: [alice]
        reviewers: [bob]
        ---
    """
    fm = doc.front_matter
    if fm is None:
        return
    status_line = doc.front_matter_lines.get("status", 2)
    for key in ("title", "owners", "reviewers"):
        if not fm.get(key):
            yield ctx.problem(
                status_line,
                ctx.say(
                    en=f"Front matter has no '{key}': add it (needed from review on).",
                    ru=f"Во front matter нет поля «{key}»: добавьте его (оно требуется, начиная со статуса review).",
                ),
            )


@rule(
    code="DD005",
    name="approved-with-errors",
    severity="error",
    summary="A doc marked approved still has errors.",
)
def approved_with_errors(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An approved doc is the reference for the project; it must lint clean.

    Reported once, at the `status` line, when any other rule reports an error
    in a doc whose front matter says `status: approved`. Fix the errors, or set
    the status back to `review`.
    """
    return iter(())  # computed by the linter after the other rules ran
