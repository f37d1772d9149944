"""QGIS adapters of the core: layers, GeoPackage store, tasks, settings, network, logging. No widgets here."""
