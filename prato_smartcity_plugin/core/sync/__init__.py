"""Sync with the municipal API (OGC API - Features, Part 4): the client, the transports' interface, the engine.

Pure Python: the QGIS transport and the GeoPackage side live in ``adapters/sync_*.py``."""
