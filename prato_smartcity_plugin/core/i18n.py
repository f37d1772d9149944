"""Translation hook for the core.

The core cannot import Qt, but its user-facing strings must be translated. They are written as
``translate("PratoSmartCity", "text")`` (the form ``pylupdate5`` extracts); the identity translator is used until the
plugin installs ``QCoreApplication.translate`` through :func:`install_translator`.
"""

from __future__ import annotations

from typing import Callable

CONTEXT = "PratoSmartCity"

def _identity(context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _identity


def install_translator(translator: Callable[[str, str], str] | None) -> None:
    """Route core strings through ``translator(context, text)``; ``None`` restores the identity."""
    global _translator
    _translator = translator if translator is not None else _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)


#: Translators for one given language whatever the UI's (e.g. the Italian labels of a contractor package).
_language_translators: dict[str, Callable[[str, str], str]] = {}


def install_language_translator(language: str, translator: Callable[[str, str], str] | None) -> None:
    """Route :func:`translate_to` for ``language`` through ``translator``; ``None`` removes it."""
    if translator is None:
        _language_translators.pop(language, None)
    else:
        _language_translators[language] = translator


def translate_to(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` when a translator for it is installed, else as written (English)."""
    translator = _language_translators.get(language)
    return translator(context, text) if translator is not None else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name recognised by pylupdate5)
    """Mark a string for extraction without translating it now (for tables built at import time)."""
    return text
