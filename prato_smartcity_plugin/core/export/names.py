"""Shapefile (dBASE) field names: at most 10 ASCII characters, unique without regard to case.

The same fields always get the same names: a field keeps its schema ``short_name`` when it has one, otherwise a
readable name is derived (accents folded; short connecting words dropped, the longest words shortened to 4 then 3
letters, then underscores and vowels dropped), and collisions are resolved with numbered suffixes (``descr``,
``descr_2``...). A user's override wins once validated.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping, Sequence

from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate

MAX_LENGTH = 10
_VALID = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,9}$")
_VOWELS = set("aeiou")

#: Names that GIS and CAD tools reserve or mistake for their own columns (compared without regard to case).
RESERVED = frozenset({
    "fid", "oid", "objectid", "shape", "shape_leng", "shape_area", "geometry", "geom", "the_geom", "ogc_fid",
    "select", "from", "where", "order", "group", "by", "and", "or", "not", "null", "is", "in", "like", "between",
    "table", "date", "time", "user", "values", "insert", "update", "delete", "create", "drop", "add", "all",
})


def ascii_fold(text: str) -> str:
    """``"Attività_Città"`` -> ``"Attivita_Citta"``: accents removed, anything else non-ASCII dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if ord(c) < 128 and not unicodedata.combining(c))


def _clean(name: str) -> str:
    text = ascii_fold(name).lower()
    text = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    if not text:
        return "field"
    if not text[0].isalpha():
        text = "f" + text
    return text


def derive(name: str, length: int = MAX_LENGTH) -> str:
    """A readable base name of at most ``length`` characters (collisions are resolved by :func:`assign`)."""
    text = _clean(name)
    if len(text) <= length:
        return text
    words = [w for w in text.split("_") if w]
    joined = lambda: "_".join(words)  # noqa: E731
    # 1. Short connecting words ("di", "of") go first, 2. then the longest word is shortened to 4 letters, then 3.
    if len(words) > 1 and any(len(w) > 2 for w in words):
        words = [w for w in words if len(w) > 2 or w.isdigit()]
    for floor in (4, 3):
        while len(joined()) > length:
            longest = max(range(len(words)), key=lambda k: (len(words[k]), k))
            if len(words[longest]) <= floor:
                break
            words[longest] = words[longest][:-1]
    # 4. Then the underscores go, 5. then vowels (never a word's first letter), 6. then plain truncation.
    if len(joined()) > length:
        words = ["".join(words)]
    while len(words[0]) > length and any(c in _VOWELS for c in words[0][1:]):
        word = words[0]
        pos = max(p for p in range(1, len(word)) if word[p] in _VOWELS)
        words[0] = word[:pos] + word[pos + 1:]
    text = joined()
    return text[:length]


def with_suffix(base: str, number: int, length: int = MAX_LENGTH) -> str:
    """``descr`` and 2 -> ``descr_2``; the base is shortened so that the suffix always fits."""
    suffix = f"_{number}"
    return base[: length - len(suffix)].rstrip("_") + suffix


def validate(name: str) -> str:
    """The reason ``name`` is not a usable shapefile field name (translated), or ``""`` when it is."""
    tr = lambda text: translate("PratoSmartCity", text)  # noqa: E731
    if not name:
        return tr("A field name cannot be empty.")
    if len(name) > MAX_LENGTH:
        return tr("{name} is longer than {n} characters.").format(name=name, n=MAX_LENGTH)
    if not _VALID.match(name):
        return tr("{name} must start with a letter and hold only the letters A-Z, digits and underscores.").format(
            name=name)
    if name.lower() in RESERVED:
        return tr("{name} is a reserved name in GIS and CAD tools.").format(name=name)
    return ""


def assign(fields: Sequence[tuple[str, str]], overrides: Mapping[str, str] | None = None,
           taken: Iterable[str] = ()) -> dict[str, str]:
    """Short names for ``fields`` (``(name, preferred short name or "")`` in order): deterministic, unique.

    Overrides (original name -> short name) are validated first and win; an invalid or duplicate override raises
    :class:`InputError` naming every problem. ``taken`` are names already used (compared without regard to case).
    """
    overrides = {k: v.strip() for k, v in (overrides or {}).items() if v and v.strip()}
    used = {t.lower() for t in taken}
    problems = []
    result: dict[str, str] = {}
    names = [name for name, _ in fields]
    defaults = {(preferred if preferred and not validate(preferred) else derive(name)).lower(): name
                for name, preferred in fields if name not in overrides}
    for name in names:
        if name not in overrides:
            continue
        short = overrides[name]
        reason = validate(short)
        if not reason and short.lower() in used:
            reason = translate("PratoSmartCity", "{name} is used twice.").format(name=short)
        if not reason and short.lower() in defaults:
            reason = translate("PratoSmartCity", "{name} is already the name of {other}.").format(
                name=short, other=defaults[short.lower()])
        if reason:
            problems.append(f"{name}: {reason}")
            continue
        used.add(short.lower())
        result[name] = short
    unknown = sorted(set(overrides) - set(names))
    if problems:
        raise InputError(translate("PratoSmartCity", "Some field names cannot be used in a shapefile: {problems}")
                         .format(problems="; ".join(problems)), details="\n".join(problems))
    for name, preferred in fields:
        if name in result:
            continue
        base = preferred if preferred and not validate(preferred) else derive(name)
        if base.lower() in RESERVED:
            base = with_suffix(base, 1) if len(base) >= MAX_LENGTH - 1 else base + "_1"
        short, number = base, 1
        while short.lower() in used:
            number += 1
            short = with_suffix(base, number)
        used.add(short.lower())
        result[name] = short
    del unknown  # overrides for fields absent from this layer are simply not needed here
    return result


def continuation_names(short: str, count: int, taken: Iterable[str]) -> list[str]:
    """Names of ``count`` continuation fields after ``short`` (``descr_2``, ``descr_3``...), avoiding ``taken``."""
    used = {t.lower() for t in taken}
    names: list[str] = []
    number = 1
    while len(names) < count:
        number += 1
        candidate = with_suffix(short, number)
        if candidate.lower() in used:
            continue
        used.add(candidate.lower())
        names.append(candidate)
    return names
