"""The local interventions store (a GeoPackage per the store contract in HELPERS.md).

- :mod:`.database`: the file itself, no QGIS (create/check/upgrade, change log and triggers, plain sqlite3 access).
- :mod:`.layers`: its three layers in QGIS, locating the store, save hooks and the ``events.saved`` signal.
- :mod:`.form`: the native attribute form, configured from the schema.
- :mod:`.validation`: geometry and record checks before a save.
- :mod:`.attachments`: photos kept beside the store.
"""
