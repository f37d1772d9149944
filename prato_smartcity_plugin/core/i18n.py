"""Translation hook for the core.

The core cannot import Qt, but its user-facing strings must be translated. They are written as
``translate("PratoSmartCity", "text")`` (the form ``pylupdate5`` extracts); the identity translator is used until the
plugin installs ``QCoreApplication.translate`` through :func:`install_translator`.
"""

from __future__ import annotations

from typing import Callable

CONTEXT = "PratoSmartCity"

_translator: Callable[[str, str], str] = lambda context, text: text


def install_translator(translator: Callable[[str, str], str] | None) -> None:
    """Route core strings through ``translator(context, text)``; ``None`` restores the identity."""
    global _translator
    _translator = translator if translator is not None else (lambda context, text: text)


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name recognised by pylupdate5)
    """Mark a string for extraction without translating it now (for tables built at import time)."""
    return text
