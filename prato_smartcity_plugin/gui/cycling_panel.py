"""The dock's cycle network section: load the cycle paths, kilometres by kind and by area (a copyable table), the
best missing links on the map, and the before/after effect of drawn links. It runs the ``pratosmartcity:cycle_*``
Processing algorithms, so the dock and Processing give the same figures; the table is the algorithm's CSV report."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QGuiApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters.cycling import WORK_CRS, apply_style, load_cycle_paths
from prato_smartcity_plugin.core.cycling.report import Table, explanation, from_csv, to_tsv
from prato_smartcity_plugin.core.errors import Level
from prato_smartcity_plugin.gui.messages import push, reporting_errors
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID


def _layer_filter(name: str):
    """A layer filter of QgsMapLayerComboBox, on QGIS 3.22 (QgsMapLayerProxyModel) and 3.34+ (Qgis.LayerFilter)."""
    try:
        from qgis.core import Qgis

        return getattr(Qgis.LayerFilter, name)
    except AttributeError:
        return getattr(QgsMapLayerProxyModel, name)


def _layer_combo(parent, object_name: str, *kinds: str, optional: bool = False) -> QgsMapLayerComboBox:
    """A layer combo box of the given kinds (``"LineLayer"``...), empty by default when ``optional``."""
    combo = QgsMapLayerComboBox(parent)
    combo.setObjectName(object_name)
    combo.setMinimumContentsLength(8)  # the start of the layer name stays readable in a narrow dock
    combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    filters = _layer_filter(kinds[0])
    for kind in kinds[1:]:
        filters = filters | _layer_filter(kind)
    combo.setFilters(filters)
    if optional:
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
    return combo


def _metres_spin(parent, object_name: str, minimum: float, maximum: float, value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(object_name)
    spin.setRange(minimum, maximum)
    spin.setValue(value)
    spin.setSuffix(" m")
    return spin


def create_algorithm(name: str):
    """``pratosmartcity:<name>``: the provider's when it is registered, else a fresh instance (tests, early use)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:{name}")
    if algorithm is None:
        from prato_smartcity_plugin.processing_provider import cycling_algorithms

        for candidate in vars(cycling_algorithms).values():
            if isinstance(candidate, type) and issubclass(candidate, cycling_algorithms._CycleAlgorithm) \
                    and candidate is not cycling_algorithms._CycleAlgorithm and candidate().name() == name:
                return candidate().create()
    return algorithm


def snapshot(layer: QgsVectorLayer, selected_only: bool = False) -> QgsVectorLayer:
    """A private in-memory copy of ``layer`` (or of its selected features), made on the main thread: the background
    task reads the copy, never a layer that the canvas renders or the user edits at the same time."""
    request = QgsFeatureRequest()
    if selected_only:
        request.setFilterFids(layer.selectedFeatureIds())
    copy = layer.materialize(request)
    copy.setName(layer.name())
    return copy


#: Outputs that are layers: taken from the task's context when it ends.
_LAYER_OUTPUTS = ("OUTPUT", "DANGLING", "OUTPUT_POINTS", "OUTPUT_AREA")


