"""Benchmark of the open data catalogue: a generated 100,000-feature GeoJSON resource served by the CKAN replay server
on 127.0.0.1, from the portal through the offline cache to a layer on the map, against ``ogr2ogr -f GPKG`` of the same
file measured in the same run; then the second load, from the cache.

    /usr/bin/python3 bench/catalogue.py [--quick]

Targets: first load / ogr2ogr ≤ 1.5; second load (portal asked, 304, layer in the project) < 0.3 s.
Memory: the process's peak RSS growth during the first load, and the peak of Python allocations while downloading
(the download is streamed to disk, so it stays far below the file's size).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write_geojson(path: str, count: int) -> None:
    """Points over the Comune di Prato with a few typed attributes, written as a stream."""
    rng = random.Random(42)
    kinds = ["lampione", "panchina", "cestino", "rastrelliera", "fontanella"]
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        for index in range(count):
            lon, lat = 11.013 + rng.random() * 0.156, 43.816 + rng.random() * 0.133
            properties = {"id": index, "tipo": kinds[index % 5], "quartiere": f"Q{index % 12}",
                          "valore": round(rng.random() * 100, 2)}
            feature = {"type": "Feature", "properties": properties,
                       "geometry": {"type": "Point", "coordinates": [round(lon, 7), round(lat, 7)]}}
            out.write(json.dumps(feature, separators=(",", ":")))
            out.write(",\n" if index < count - 1 else "\n")
        out.write("]}\n")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10,000 features instead of 100,000")
    args = parser.parse_args()
    count = 10_000 if args.quick else 100_000

    work = tempfile.mkdtemp(prefix="bench-catalogue-")
    profile = os.path.join(work, "profile")
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = profile
    from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsProject
    from qgis.PyQt.QtCore import QSize

    app = QgsApplication([], False, profile)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()

    from prato_smartcity_plugin.adapters.catalogue_layers import load_layers
    from prato_smartcity_plugin.adapters.catalogue_network import qgis_transport
    from prato_smartcity_plugin.adapters.catalogue_tasks import gpkg_converter
    from prato_smartcity_plugin.core.catalogue.cache import CacheIndex
    from prato_smartcity_plugin.core.catalogue.service import PortalService
    from tests.ckan_server import ORG_PRATO, CkanReplay, _package, _resource

    source = os.path.join(work, "arredo_urbano.geojson")
    write_geojson(source, count)
    size_mb = os.path.getsize(source) / 1024 ** 2
    server = CkanReplay({"arredo_urbano.geojson": source}).start()
    package_id = "bench-0000-4000-8000-000000000001"
    server.packages.append(_package(package_id, "arredo-urbano", "Arredo urbano", "Generated for the benchmark.",
                                    ORG_PRATO, [], ["bench"], "cc-by", "2024-01-01T00:00:00.000000", [
                                        _resource("res-arredo", "Arredo urbano (GeoJSON)", "GeoJSON",
                                                  server.file_url("arredo_urbano.geojson"), package_id,
                                                  "2024-01-01T00:00:00.000000", os.path.getsize(source))]))
    rows = []
    try:
        start = time.perf_counter()
        subprocess.run(["ogr2ogr", "-f", "GPKG", os.path.join(work, "reference.gpkg"), source], check=True)
        reference = time.perf_counter() - start

        def render(layer) -> float:
            settings = QgsMapSettings()
            settings.setLayers([layer])
            settings.setDestinationCrs(layer.crs())
            settings.setExtent(layer.extent())
            settings.setOutputSize(QSize(800, 600))
            begin = time.perf_counter()
            job = QgsMapRendererSequentialJob(settings)
            job.start()
            job.waitForFinished()
            return time.perf_counter() - begin

        cache_root = os.path.join(work, "cache")
        rss_before = peak_rss_mb()
        tracemalloc.start()
        start = first_start = time.perf_counter()
        service = PortalService(server.base_url, qgis_transport(), CacheIndex(cache_root), converter=gpkg_converter)
        dataset = service.dataset("arredo-urbano")
        entry = service.fetch(dataset, dataset.resource("res-arredo"))
        fetched = time.perf_counter()
        python_peak = tracemalloc.get_traced_memory()[1] / 1024 ** 2
        tracemalloc.stop()
        layer, = load_layers(entry).layers
        QgsProject.instance().addMapLayer(layer)
        loaded = time.perf_counter()
        first_render = render(layer)
        first = time.perf_counter() - first_start
        rss_growth = peak_rss_mb() - rss_before
        assert layer.featureCount() == count, layer.featureCount()

        def load_again():
            """A new session (new service over the same cache): portal -> cache -> layer in the project."""
            QgsProject.instance().clear()
            begin = time.perf_counter()
            service = PortalService(server.base_url, qgis_transport(), CacheIndex(cache_root),
                                    converter=gpkg_converter)
            dataset = service.dataset("arredo-urbano")
            entry = service.fetch(dataset, dataset.resource("res-arredo"))
            layer, = load_layers(entry).layers
            QgsProject.instance().addMapLayer(layer)
            elapsed = time.perf_counter() - begin
            assert entry.from_cache and layer.featureCount() == count
            return elapsed, entry, layer

        second, entry, layer = load_again()
        second_render = render(layer)
        server.stop()
        offline, entry, layer = load_again()
        assert entry.offline

        rows = [
            ("features", f"{count:,}", ""),
            ("GeoJSON size", f"{size_mb:.1f} MB", ""),
            ("ogr2ogr -f GPKG (reference)", f"{reference:.2f} s", "1.00"),
            ("  download + check + cache as GPKG", f"{fetched - first_start:.2f} s", ""),
            ("  layer in the project", f"{loaded - fetched:.2f} s", ""),
            ("  first render 800x600", f"{first_render:.2f} s", ""),
            ("first load: portal -> cache -> map", f"{first:.2f} s", f"{first / reference:.2f} (target <= 1.5)"),
            ("second load from cache (304)", f"{second:.3f} s", "target < 0.3 s"),
            ("  render after second load", f"{second_render:.2f} s", ""),
            ("load with the portal down (offline)", f"{offline:.3f} s", ""),
            ("peak RSS growth, first load", f"{rss_growth:.0f} MB", f"file {size_mb:.0f} MB"),
            ("peak Python allocations, download", f"{python_peak:.1f} MB", "streamed to disk"),
        ]
    finally:
        server.stop()
        QgsProject.instance().clear()
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"{'catalogue benchmark':<{width}}  {'value':>10}  ratio / note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    app.exitQgis()


if __name__ == "__main__":
    main()
