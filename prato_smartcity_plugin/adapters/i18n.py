"""Loads the plugin's translation for QGIS's locale and routes the core's strings through Qt."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core import i18n as core_i18n

_translator: QTranslator | None = None
#: Translators of one language whatever the UI's (e.g. Italian labels in a contractor package), kept alive here.
_language_translators: dict[str, QTranslator] = {}


def qgis_locale() -> str:
    """The two-letter language QGIS runs in (the user's override, else the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "", type=str)
    else:
        name = QLocale.system().name()
    return (name or "en")[:2]


def install(locale: str | None = None) -> bool:
    """Install the ``.qm`` for ``locale`` (default: QGIS's); returns whether one was found."""
    global _translator
    uninstall()
    core_i18n.install_translator(QCoreApplication.translate)
    qm = resource("i18n", f"prato_smartcity_{locale or qgis_locale()}.qm")
    if not qm.is_file():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def uninstall() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    core_i18n.install_translator(None)


def install_language(language: str, qm_path: str | None = None) -> bool:
    """Make ``core.i18n.translate_to(language, ...)`` use the plugin's ``.qm`` for ``language`` (without changing
    the UI's language); returns whether one was found. ``qm_path`` overrides the file (tests)."""
    qm = qm_path or str(resource("i18n", f"prato_smartcity_{language}.qm"))
    translator = QTranslator()
    if not translator.load(qm):
        return False
    _language_translators[language] = translator
    core_i18n.install_language_translator(language, lambda context, text: translator.translate(context, text) or text)
    return True
