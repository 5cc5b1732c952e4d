"""File-name slugs from titles, with Russian transliterated (no extra dependency)."""

from __future__ import annotations

import re
import unicodedata

# A readable Latin spelling (close to the passport/ICAO scheme), lower case only:
# slugs are lower-cased before the table is applied.
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Ukrainian and Belarusian letters people paste into titles.
    "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u",
}  # fmt: skip
_TABLE = str.maketrans(_RU)

# Names Windows refuses as files whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def transliterate(text: str) -> str:
    """Lower-case ``text`` and spell Cyrillic letters in Latin."""
    return text.lower().translate(_TABLE)


def slugify(title: str, max_length: int = 80, default: str = "design-doc") -> str:
    """A safe file-name stem: ``[a-z0-9-]`` only, no dots or slashes, never empty.

    >>> slugify("Динамическое ценообразование: такси")
    'dinamicheskoe-tsenoobrazovanie-taksi'
    """
    text = transliterate(title)
    # Strip accents (é -> e) and drop whatever has no ASCII spelling.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        # Cut at a word boundary when one is reasonably close.
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
        slug = slug.strip("-")
    if not slug:
        return default
    if slug in _RESERVED:
        slug += "-doc"
    return slug
