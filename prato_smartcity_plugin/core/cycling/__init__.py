"""The cycle network: the typed cycle-path schema and its OSM tag mapping (``schema``), input cleaning (``geometry``),
network measures (``network``), missing links (``links``), catchment (``catchment``) and reports with before/after
comparison (``report``). Pure Python, shapely and numpy; coordinates are projected metres."""
