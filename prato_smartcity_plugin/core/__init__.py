"""The pure-Python core of the plugin: no ``qgis`` import anywhere below this package (a test enforces it)."""
