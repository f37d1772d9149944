"""QGIS layers as export sources: a GeoPackage layer is read in place (its filter and selection become an SQL
``WHERE``); any other layer is first staged into a temporary GeoPackage with ``QgsVectorFileWriter``. Also reads the
attribution and licence of each layer from its metadata, for the package's README."""

from __future__ import annotations

import os

from qgis.core import QgsProject, QgsProviderRegistry, QgsVectorFileWriter, QgsVectorLayer

from prato_smartcity_plugin.adapters.export_package import LayerSource
from prato_smartcity_plugin.core.errors import ExportError, InputError
from prato_smartcity_plugin.core.i18n import translate


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def attribution_and_licence(layer: QgsVectorLayer) -> tuple[str, str]:
    metadata = layer.metadata()
    attribution = "; ".join(x for x in [layer.attribution()] + list(metadata.rights()) if x)
    licence = "; ".join(x for x in metadata.licenses() if x)
    return attribution, licence


def _fid_column(path: str, table: str) -> str:
    from osgeo import ogr

    ds = ogr.Open(path)
    layer = ds.GetLayerByName(table) if ds is not None else None
    name = (layer.GetFIDColumn() if layer is not None else "") or "fid"
    ds = None
    return name


def install_label_language() -> bool:
    """The package's coded values and field descriptions are Italian whatever the UI's language."""
    from prato_smartcity_plugin.adapters import i18n
    from prato_smartcity_plugin.core.export.rules import LABEL_LANGUAGE

    return i18n.install_language(LABEL_LANGUAGE)


def source_from_layer(layer: QgsVectorLayer, selected_only: bool, staging_folder: str) -> LayerSource:
    """The export source for ``layer`` (its selected features only if asked); raises :class:`InputError` when
    there is nothing to take."""
    install_label_language()
    if layer is None or not layer.isValid():
        raise InputError(tr("The layer cannot be read."))
    if not layer.isSpatial():
        raise InputError(tr("{layer} has no geometry: a shapefile needs one.").format(layer=layer.name()))
    if selected_only and layer.selectedFeatureCount() == 0:
        raise InputError(tr("No feature is selected in {layer}: select the features to export, or export all of "
                            "them.").format(layer=layer.name()))
    attribution, licence = attribution_and_licence(layer)
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path, table = parts.get("path", ""), parts.get("layerName") or ""
    subset = layer.subsetString().strip()
    if (layer.providerType() == "ogr" and path.lower().endswith(".gpkg") and table
            and not subset.upper().startswith("SELECT")):
        where = subset
        if selected_only:
            ids = ", ".join(str(i) for i in sorted(layer.selectedFeatureIds()))
            fid = '"' + _fid_column(path, table).replace('"', '""') + '"'
            where = f"({where}) AND {fid} IN ({ids})" if where else f"{fid} IN ({ids})"
        return LayerSource(layer.name(), path, table, where, attribution, licence)
    staged = os.path.join(staging_folder, f"stage_{len(os.listdir(staging_folder))}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "data"
    options.fileEncoding = "UTF-8"
    options.onlySelectedFeatures = selected_only
    result = QgsVectorFileWriter.writeAsVectorFormatV2(layer, staged, QgsProject.instance().transformContext(),
                                                       options)
    if result[0] != QgsVectorFileWriter.NoError:
        raise ExportError(tr("Could not read the layer {layer}.").format(layer=layer.name()), str(result[1]))
    return LayerSource(layer.name(), staged, "data", "", attribution, licence)
