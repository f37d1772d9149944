"""Wi-Fi access points: the canonical schema, coverage in a projected CRS, and the choice of new sites.

- :mod:`.schema` — the one home of the access-point fields, codes, labels and default radii.
- :mod:`.geometry` — numpy point index and the shapely 1.8 / 2.x compatibility the analyses need.
- :mod:`.coverage` — access-point checks (duplicates, outside the comune, radii), coverage union, statistics, gaps.
- :mod:`.siting` — greedy max-coverage site selection with lazy evaluation (CELF), explained pick by pick.
- :mod:`.opendata` — reading the Comune di Prato's published Wi-Fi coverage areas.

Every function takes coordinates in metres (a projected CRS); the QGIS adapters reproject before calling.
"""
