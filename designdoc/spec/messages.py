"""Spec problems in the spec's own language.

The loader words every problem in English (one place per message, see
``loader.py``); a spec that declares ``lang: ru`` shows them in Russian. Each
entry maps one English message shape to its Russian wording; the values the
message quotes (keys, lines, allowed choices) are kept as they are. A message
no entry knows (a YAML parser's own text) stays in English.
"""

from __future__ import annotations

import re

# `lang: ru` at the top level of the spec, read from the raw text: a spec that
# does not load has no model to ask.
_LANG_RE = re.compile(r"^lang[ \t]*:[ \t]*[\"']?(?P<lang>[a-z]{2})\b", re.M)


def spec_lang(text: str) -> str:
    """The language a spec declares (``en`` when it declares none)."""
    found = _LANG_RE.search(text)
    return found.group("lang") if found and found.group("lang") == "ru" else "en"


def _hint(text: str) -> str:
    """The tail a message may carry: "(did you mean 'x'?)", "; allowed keys: a, b"."""
    text = re.sub(r" \(did you mean '([^']*)'\?\)", r" (может быть, '\1'?)", text)
    return text.replace("; allowed keys: ", "; допустимые ключи: ")


def _translate(table: list[tuple[re.Pattern[str], str]], message: str) -> str | None:
    """The Russian wording of the first entry of ``table`` that ``message`` fits, or None."""
    for pattern, ru in table:
        found = pattern.fullmatch(message)
        if found:
            return ru.format(**{k: _part(k, v) for k, v in found.groupdict().items()})
    return None


def _part(name: str, value: str | None) -> str:
    """One quoted value of a message; a few are a clause of their own ("(here: column 3)")."""
    if not value:
        return ""
    if name in _PARTS:
        return _PARTS[name].format(value.replace(" or ", " или "))
    return _hint(value)


_VALUE_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"expected a list; write \[\] when there is nothing yet"),
     "ожидается список; напишите [], если пока пусто"),
    (re.compile(r"expected a list; write (?P<fix>.+)"), "ожидается список; напишите {fix}"),
    (re.compile(r"expected a list"), "ожидается список"),
    (re.compile(r"expected keys with values \(a mapping\), not (?P<got>.+)"),
     "ожидаются пары «ключ: значение», а не {got}"),
    (re.compile(r"(?P<got>.+) is not allowed; expected one of (?P<choices>.+?)(?P<hint> \(did you mean .*)?"),
     "{got} не допускается; ожидается одно из: {choices}{hint}"),
    (re.compile(r"(?P<got>.+) is not allowed; expected (?P<a>.+?) or (?P<b>.+?)(?P<hint> \(did you mean .*)?"),
     "{got} не допускается; ожидается {a} или {b}{hint}"),
    (re.compile(r"(?P<got>.+) is not allowed; expected (?P<a>.+?)(?P<hint> \(did you mean .*)?"),
     "{got} не допускается; ожидается {a}{hint}"),
    (re.compile(r"there is no date (?P<got>\S+); expected a date like (?P<example>\S+)"),
     "даты {got} не существует; ожидается дата вида {example}"),
    (re.compile(r"expected a date like (?P<example>\S+)"), "ожидается дата вида {example}"),
    (re.compile(r"should be a valid string"), "ожидается строка"),
    (re.compile(r"should be a valid integer(?:, .*)?"), "ожидается целое число"),
    (re.compile(r"should be a valid number(?:, .*)?"), "ожидается число"),
    (re.compile(r"should be a valid boolean(?:, .*)?"), "ожидается true или false"),
    (re.compile(r"should be a valid list"), "ожидается список"),
    (re.compile(r"should be a valid dictionary(?: or instance of .*)?"), "ожидаются пары «ключ: значение»"),
]

