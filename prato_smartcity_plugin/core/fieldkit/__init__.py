"""The field kit: what goes into an offline copy of a project, and the tile arithmetic of its basemap cache."""
