"""Field kit: preparing a kit of the demo project plus a 100,000-feature layer, its size, and the time to open it.

Reference in the same run: ``ogr2ogr -clipsrc`` of the same big layer to a GeoPackage (the bare clipping copy that
any kit needs). The kit also renders the basemap tiles (served on loopback), copies the demo layers and the
interventions store, and writes the project.
Usage: /usr/bin/python3 bench/field_kit.py [--quick]
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize, QVariant  # noqa: E402

# Prato (EPSG:6707): the comune's extent, and the historic centre as the kit's area
COMUNE = QgsRectangle(660000, 4853500, 675500, 4868400)
AREA = QgsRectangle(665000, 4857500, 671000, 4863500)


def make_points(path: Path, n: int) -> None:
    fields = QgsFields()
    fields.append(QgsField("name", QVariant.String))
    fields.append(QgsField("value", QVariant.Double))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "demand"
    writer = QgsVectorFileWriter.create(str(path), fields, QgsWkbTypes.Point, QgsCoordinateReferenceSystem("EPSG:6707"),
                                        QgsProject.instance().transformContext(), options)
    rng = random.Random(7)
    for i in range(n):
        feature = QgsFeature(fields)
        feature.setAttributes([f"punto {i}", rng.random() * 100])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(rng.uniform(COMUNE.xMinimum(), COMUNE.xMaximum()),
                                                               rng.uniform(COMUNE.yMinimum(), COMUNE.yMaximum()))))
        writer.addFeature(feature)
    del writer


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    quick = "--quick" in sys.argv
    n = 20_000 if quick else 100_000
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from prato_smartcity_plugin.adapters.store import layers as store_layers
    from prato_smartcity_plugin.processing_provider.provider import PratoSmartCityProvider
    from tests.qgis.test_field_kit import TileServer

    provider = PratoSmartCityProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing

    work = Path(tempfile.mkdtemp(prefix="prato-bench-kit-"))
    server = TileServer()
    try:
        big = work / "demand.gpkg"
        make_points(big, n)
        project = QgsProject.instance()
        demo = REPO / "resources" / "demo" / "prato_demo.gpkg"
        for name in ("wifi_access_points", "cycle_paths", "wifi_coverage_areas", "prato_comune"):
            project.addMapLayer(QgsVectorLayer(f"{demo}|layername={name}", name, "ogr"))
        project.addMapLayer(QgsVectorLayer(f"{big}|layername=demand", "demand", "ogr"))
        project.addMapLayer(QgsRasterLayer(f"type=xyz&url={server.url}/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=19",
                                           "basemap", "wms"))
        store_layers.open_layers(work / "office" / "interventions.gpkg", project)
        project.setCrs(QgsCoordinateReferenceSystem("EPSG:6707"))
        extent = f"{AREA.xMinimum()},{AREA.xMaximum()},{AREA.yMinimum()},{AREA.yMaximum()} [EPSG:6707]"

        started = time.perf_counter()
        result = processing.run("pratosmartcity:prepare_field_kit",
                                {"EXTENT": extent, "ZOOM_MIN": 12, "ZOOM_MAX": 15, "FOLDER": str(work / "kit")})
        kit_seconds = time.perf_counter() - started

        started = time.perf_counter()
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-clipsrc", str(AREA.xMinimum()), str(AREA.yMinimum()),
                        str(AREA.xMaximum()), str(AREA.yMaximum()), str(work / "ogr_clip.gpkg"), str(big), "demand"],
                       check=True)
        ogr_seconds = time.perf_counter() - started

        project.clear()
        started = time.perf_counter()
        kit = QgsProject()
        kit.read(result["PROJECT"])
        layers = list(kit.mapLayers().values())
        settings = QgsMapSettings()
        settings.setLayers(layers)
        settings.setDestinationCrs(kit.crs())
        settings.setExtent(AREA)
        settings.setOutputSize(QSize(1200, 900))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        open_seconds = time.perf_counter() - started
        valid = sum(1 for layer in layers if layer.isValid())

        print(f"Field kit benchmark: demo project + {n:,} points, area {AREA.width() / 1000:.0f} x "
              f"{AREA.height() / 1000:.0f} km, basemap zoom 12-15 served on loopback")
        print(f"{'measure':<44}{'value':>14}")
        print(f"{'prepare the kit (s)':<44}{kit_seconds:>14.2f}")
        print(f"{'ogr2ogr -clipsrc of the big layer alone (s)':<44}{ogr_seconds:>14.2f}")
        print(f"{'ratio kit / ogr2ogr':<44}{kit_seconds / ogr_seconds:>14.2f}")
        print(f"{'size of the sources (MB)':<44}{result['SIZE_BEFORE'] / 2**20:>14.1f}")
        print(f"{'size of the kit (MB)':<44}{result['SIZE_AFTER'] / 2**20:>14.1f}")
        print(f"{'basemap tiles fetched':<44}{len(server.served):>14d}")
        print(f"{'open the kit and render it (s)':<44}{open_seconds:>14.2f}")
        print(f"{'layers valid in the kit':<44}{f'{valid}/{len(layers)}':>14}")
    finally:
        server.stop()
        QgsProject.instance().clear()
        QgsApplication.processingRegistry().removeProvider(provider)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
