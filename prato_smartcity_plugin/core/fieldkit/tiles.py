"""Web Mercator (XYZ) tile arithmetic for the basemap cache, and the MBTiles layout it is stored in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator

#: Half the side of the Web Mercator square (EPSG:3857), in metres.
ORIGIN_SHIFT = 20037508.342789244
TILE_SIZE = 256


@dataclass(frozen=True)
class Tile:
    z: int
    x: int
    y: int  # XYZ (Google) row: 0 at the top

    @property
    def tms_y(self) -> int:
        """The row as MBTiles stores it (TMS: 0 at the bottom)."""
        return (1 << self.z) - 1 - self.y

    def bounds_3857(self) -> tuple[float, float, float, float]:
        size = 2 * ORIGIN_SHIFT / (1 << self.z)
        xmin = -ORIGIN_SHIFT + self.x * size
        ymax = ORIGIN_SHIFT - self.y * size
        return xmin, ymax - size, xmin + size, ymax


def tile_range(bounds_3857: tuple[float, float, float, float], z: int) -> tuple[int, int, int, int]:
    """``(xmin, ymin, xmax, ymax)`` tile indices (inclusive, XYZ rows) covering ``bounds_3857`` at zoom ``z``."""
    xmin, ymin, xmax, ymax = bounds_3857
    n = 1 << z
    size = 2 * ORIGIN_SHIFT / n

    def col(x: float) -> int:
        return min(n - 1, max(0, int(math.floor((x + ORIGIN_SHIFT) / size))))

    def row(y: float) -> int:
        return min(n - 1, max(0, int(math.floor((ORIGIN_SHIFT - y) / size))))

    # a bound lying exactly on a tile edge must not pull in the next tile
    eps = size * 1e-9
    return col(xmin), row(ymax), col(xmax - eps), row(ymin + eps)


def count_tiles(bounds_3857: tuple[float, float, float, float], zoom_min: int, zoom_max: int) -> int:
    total = 0
    for z in range(zoom_min, zoom_max + 1):
        x0, y0, x1, y1 = tile_range(bounds_3857, z)
        total += (x1 - x0 + 1) * (y1 - y0 + 1)
    return total


def iter_tiles(bounds_3857: tuple[float, float, float, float], zoom_min: int, zoom_max: int) -> Iterator[Tile]:
    for z in range(zoom_min, zoom_max + 1):
        x0, y0, x1, y1 = tile_range(bounds_3857, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield Tile(z, x, y)


def lonlat_bounds(bounds_3857: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Web Mercator bounds as ``(west, south, east, north)`` degrees (for the MBTiles ``bounds`` metadata)."""

    def lon(x: float) -> float:
        return x / ORIGIN_SHIFT * 180.0

    def lat(y: float) -> float:
        return math.degrees(2 * math.atan(math.exp(y / ORIGIN_SHIFT * math.pi)) - math.pi / 2)

    xmin, ymin, xmax, ymax = bounds_3857
    return lon(xmin), lat(ymin), lon(xmax), lat(ymax)


MBTILES_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB, "
    "PRIMARY KEY (zoom_level, tile_column, tile_row))",
)


def mbtiles_metadata(
    name: str, bounds_3857, zoom_min: int, zoom_max: int, image_format: str, attribution: str = ""
) -> dict[str, str]:
    west, south, east, north = lonlat_bounds(bounds_3857)
    meta = {
        "name": name,
        "type": "baselayer",
        "version": "1.0",
        "description": name,
        "format": image_format,
        "bounds": f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}",
        "center": f"{(west + east) / 2:.6f},{(south + north) / 2:.6f},{zoom_min}",
        "minzoom": str(zoom_min),
        "maxzoom": str(zoom_max),
    }
    if attribution:
        meta["attribution"] = attribution
    return meta
