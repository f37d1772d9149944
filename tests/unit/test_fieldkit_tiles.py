from prato_smartcity_plugin.core.fieldkit import plan, tiles

# Piazza del Duomo, Prato (11.0965 E, 43.8811 N) in Web Mercator, as GDAL/PROJ computes it
DUOMO = (1235256.73, 5447060.53)


def test_tile_bounds_and_ranges_agree():
    tile = tiles.Tile(15, 17543, 11868)
    xmin, ymin, xmax, ymax = tile.bounds_3857()
    assert tiles.tile_range((xmin, ymin, xmax, ymax), 15) == (17543, 11868, 17543, 11868)
    assert tile.tms_y == (1 << 15) - 1 - 11868


def test_duomo_falls_in_the_expected_tile():
    # the OSM slippy-map formulas give tile 15/17394/11930 for that point
    x0, y0, x1, y1 = tiles.tile_range((DUOMO[0], DUOMO[1], DUOMO[0] + 1, DUOMO[1] + 1), 15)
    assert (x0, y0, x1, y1) == (17394, 11930, 17394, 11930)
    west, south, east, north = tiles.lonlat_bounds(tiles.Tile(15, x0, y0).bounds_3857())
    assert west <= 11.0965 <= east and south <= 43.8811 <= north


def test_count_grows_by_four_per_zoom_level():
    box = tiles.Tile(10, 544, 371).bounds_3857()
    assert [tiles.count_tiles(box, z, z) for z in (10, 11, 12)] == [1, 4, 16]
    assert tiles.count_tiles(box, 10, 12) == 21 == len(list(tiles.iter_tiles(box, 10, 12)))


def test_layers_that_cannot_go_offline_are_refused_with_a_reason():
    kit = plan.make_plan(
        [
            plan.LayerDescription("a", "Ciclabili", "vector", "ogr"),
            plan.LayerDescription("b", "OSM", "raster", "wms"),
            plan.LayerDescription("c", "Interventi", "vector", "ogr", is_interventions_store=True),
            plan.LayerDescription("d", "Mesh", "mesh", "mdal"),
            plan.LayerDescription("e", "Broken", "vector", "ogr", valid=False),
        ]
    )
    assert [d.action for d in kit.decisions] == [
        plan.Action.COPY_VECTOR,
        plan.Action.CACHE_TILES,
        plan.Action.COPY_STORE,
        plan.Action.REFUSE,
        plan.Action.REFUSE,
    ]
    assert all(d.reason for d in kit.refused)
    assert plan.human_size(1536) == "1.5 KB"