_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"invalid YAML: unreadable character (?P<char>.+)"), "некорректный YAML: нечитаемый символ {char}"),
    (re.compile(r"invalid YAML: nesting too deep"), "некорректный YAML: слишком глубокая вложенность"),
    (re.compile(r"invalid YAML: (?P<rest>.+)"), "некорректный YAML: {rest}"),
    (re.compile(r"tab characters are not allowed for indentation in YAML; use spaces"),
     "в YAML нельзя делать отступы табуляцией; используйте пробелы"),
    (re.compile(r"nesting deeper than (?P<n>\d+) levels"), "вложенность глубже {n} уровней"),
    (re.compile(r"recursive YAML alias \(a value contains itself\)"),
     "рекурсивная ссылка YAML (значение содержит само себя)"),
    (re.compile(r"unsupported YAML tag (?P<tag>.+?); only plain values are allowed"),
     "неподдерживаемый тег YAML {tag}: допустимы только простые значения"),
    (re.compile(r"unsupported YAML tag (?P<tag>.+)"), "неподдерживаемый тег YAML {tag}"),
    (re.compile(r"duplicate key '(?P<key>[^']*)' \(first defined on line (?P<line>\d+)\)"),
     "ключ '{key}' повторяется (впервые задан в строке {line})"),
    (re.compile(r"(?P<value>.+) is not a valid (?P<type>\w+)"), "{value}: недопустимое значение типа {type}"),
    (re.compile(r"a value containing ': ' must be quoted: (?P<fix>.+)"),
     "значение с ': ' нужно взять в кавычки: {fix}"),
    (re.compile(r"bad indentation: '(?P<key>[^']*)' is indented under '(?P<parent>[^']*)', which already has a "
                r"value; keys of one mapping start in the same column(?: \(here: column (?P<col>[^)]*)\))?"),
     "неверный отступ: ключ '{key}' сдвинут под '{parent}', у которого уже есть значение; ключи одного "
     "уровня начинаются в одном столбце{col}"),
    (re.compile(r"bad indentation: '(?P<key>[^']*)' is indented too deep; keys of one mapping start in the same "
                r"column(?: \(here: column (?P<col>[^)]*)\))?"),
     "неверный отступ: ключ '{key}' сдвинут слишком глубоко; ключи одного уровня начинаются в одном столбце{col}"),
    (re.compile(r"bad indentation: the list item '(?P<item>.*)' is at column (?P<n>\d+)(?:, but the items above "
                r"it are at column (?P<above>\d+))?; items of one list start in the same column"),
     "неверный отступ: элемент списка '{item}' стоит в столбце {n}{above}; элементы одного списка "
     "начинаются в одном столбце"),
    (re.compile(r"bad indentation: '(?P<key>[^']*)' is at column (?P<n>\d+)(?:, but the keys around it are at "
                r"column (?P<around>[^;]+))?; keys of one mapping start in the same column"),
     "неверный отступ: ключ '{key}' стоит в столбце {n}{around}; ключи одного уровня начинаются в одном столбце"),
    (re.compile(r"the spec is larger than (?P<n>\d+) MB"), "спецификация больше {n} МБ"),
    (re.compile(r"the spec is empty: start with `kind:` \((?P<kinds>.+)\)"),
     "спецификация пуста: начните с `kind:` ({kinds})"),
    (re.compile(r"a spec must be a mapping of keys to values"),
     "спецификация должна состоять из пар «ключ: значение»"),
    (re.compile(r"missing required key 'kind' \(one of: (?P<kinds>.+)\)"),
     "нет обязательного ключа 'kind' (одно из: {kinds})"),
    (re.compile(r"unknown kind (?P<kind>.+?): expected one of (?P<kinds>.+?)(?P<hint> \(did you mean .*)?"),
     "неизвестный вид {kind}: ожидается одно из: {kinds}{hint}"),
    (re.compile(r"missing required key '(?P<key>[^']*)' in (?P<where>.+)"),
     "нет обязательного ключа '{key}' в {where}"),
    (re.compile(r"missing required key '(?P<key>[^']*)'"), "нет обязательного ключа '{key}'"),
    (re.compile(r"unknown key '(?P<key>[^']*)' in (?P<where>[^;(]+?)(?P<hint>(?:;| \().*)?"),
     "неизвестный ключ '{key}' в {where}{hint}"),
    (re.compile(r"unknown key '(?P<key>[^']*)'(?P<hint>(?:;| \().*)?"), "неизвестный ключ '{key}'{hint}"),
]
# The extra parts a few entries add to a sentence of their own.
_PARTS = {
    "col": " (здесь: столбец {})",
    "above": ", а элементы выше стоят в столбце {}",
    "around": ", а ключи рядом стоят в столбце {}",
}
# A value's path before its message: "owners[0]: expected a list", "why.metrics: …".
_VALUE_RE = re.compile(r"(?P<path>[\w.\[\]-]+): (?P<msg>.+)")


def in_language(message: str, lang: str) -> str:
    """``message`` in ``lang`` (``ru``), or as it is."""
    if lang != "ru":
        return message
    translated = _translate(_MESSAGES, message)
    if translated is not None:
        return translated
    found = _VALUE_RE.fullmatch(message)
    if found:
        msg = found.group("msg")
        return f"{found.group('path')}: {_translate(_VALUE_MESSAGES, msg) or msg}"
    return message
