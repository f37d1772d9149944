"""The dock's Wi-Fi section: load access points, measure coverage, and plan new access points.

Every action runs the matching ``pratosmartcity:wifi_*`` Processing algorithm in a ``QgsProcessingAlgRunnerTask``
(in the background, with progress and cancel) -- on the main thread with a wait cursor where shapely is 1.x, whose
single GEOS context is not thread-safe; the results come back as styled layers and a readable summary.
"""

from __future__ import annotations

import html

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsWkbTypes,
)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters.wifi_layers import apply_style
from prato_smartcity_plugin.core.errors import InputError, Level, PratoError
from prato_smartcity_plugin.gui.messages import push, reporting_errors, show_error
from prato_smartcity_plugin.processing_provider.base import no_threading_flag
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID

# QGIS 3.34 moved these enums to Qgis.LayerFilter / Qgis.FieldFilter; 3.22 has only the old homes.
_LAYER_FILTER = getattr(Qgis, "LayerFilter", QgsMapLayerProxyModel)
_FIELD_FILTER = getattr(Qgis, "FieldFilter", QgsFieldProxyModel)

#: Output -> style applied when the panel adds the layer.
_STYLES = {"OUTPUT": "wifi_canonical_access_points", "COVERAGE": "wifi_coverage", "GAPS": "wifi_gaps",
           "STATISTICS": "wifi_area_statistics", "SITES": "wifi_new_sites"}


def _layer_combo(parent, filters, allow_empty: bool, name: str) -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox(parent)
    combo.setObjectName(name)
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(allow_empty)
    if allow_empty:
        combo.setLayer(None)
    return combo


