"""The Italian translation: complete, consistent with the code, and really used when QGIS runs in Italian.

The .ts is produced by ``make translations`` (pylupdate5, then scripts/i18n_fill.py with the dictionary
resources/i18n/prato_smartcity_it.json, then lrelease). pylupdate5 and lrelease come from Debian's pyqt5-dev-tools
and qttools5-dev-tools."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from tests.conftest import ARTIFACTS

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "prato_smartcity_it.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _fill_module():
    spec = importlib.util.spec_from_file_location("i18n_fill", ROOT / "scripts" / "i18n_fill.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path):
    """(context, source, translation element) of every message of a .ts."""
    for context in ET.parse(path).getroot().findall("context"):
        for message in context.findall("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.fixture()
def italian():
    """The plugin's Italian .qm installed as QGIS would (through the locale override), removed afterwards."""
    from prato_smartcity_plugin.adapters import i18n

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "it")
    try:
        assert i18n.qgis_locale() == "it"
        assert i18n.install(), "resources/i18n/prato_smartcity_it.qm is missing or unreadable: run make translations"
        yield
    finally:
        i18n.uninstall()
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


# --- the committed .ts ---------------------------------------------------------------------------------------


def test_every_message_has_a_finished_translation():
    unfinished = [(context, source) for context, source, translation in _messages(TS)
                  if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished")
                  or not (translation.text or "").strip()]
    assert not unfinished, f"{len(unfinished)} messages are not translated: {unfinished[:10]}"


def test_translations_keep_placeholders_markup_accelerators_and_ellipses():
    wrong = []
    for context, source, translation in _messages(TS):
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(("placeholders", context, source, text))
        if sorted(re.findall(r"</?[a-zA-Z]+", source)) != sorted(re.findall(r"</?[a-zA-Z]+", text)):
            wrong.append(("HTML tags", context, source, text))
        if source.count("&") != text.count("&"):
            wrong.append(("accelerator", context, source, text))
        if source.endswith("…") != text.endswith("…"):
            wrong.append(("ellipsis", context, source, text))
    assert not wrong, wrong[:10]


def test_a_broken_translation_is_caught(tmp_path):
    """The checks above can fail: the fill script leaves unknown texts unfinished and says so."""
    ts = tmp_path / "it.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1"><context><name>@default</name>'
                  "<message><source>Surely not in the dictionary {n}</source><translation type=\"unfinished\"/>"
                  "</message><message><source>Road works</source><translation type=\"unfinished\"/></message>"
                  "</context></TS>", encoding="utf-8")
    assert _fill_module().main(["--ts", str(ts)]) == 1
    messages = {source: (context, translation) for context, source, translation in _messages(ts)}
    assert messages["Road works"][0] == "PratoSmartCity"  # @default (module-level tr helpers) filed under the context
    assert messages["Road works"][1].text == "Lavori stradali" and messages["Road works"][1].get("type") is None
    assert messages["Surely not in the dictionary {n}"][1].get("type") == "unfinished"


# --- the .qm at run time -------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="lrelease (qttools5-dev-tools) is not installed")
def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(tmp_path / "it.qm")], check=True, capture_output=True)
    assert QM.read_bytes() == (tmp_path / "it.qm").read_bytes(), "the .qm is stale: run make translations"


def test_italian_locale_translates_the_core_the_dock_and_the_algorithms(italian):
    from prato_smartcity_plugin.core.catalogue.ckan import Dataset
    from prato_smartcity_plugin.core.errors import DataFormatError
    from prato_smartcity_plugin.core.interventions import schema
    from prato_smartcity_plugin.processing_provider.cycling_algorithms import CycleBeforeAfterAlgorithm

    # a schema label, through the core's hook
    assert schema.label("category", "road_works") == "Lavori stradali"
    # a validation message of the core
    problems = schema.validate(schema.new_record(title="Scavo", budget_eur=-5)).problems
    assert "L'importo non può essere negativo." in [p.message for p in problems]
    # an error raised by a module-level tr() helper of the core (pylupdate5 files those under @default)
    with pytest.raises(DataFormatError) as caught:
        Dataset.from_ckan("not a dataset")
    assert caught.value.message == "Il portale ha inviato un dataset in una forma inattesa."
    # an algorithm's group, written by self.tr in a shared base class (another context than the algorithm's own)
    algorithm = CycleBeforeAfterAlgorithm()
    assert algorithm.group() == "Rete ciclabile"
    assert algorithm.displayName() == "Rete ciclabile prima / dopo i collegamenti previsti"
    # a string of a QObject's own context
    assert QCoreApplication.translate("PratoDock", "No capability installed.") == "Nessuna funzionalità installata."


def test_english_stays_english_without_the_italian_translator():
    from prato_smartcity_plugin.core.interventions import schema

    assert schema.label("category", "road_works") == "Road works"
    assert QCoreApplication.translate("PratoSmartCity", "Cycling") == "Cycling"


def test_the_dock_tabs_are_in_italian_when_qgis_runs_in_italian(italian, qgis_iface):
    from prato_smartcity_plugin.gui.dock import PratoDock

    dock = PratoDock(qgis_iface)
    try:
        dock.resize(520, 760)
        dock.show()
        dock.tabs.setCurrentIndex(0)
        QCoreApplication.processEvents()
        ARTIFACTS.mkdir(exist_ok=True)
        assert dock.grab().save(str(ARTIFACTS / "dock_it.png"))  # for a look at the Italian layout
        titles = [dock.tabs.tabText(i) for i in range(dock.tabs.count())]
        for italian_title in ("Ciclabilità", "Interventi", "Esportazione", "Dati aperti", "Sincronizzazione",
                              "Interferenze tra cantieri"):
            assert italian_title in titles
        assert not {"Cycling", "Interventions", "Export", "Open data", "Sync"} & set(titles)
    finally:
        dock.deleteLater()
