"""Test data for the contractor export: intervention layers built from the schema (the store's contract layout:
Multi* geometry, EPSG:6707, ``fid`` then ``schema.FIELDS``) and free-form layers, written with OGR."""

from __future__ import annotations

import datetime as dt
import os
from typing import Iterable, Mapping, Sequence

from osgeo import ogr, osr

from prato_smartcity_plugin.core.interventions import schema

_OGR = {schema.FieldType.TEXT: ogr.OFTString, schema.FieldType.INTEGER: ogr.OFTInteger,
        schema.FieldType.REAL: ogr.OFTReal, schema.FieldType.DATE: ogr.OFTDate,
        schema.FieldType.DATETIME: ogr.OFTDateTime}
STORE_LAYERS = {"point": ("interventions_point", ogr.wkbMultiPoint),
                "line": ("interventions_line", ogr.wkbMultiLineString),
                "polygon": ("interventions_polygon", ogr.wkbMultiPolygon)}

#: Piazza del Duomo, Prato: hotspot "Piazza Duomo - HS1" of the Comune's Wi-Fi data, EPSG:3003 (shared data).
DUOMO_3003 = (1668521.06, 4860948.28)


def _set(feature, name: str, value, kind) -> None:
    if value is None:
        feature.SetFieldNull(name)
    elif kind == schema.FieldType.DATE:
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    elif kind == schema.FieldType.DATETIME:
        value = value.astimezone(dt.timezone.utc)
        feature.SetField(name, value.year, value.month, value.day, value.hour, value.minute, value.second, 100)
    else:
        feature.SetField(name, value)


def write_layer(path: str, name: str, geometry_type: int, fields: Sequence[tuple[str, schema.FieldType]],
                rows: Iterable[tuple[str | None, Mapping]], epsg: int = 6707) -> None:
    """A GeoPackage table ``name`` with ``fields``; ``rows`` are (WKT or None, values)."""
    # exists() first: with GDAL exceptions on (another module may have turned them on), opening a missing file raises
    ds = ogr.Open(path, 1) if os.path.exists(path) else ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer(name, srs, geometry_type, ["FID=fid"])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, _OGR[kind]))
    types = dict(fields)
    layer.StartTransaction()
    for wkt, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            _set(feature, key, value, types[key])
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def intervention(**values):
    record = schema.new_record(**{"title": "Intervento", **values})
    record["created_at"] = record["modified_at"] = dt.datetime(2026, 3, 1, 9, 30, 0, tzinfo=dt.timezone.utc)
    return record


def write_store(path: str, records: Mapping[str, Sequence[tuple[str, Mapping]]]) -> None:
    """The interventions GeoPackage: every layer of the contract, with ``records[kind]`` = (WKT, record) pairs."""
    fields = [(f.name, f.type) for f in schema.FIELDS]
    for kind, (table, geometry_type) in STORE_LAYERS.items():
        write_layer(path, table, geometry_type, fields, records.get(kind, ()))
