# Prato Smart City QGIS plugin. `make run` and `make test` are all a fresh Debian 12 machine needs.
PYTHON ?= /usr/bin/python3
export QT_QPA_PLATFORM ?= offscreen
PYTEST = $(PYTHON) -m pytest

.PHONY: deps test test-unit test-qgis

deps:
	@scripts/install-deps.sh

test: deps
	$(PYTEST) tests

test-unit:
	$(PYTEST) tests/unit

test-qgis: deps
	$(PYTEST) tests/qgis
