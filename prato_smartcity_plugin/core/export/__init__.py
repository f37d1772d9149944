"""The contractor export's rules, with no QGIS: shapefile field names, value rules and the package README.

``names`` owns the 10-character names, ``rules`` the values shapefile cannot hold (long text, dates, coded values,
geometry kinds) and the field plan, ``readme`` the LEGGIMI/README text. The QGIS/GDAL writer lives in
``adapters/export_package.py``.
"""