class _Feedback(QgsProcessingFeedback):
    """Keeps the algorithm's errors and warnings for the message bar."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


class CyclingPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.tables: list[Table] = []
        self.result_layers: dict[str, str] = {}  # role -> layer id, replaced on each run
        self.links_layer: QgsVectorLayer | None = None
        #: the result of the last analysis that ended well (None while one runs or after a failure)
        self.last_result: dict | None = None
        self._running: tuple | None = None
        # the controls scroll above, the results table below; the user drags the splitter between them
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.setObjectName("cycleSplitter")
        outer.addWidget(splitter)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        controls = QWidget(scroll)
        scroll.setWidget(controls)
        layout = QVBoxLayout(controls)

        paths = QGroupBox(self.tr("Cycle paths"), controls)
        form = QFormLayout(paths)
        self.paths_combo = _layer_combo(paths, "cyclePathsLayer", "LineLayer")
        row = QHBoxLayout()
        row.addWidget(self.paths_combo, 1)
        self.load_button = QPushButton(self.tr("Load…"), paths)
        self.load_button.setObjectName("loadCyclePaths")
        self.load_button.setToolTip(self.tr("Load cycle paths from a file (OpenStreetMap GeoJSON, shapefile, "
                                            "GeoPackage) as a typed layer styled by kind"))
        self.load_button.clicked.connect(self.choose_and_load)
        row.addWidget(self.load_button)
        form.addRow(self.tr("Layer"), row)
        self.areas_combo = _layer_combo(paths, "cycleAreasLayer", "PolygonLayer", optional=True)
        self.area_name_combo = QgsFieldComboBox(paths)
        self.area_name_combo.setObjectName("cycleAreaName")
        self.area_name_combo.setAllowEmptyFieldName(True)
        self.areas_combo.layerChanged.connect(self.area_name_combo.setLayer)
        form.addRow(self.tr("Areas (districts)"), self.areas_combo)
        form.addRow(self.tr("Area name"), self.area_name_combo)
        self.tolerance = _metres_spin(paths, "cycleTolerance", 0.0, 50.0, 2.0)
        self.tolerance.setToolTip(self.tr("Path ends closer than this to another path are connected"))
        form.addRow(self.tr("Snapping tolerance"), self.tolerance)
        self.measure_button = QPushButton(self.tr("Measure the network"), paths)
        self.measure_button.setObjectName("measureNetwork")
        self.measure_button.clicked.connect(self.measure)
        form.addRow(self.measure_button)
        layout.addWidget(paths)

        links = QGroupBox(self.tr("Missing links"), controls)
        form = QFormLayout(links)
        self.distance = _metres_spin(links, "cycleLinkDistance", 1.0, 5000.0, 100.0)
        form.addRow(self.tr("Search distance"), self.distance)
        self.barriers_combo = _layer_combo(links, "cycleBarriersLayer", "LineLayer", "PolygonLayer", optional=True)
        self.barriers_combo.setToolTip(self.tr("Links must not cross this layer (river, railway)"))
        form.addRow(self.tr("Barriers"), self.barriers_combo)
        self.links_button = QPushButton(self.tr("Find the best missing links"), links)
        self.links_button.setObjectName("findMissingLinks")
        self.links_button.clicked.connect(self.find_links)
        form.addRow(self.links_button)
        layout.addWidget(links)

        catchment = QGroupBox(self.tr("Catchment"), controls)
        form = QFormLayout(catchment)
        self.points_combo = _layer_combo(catchment, "catchmentPoints", "PointLayer", optional=True)
        self.weight_combo = QgsFieldComboBox(catchment)
        self.weight_combo.setObjectName("catchmentWeight")
        self.weight_combo.setAllowEmptyFieldName(True)
        self.points_combo.layerChanged.connect(self.weight_combo.setLayer)
        self.catchment_area_combo = _layer_combo(catchment, "catchmentArea", "PolygonLayer", optional=True)
        self.catchment_distance = _metres_spin(catchment, "catchmentDistance", 1.0, 10000.0, 300.0)
        form.addRow(self.tr("Points (schools, stops)"), self.points_combo)
        form.addRow(self.tr("Weight"), self.weight_combo)
        form.addRow(self.tr("Area"), self.catchment_area_combo)
        form.addRow(self.tr("Distance"), self.catchment_distance)
        self.catchment_button = QPushButton(self.tr("Measure the catchment"), catchment)
        self.catchment_button.setObjectName("measureCatchment")
        self.catchment_button.clicked.connect(self.catchment)
        form.addRow(self.catchment_button)
        layout.addWidget(catchment)

        compare = QGroupBox(self.tr("Before / after"), controls)
        form = QFormLayout(compare)
        self.planned_combo = _layer_combo(compare, "plannedLinksLayer", "LineLayer", optional=True)
        row = QHBoxLayout()
        row.addWidget(self.planned_combo, 1)
        self.draw_button = QPushButton(self.tr("Draw…"), compare)
        self.draw_button.setObjectName("drawPlannedLinks")
        self.draw_button.setToolTip(self.tr("Create a layer for drawing planned links and start editing it"))
        self.draw_button.clicked.connect(self.new_drawing_layer)
        row.addWidget(self.draw_button)
        form.addRow(self.tr("Planned links"), row)
        self.selected_only = QCheckBox(self.tr("Selected features only"), compare)
        self.selected_only.setObjectName("plannedSelectedOnly")
        form.addRow(self.selected_only)
        self.compare_button = QPushButton(self.tr("Compare before / after"), compare)
        self.compare_button.setObjectName("compareBeforeAfter")
        self.compare_button.clicked.connect(self.before_after)
        form.addRow(self.compare_button)
        layout.addWidget(compare)
        layout.addStretch(1)

        results = QWidget(splitter)
        layout = QVBoxLayout(results)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(results)
        self.table.setObjectName("cycleResults")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(self.zoom_to_link)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        # how to read the table of the last analysis (units, what a component or a missing link is)
        self.explanation = QLabel(results)
        self.explanation.setObjectName("cycleExplanation")
        self.explanation.setWordWrap(True)
        small = self.explanation.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.explanation.setFont(small)
        self.explanation.setVisible(False)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy table"), results)
        self.copy_button.setObjectName("copyCycleTable")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_table)
        row.addWidget(self.copy_button)
        self.report_label = QLabel(results)
        self.report_label.setObjectName("cycleReportLink")
        self.report_label.setOpenExternalLinks(True)
        row.addWidget(self.report_label, 1)
        layout.addLayout(row)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # never narrower than the controls need (a scroll area alone would let the dock clip them)
        scroll.setMinimumWidth(controls.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())

    # -- running an algorithm
    # On the main thread, with a wait cursor: shapely 1.8 (Debian 12) shares one GEOS context between threads, so a
    # QgsTask running the analysis crashed when the main thread freed shapely geometries at the same time.
    # The real network takes well under a second; 50,000 segments take a few seconds.

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _start(self, name: str, parameters: dict, on_result) -> None:
        if self.busy:
            raise_input(self.tr("An analysis of the cycle network is already running."))
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = _Feedback()
        self._running = (context, feedback, parameters, on_result)
        self.last_result = None
        self._set_buttons(False)
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            results, ok = create_algorithm(name).run(parameters, context, feedback, {}, True)
        finally:
            QApplication.restoreOverrideCursor()
        self._finished(ok, results)

    def _set_buttons(self, enabled: bool) -> None:
        for button in (self.measure_button, self.links_button, self.catchment_button, self.compare_button):
            button.setEnabled(enabled)

    def _finished(self, ok: bool, results: dict) -> None:
        context, feedback, _parameters, on_result = self._running
        self._running = None
        self._set_buttons(True)
        if not ok:
            message = feedback.errors[-1] if feedback.errors else self.tr("The analysis failed: see the log.")
            push(self.message_bar, message.strip(), Level.WARNING, "\n".join(feedback.errors), iface=self.iface)
            return
        results = dict(results)
        for key in _LAYER_OUTPUTS:
            if isinstance(results.get(key), str):
                results[key] = context.takeResultLayer(results[key])
        with reporting_errors(self.message_bar, self.iface):
            on_result(results)
            for warning in feedback.warnings:
                push(self.message_bar, warning, Level.WARNING, iface=self.iface)
            self.last_result = results

    # -- helpers

    @property
    def message_bar(self):
        return self.iface.messageBar()

    def _paths(self):
        layer = self.paths_combo.currentLayer()
        if layer is None:
            raise_input(self.tr("Choose or load a cycle path layer first."))
        return layer

    def _add_result(self, role: str, layer, name: str, style: str) -> QgsVectorLayer | None:
        if not isinstance(layer, QgsVectorLayer):
            return None
        project = QgsProject.instance()
        old = self.result_layers.get(role)
        if old and project.mapLayer(old) is not None:
            project.removeMapLayer(old)
        layer.setName(name)
        apply_style(layer, style)
        project.addMapLayer(layer)
        self.result_layers[role] = layer.id()
        return layer

    def _show(self, result: dict, analysis: str) -> None:
        self.tables = from_csv(Path(result["REPORT_CSV"]).read_text(encoding="utf-8-sig"))
        self.show_tables(self.tables)
        self.explanation.setText(explanation(analysis))
        self.explanation.setVisible(True)
        html = result.get("REPORT_HTML")
        self.report_label.setText(f'<a href="{Path(html).as_uri()}">{self.tr("Open the report")}</a>' if html else "")

    def show_tables(self, tables: list[Table]) -> None:
        width = max([len(t.headers) for t in tables] + [1])
        rows = sum(len(t.rows) + 2 for t in tables)
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(rows)
        bold = QFont()
        bold.setBold(True)
        r = 0
        for table in tables:
            title = QTableWidgetItem(table.title)
            title.setFont(bold)
            self.table.setItem(r, 0, title)
            self.table.setSpan(r, 0, 1, width)
            for c, header in enumerate(table.headers):
                item = QTableWidgetItem(header)
                item.setFont(bold)
                self.table.setItem(r + 1, c, item)
            r += 2
            for values in table.rows:
                for c, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if c and _is_figure(value):  # figures right-aligned, names (the paths a link joins) left
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.table.setItem(r, c, item)
                r += 1
        self.table.resizeColumnsToContents()
        # long labels wrap instead of pushing the figures out of a narrow dock: no column wider than 45 % of the
        # view, and the first (the measure's name) narrower still if that brings every figure into view
        scroll_bar = self.table.verticalScrollBar()  # rows that wrap may bring it in: leave its room
        available = self.table.viewport().width() - (0 if scroll_bar.isVisible() else scroll_bar.sizeHint().width())
        widest = max(160, int(available * 0.45))
        for column in range(width):
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        others = sum(self.table.columnWidth(column) for column in range(1, width))
        if self.table.columnWidth(0) + others > available:
            self.table.setColumnWidth(0, max(120, min(self.table.columnWidth(0), available - others)))
        self.table.resizeRowsToContents()
        self.copy_button.setEnabled(bool(tables))

    def copy_table(self) -> None:
        QGuiApplication.clipboard().setText(to_tsv(self.tables))
        push(self.message_bar, self.tr("Table copied: paste it into a document or a spreadsheet."), Level.SUCCESS)

    # -- actions

    def choose_and_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load cycle paths"), "",
                                              self.tr("Vector files (*.geojson *.json *.gpkg *.shp *.kml);;"
                                                      "All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> QgsVectorLayer | None:
        with reporting_errors(self.message_bar, self.iface):
            layer, cleaning = load_cycle_paths(path, Path(path).stem)
            QgsProject.instance().addMapLayer(layer)
            self.paths_combo.setLayer(layer)
            if cleaning is not None and cleaning.summary():
                push(self.message_bar, cleaning.summary(), Level.WARNING, iface=self.iface)
            return layer
        return None

    def measure(self) -> None:
        with reporting_errors(self.message_bar, self.iface):
            parameters = {"INPUT": snapshot(self._paths()), "TOLERANCE": self.tolerance.value(), "CRS": WORK_CRS,
                          "OUTPUT": "memory:", "DANGLING": "memory:"}
            areas = self.areas_combo.currentLayer()
            if areas is not None:
                parameters["AREAS"] = snapshot(areas)
                parameters["AREA_NAME"] = self.area_name_combo.currentField()
            self._start("cycle_network_measures", parameters, self._measured)

    def _measured(self, result: dict) -> None:
        self._add_result("network", result["OUTPUT"], self.tr("Cycle network components"), "cycle_network")
        self._add_result("dangling", result.get("DANGLING"), self.tr("Dangling ends"), "cycle_dangling_ends")
        self._show(result, "measures")

    def find_links(self) -> None:
        with reporting_errors(self.message_bar, self.iface):
            parameters = {"INPUT": snapshot(self._paths()), "TOLERANCE": self.tolerance.value(), "CRS": WORK_CRS,
                          "DISTANCE": self.distance.value(), "LIMIT": 20, "OUTPUT": "memory:"}
            barriers = self.barriers_combo.currentLayer()
            if barriers is not None:
                parameters["BARRIERS"] = [snapshot(barriers)]
            self._start("cycle_missing_links", parameters, self._links_found)

    def _links_found(self, result: dict) -> None:
        self.links_layer = self._add_result("links", result["OUTPUT"], self.tr("Missing links"),
                                            "cycle_missing_links")
        self._show(result, "links")
        if self.links_layer is not None:
            self.links_layer.setMapTipTemplate('[% "reason" %]')  # hovering a link on the map says why it is listed
            reasons = {int(f["rank"]): f["reason"] for f in self.links_layer.getFeatures()}
            for row in range(2, 2 + len(reasons)):  # the links table comes first: title, headers, one row a link
                item = self.table.item(row, 0)
                if item is not None and item.text().isdigit() and int(item.text()) in reasons:
                    for column in range(self.table.columnCount()):
                        if self.table.item(row, column) is not None:
                            self.table.item(row, column).setToolTip(reasons[int(item.text())])
        if not result["LINKS"]:
            push(self.message_bar, self.tr("No missing link shorter than {distance} m.").format(
                distance=self.distance.value()), Level.INFO)

    def zoom_to_link(self, row: int, column: int) -> None:
        """Double-click on a missing link's row: zoom to it and select it."""
        item = self.table.item(row, 0)
        layer = QgsProject.instance().mapLayer(self.result_layers.get("links", ""))
        if item is None or layer is None or not item.text().isdigit():
            return
        rank = int(item.text())
        ids = [f.id() for f in layer.getFeatures() if f["rank"] == rank]
        if not ids:
            return
        layer.selectByIds(ids)
        canvas = self.iface.mapCanvas()
        canvas.zoomToFeatureIds(layer, ids)
        canvas.zoomScale(max(canvas.scale(), 2000))
        canvas.refresh()

    def catchment(self) -> None:
        with reporting_errors(self.message_bar, self.iface):
            parameters = {"INPUT": snapshot(self._paths()), "CRS": WORK_CRS,
                          "DISTANCE": self.catchment_distance.value(), "OUTPUT_POINTS": "memory:",
                          "OUTPUT_AREA": "memory:"}
            points, area = self.points_combo.currentLayer(), self.catchment_area_combo.currentLayer()
            if points is not None:
                parameters["POINTS"] = snapshot(points)
                parameters["WEIGHT"] = self.weight_combo.currentField()
            if area is not None:
                parameters["AREA"] = snapshot(area)
            self._start("cycle_catchment", parameters, self._catchment_measured)

    def _catchment_measured(self, result: dict) -> None:
        self._add_result("catchment_points", result.get("OUTPUT_POINTS"), self.tr("Catchment: points"),
                         "cycle_catchment_points")
        self._add_result("catchment_area", result.get("OUTPUT_AREA"), self.tr("Catchment: area"),
                         "cycle_catchment_area")
        self._show(result, "catchment")

    def new_drawing_layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"LineString?crs={WORK_CRS}&field=name:string", self.tr("Planned cycle links"),
                               "memory")
        apply_style(layer, "cycle_missing_links")
        QgsProject.instance().addMapLayer(layer)
        self.planned_combo.setLayer(layer)
        layer.startEditing()
        self.iface.setActiveLayer(layer)
        push(self.message_bar, self.tr("Draw the planned links in \"{layer}\", then compare.").format(
            layer=layer.name()), Level.INFO)
        return layer

    def before_after(self) -> None:
        with reporting_errors(self.message_bar, self.iface):
            planned = self.planned_combo.currentLayer()
            if planned is None or planned.geometryType() != QgsWkbTypes.LineGeometry:
                raise_input(self.tr("Choose a layer of planned links (or draw one)."))
            if self.selected_only.isChecked() and not planned.selectedFeatureCount():
                raise_input(self.tr("No planned link is selected."))
            # the copy includes the links drawn and not yet saved (the layer's edit buffer)
            source = snapshot(planned, self.selected_only.isChecked())
            parameters = {"INPUT": snapshot(self._paths()), "PLANNED": source, "TOLERANCE": self.tolerance.value(),
                          "CRS": WORK_CRS, "OUTPUT": "memory:"}
            areas = self.areas_combo.currentLayer()
            if areas is not None:
                parameters["AREAS"] = snapshot(areas)
                parameters["AREA_NAME"] = self.area_name_combo.currentField()
            self._start("cycle_before_after", parameters, self._compared)

    def _compared(self, result: dict) -> None:
        self._add_result("after", result["OUTPUT"], self.tr("Cycle network after"), "cycle_network")
        self._show(result, "before_after")


def _is_figure(text: str) -> bool:
    """A number as the reports write it ("48.45", "+1", "-0.004"), or a count such as "12 / 25"."""
    try:
        float(text.replace(" / ", ""))
    except ValueError:
        return False
    return True


def raise_input(message: str) -> None:
    from prato_smartcity_plugin.core.errors import InputError

    raise InputError(message)
