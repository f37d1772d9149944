"""The open data catalogue: CKAN API v3 portals, their resources and the offline cache, in pure Python.

``ckan`` is the one CKAN client (requests go through an injected transport function, so the core stays Qt-free);
``formats`` names and sniffs resource formats; ``archive``, ``kml`` and ``csvsniff`` read untrusted files safely;
``cache`` is the offline index; ``service`` ties them together (search online or offline, fetch into the cache).
"""