def _spin(parent, name, value, maximum, suffix="", decimals=None):
    spin = QSpinBox(parent) if decimals is None else QDoubleSpinBox(parent)
    if decimals is not None:
        spin.setDecimals(decimals)
    spin.setObjectName(name)
    spin.setRange(0 if decimals is not None else 1, maximum)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class WifiPanel(QWidget):
    #: Emitted with the algorithm's results once its layers are in the project.
    finished = pyqtSignal(str, dict)
    #: Emitted with the algorithm's name when it failed or was cancelled (the message bar says why).
    failed = pyqtSignal(str)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.last_results: dict | None = None
        self.added_layers: list = []
        layout = QVBoxLayout(self)

        points_and_polygons = _LAYER_FILTER.PointLayer | _LAYER_FILTER.PolygonLayer
        box = QGroupBox(self.tr("Access points"), self)
        form = QFormLayout(box)
        self.access_points = _layer_combo(box, points_and_polygons, False, "wifiAccessPoints")
        self.access_points.setToolTip(self.tr("A point layer of access points, or the Comune's Wi-Fi coverage areas "
                                              "(their centroids stand in for the access points)."))
        form.addRow(self.tr("Layer"), self.access_points)
        self.load_button = QPushButton(self.tr("Load as access points"), box)
        self.load_button.setObjectName("wifiLoad")
        self.load_button.setToolTip(self.tr("Copy the layer onto the access-point schema, with checks (outside the "
                                            "comune, duplicates, missing radius) and the Wi-Fi style."))
        self.load_button.clicked.connect(lambda: self._guarded(self.load_access_points))
        form.addRow(self.load_button)
        self.comune = _layer_combo(box, _LAYER_FILTER.PolygonLayer, True, "wifiComune")
        self.comune.setToolTip(self.tr("Access points outside it are flagged; empty: the demo's boundary of Prato."))
        form.addRow(self.tr("Comune boundary"), self.comune)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Coverage"), self)
        form = QFormLayout(box)
        self.areas = _layer_combo(box, _LAYER_FILTER.PolygonLayer, True, "wifiAreas")
        self.areas.setToolTip(self.tr("Districts, squares or a drawn polygon; empty: the comune."))
        form.addRow(self.tr("Areas of interest"), self.areas)
        self.demand = _layer_combo(box, _LAYER_FILTER.PointLayer, True, "wifiDemand")
        self.demand.setToolTip(self.tr("Bus stops, schools, population points... Empty: the area is covered evenly."))
        form.addRow(self.tr("Demand points"), self.demand)
        self.weight = QgsFieldComboBox(box)
        self.weight.setObjectName("wifiWeight")
        self.weight.setFilters(_FIELD_FILTER.Numeric)
        self.weight.setAllowEmptyFieldName(True)
        self.demand.layerChanged.connect(self.weight.setLayer)
        form.addRow(self.tr("Weight field"), self.weight)
        self.coverage_button = QPushButton(self.tr("Compute coverage and gaps"), box)
        self.coverage_button.setObjectName("wifiCoverage")
        self.coverage_button.clicked.connect(lambda: self._guarded(self.run_coverage))
        form.addRow(self.coverage_button)
        layout.addWidget(box)

        box = QGroupBox(self.tr("Plan new access points"), self)
        form = QFormLayout(box)
        self.n_sites = _spin(box, "wifiSites", 14, 500)
        form.addRow(self.tr("New access points"), self.n_sites)
        self.radius = _spin(box, "wifiRadius", 100, 1000, " m", 0)
        form.addRow(self.tr("Radius of a new access point"), self.radius)
        self.spacing = _spin(box, "wifiSpacing", 150, 5000, " m", 0)
        form.addRow(self.tr("Minimum spacing"), self.spacing)
        self.candidate_source = QComboBox(box)
        self.candidate_source.setObjectName("wifiCandidateSource")
        self.candidate_source.addItem(self.tr("Grid over the area of interest"), "grid")
        self.candidate_source.addItem(self.tr("Candidate sites layer"), "layer")
        form.addRow(self.tr("Candidate sites"), self.candidate_source)
        self.grid_spacing = _spin(box, "wifiGridSpacing", 50, 5000, " m", 0)
        form.addRow(self.tr("Grid spacing"), self.grid_spacing)
        self.candidates = _layer_combo(box, _LAYER_FILTER.PointLayer, True, "wifiCandidates")
        form.addRow(self.tr("Candidate layer"), self.candidates)
        self.exclusions = _layer_combo(box, _LAYER_FILTER.PolygonLayer, True, "wifiExclusions")
        form.addRow(self.tr("Exclusion areas"), self.exclusions)
        self.candidate_source.currentIndexChanged.connect(self._candidate_source_changed)
        self._candidate_source_changed()
        self.plan_button = QPushButton(self.tr("Plan new access points"), box)
        self.plan_button.setObjectName("wifiPlan")
        self.plan_button.clicked.connect(lambda: self._guarded(self.run_site_selection))
        form.addRow(self.plan_button)
        layout.addWidget(box)

        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("wifiProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        row.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("wifiCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self._preselect()
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("wifiSummary")
        self.summary.setOpenLinks(False)
        layout.addWidget(self.summary, 1)

    def _preselect(self) -> None:
        """Point the combos at the likely layers of the project (the demo's names among them)."""
        _prefer(self.access_points, ("access", "accesso", "wifi", "wi-fi", "hotspot"), QgsWkbTypes.PointGeometry)
        _prefer(self.comune, ("comune", "boundary", "confine"), QgsWkbTypes.PolygonGeometry)

    def _guarded(self, action) -> None:
        with reporting_errors(self.iface.messageBar(), self.iface):
            action()

    def _candidate_source_changed(self) -> None:
        grid = self.candidate_source.currentData() == "grid"
        self.grid_spacing.setEnabled(grid)
        self.candidates.setEnabled(not grid)

    # --- actions -------------------------------------------------------------------------------------------------

    def _common(self) -> dict:
        layer = self.access_points.currentLayer()
        if layer is None:
            raise InputError(self.tr("Choose a layer of access points first."))
        params = {"ACCESS_POINTS": layer}
        if self.comune.currentLayer() is not None:
            params["COMUNE"] = self.comune.currentLayer()
        return params

    def load_access_points(self) -> None:
        params = self._common()
        params = {"INPUT": params.pop("ACCESS_POINTS"), **params, "OUTPUT": "TEMPORARY_OUTPUT"}
        self._start("wifi_load_access_points", params, {"OUTPUT": self.tr("Wi-Fi access points")})

    def run_coverage(self) -> None:
        params = self._common()
        params.update(AREAS=self.areas.currentLayer(), DEMAND=self.demand.currentLayer(),
                      DEMAND_WEIGHT=self.weight.currentField() or None, COVERAGE="TEMPORARY_OUTPUT",
                      GAPS="TEMPORARY_OUTPUT", STATISTICS="TEMPORARY_OUTPUT")
        self._start("wifi_coverage", params, {"COVERAGE": self.tr("Wi-Fi coverage"), "GAPS": self.tr("Wi-Fi gaps"),
                                              "STATISTICS": self.tr("Wi-Fi coverage by area")})

    def run_site_selection(self) -> None:
        params = self._common()
        use_layer = self.candidate_source.currentData() == "layer"
        if use_layer and self.candidates.currentLayer() is None:
            raise InputError(self.tr("Choose the candidate sites layer, or use a grid over the area."))
        params.update(
            DEMAND=self.demand.currentLayer(), DEMAND_WEIGHT=self.weight.currentField() or None,
            AREA=self.areas.currentLayer(), CANDIDATES=self.candidates.currentLayer() if use_layer else None,
            GRID_SPACING=self.grid_spacing.value(), N_SITES=self.n_sites.value(), NEW_RADIUS=self.radius.value(),
            MIN_SPACING=self.spacing.value(), EXCLUSIONS=self.exclusions.currentLayer(),
            SITES="TEMPORARY_OUTPUT", COVERAGE="TEMPORARY_OUTPUT")
        self._start("wifi_site_selection", params, {"SITES": self.tr("New Wi-Fi sites"),
                                                    "COVERAGE": self.tr("Wi-Fi coverage before and after")})

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # --- running -------------------------------------------------------------------------------------------------

    def _start(self, name: str, params: dict, outputs: dict) -> None:
        if self.task is not None:
            push(self.iface.messageBar(), self.tr("A Wi-Fi analysis is already running."), Level.INFO)
            return
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:{name}")
        if algorithm is None:
            raise PratoError(self.tr("The Prato Smart City Processing provider is not loaded."))
        params = {k: v for k, v in params.items() if v is not None}
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = _PanelFeedback()
        self.feedback.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        if algorithm.flags() & no_threading_flag():
            # shapely 1.x: the analysis must stay on the main thread (see base.shapely_is_thread_safe).
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                results, ok = algorithm.run(params, self.context, self.feedback)
            finally:
                QApplication.restoreOverrideCursor()
            self._done(name, ok, results, outputs)
            return
        self.task = QgsProcessingAlgRunnerTask(algorithm, params, self.context, self.feedback)
        self.task.executed.connect(lambda ok, results: self._done(name, ok, results, outputs))
        for button in (self.load_button, self.coverage_button, self.plan_button):
            button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        QgsApplication.taskManager().addTask(self.task)

    def _done(self, name: str, ok: bool, results: dict, outputs: dict) -> None:
        self.task = None
        for button in (self.load_button, self.coverage_button, self.plan_button):
            button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if not ok:
            if self.feedback.isCanceled():
                push(self.iface.messageBar(), self.tr("Wi-Fi analysis cancelled."), Level.INFO)
            else:
                # QgsProcessingAlgorithm.run reports the exception as a non-fatal error: the last one says why.
                reason = self.feedback.error or (self.feedback.warnings[-1] if self.feedback.warnings else "")
                show_error(self.iface.messageBar(), InputError(
                    reason or self.tr("The Wi-Fi analysis failed."),
                    details="\n".join(self.feedback.log)), self.iface)
            self.failed.emit(name)
            return
        self.added_layers = []
        for key, title in outputs.items():
            layer = self.context.takeResultLayer(results.get(key, ""))
            if layer is None:
                continue
            layer.setName(title)
            apply_style(layer, _STYLES[key])
            QgsProject.instance().addMapLayer(layer)
            self.added_layers.append(layer)
        self.last_results = results
        self.summary.setHtml(self._summary_html(name, results))
        if self.feedback.warnings:
            push(self.iface.messageBar(), self.feedback.warnings[0] + (
                self.tr(" (and {n} more notes)").format(n=len(self.feedback.warnings) - 1)
                if len(self.feedback.warnings) > 1 else ""), Level.WARNING, "\n".join(self.feedback.warnings),
                 iface=self.iface)
        self.finished.emit(name, results)

    def _summary_html(self, name: str, results: dict) -> str:
        if name == "wifi_site_selection":
            sites = next((lyr for lyr in self.added_layers if lyr.fields().indexOf("rank") >= 0), None)
            parts = [self.tr("<p><b>Coverage of the demand: {before:.1%} → {after:.1%}</b></p>").format(
                before=results["SHARE_BEFORE"], after=results["SHARE_AFTER"])]
            lines = results["SUMMARY"].splitlines()
            if len(lines) > 1:
                parts.append(f"<p>{html.escape(lines[1])}</p>")
            if sites is not None:
                rows = sorted(sites.getFeatures(), key=lambda f: f["rank"])
                parts.append("<table cellspacing='4'><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th></tr>".format(
                    self.tr("Added demand"), self.tr("Coverage"), self.tr("Nearest access point")))
                for f in rows:
                    nearest = f"{html.escape(str(f['nearest_ap']))} ({f['nearest_m']:.0f} m)" if f["nearest_ap"] \
                        else "–"
                    parts.append(f"<tr><td>{f['rank']}</td><td>{f['gain_weight']:g}</td>"
                                 f"<td>{f['cum_pct']:.1f} %</td><td>{nearest}</td></tr>")
                parts.append("</table>")
            return "".join(parts) + self._notes_html()
        lines = [html.escape(line) for line in str(results.get("SUMMARY", "")).splitlines()]
        if name == "wifi_load_access_points":
            lines = [self.tr("{n} access points loaded, {k} flagged.").format(n=results.get("COUNT"),
                                                                              k=results.get("FLAGGED"))]
        return "<p>" + "<br>".join(lines) + "</p>" + self._notes_html()

    def _notes_html(self) -> str:
        if not self.feedback.notes:
            return ""
        return "<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in self.feedback.notes) + "</ul>"


def _prefer(combo: QgsMapLayerComboBox, words, geometry_type) -> None:
    """Select the first layer of ``combo`` whose name has one of ``words``, preferring ``geometry_type``."""
    layers = [combo.layer(i) for i in range(combo.count()) if combo.layer(i) is not None]
    named = [lyr for lyr in layers if any(w in lyr.name().lower() for w in words)]
    typed = [lyr for lyr in named if getattr(lyr, "geometryType", lambda: None)() == geometry_type]
    if typed or named:
        combo.setLayer((typed or named)[0])


class _PanelFeedback(QgsProcessingFeedback):
    """Keeps the algorithm's notes for the summary and its error for the message bar."""

    def __init__(self):
        super().__init__()
        self.notes: list[str] = []
        self.warnings: list[str] = []
        self.log: list[str] = []
        self.error = ""

    def pushInfo(self, info):  # noqa: N802
        self.log.append(info)
        if "\n" not in info:  # multi-line infos are the summary itself
            self.notes.append(info)
        super().pushInfo(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.log.append(error)
        if fatalError:
            self.error = error
        else:
            self.warnings.append(error)
            self.notes.append(error)
        super().reportError(error, fatalError)
