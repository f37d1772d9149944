"""What a field kit takes, and how: the decision for each layer of the project, made from a plain description of it
(so that the rules are testable without QGIS), and the human-readable sizes of the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from prato_smartcity_plugin.core.i18n import translate


class Action(str, Enum):
    COPY_VECTOR = "copy_vector"  # written into the kit's GeoPackage, clipped to the area
    CACHE_TILES = "cache_tiles"  # rendered into an MBTiles basemap for the area and zoom range
    COPY_STORE = "copy_store"  # the interventions store, copied whole with its change log
    REFUSE = "refuse"  # cannot be taken offline: the report says why


@dataclass(frozen=True)
class LayerDescription:
    layer_id: str
    name: str
    kind: str  # "vector", "raster", "vectortile", "mesh", "pointcloud", "plugin", "annotation", ...
    provider: str  # the QGIS data provider key
    valid: bool = True
    is_interventions_store: bool = False


@dataclass
class LayerDecision:
    layer: LayerDescription
    action: Action
    reason: str = ""


@dataclass
class KitPlan:
    decisions: list[LayerDecision] = field(default_factory=list)

    def of(self, action: Action) -> list[LayerDecision]:
        return [d for d in self.decisions if d.action == action]

    @property
    def refused(self) -> list[LayerDecision]:
        return self.of(Action.REFUSE)


RASTER_PROVIDERS = {"wms", "gdal", "wcs", "arcgismapserver", "xyz"}


def decide(layer: LayerDescription) -> LayerDecision:
    tr = lambda text: translate("PratoSmartCity", text)  # noqa: E731
    if not layer.valid:
        return LayerDecision(layer, Action.REFUSE, tr("The layer is not available (its source cannot be read)."))
    if layer.is_interventions_store:
        return LayerDecision(layer, Action.COPY_STORE)
    if layer.kind == "vector":
        return LayerDecision(layer, Action.COPY_VECTOR)
    if layer.kind == "raster" and layer.provider in RASTER_PROVIDERS:
        return LayerDecision(layer, Action.CACHE_TILES)
    return LayerDecision(
        layer, Action.REFUSE, tr("Layers of this type ({kind}) cannot be taken offline.").format(kind=layer.kind)
    )


def make_plan(layers: list[LayerDescription]) -> KitPlan:
    return KitPlan([decide(layer) for layer in layers])


def human_size(n_bytes: int) -> str:
    value = float(n_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"
