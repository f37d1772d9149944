# Prato Smart City QGIS plugin. `make run` and `make test` are all a fresh Debian 12 machine needs.
PYTHON ?= /usr/bin/python3
export QT_QPA_PLATFORM ?= offscreen
PYTEST = $(PYTHON) -m pytest
PY_SOURCES = $(shell find prato_smartcity_plugin -name '*.py' | sort)
UI_FILES = $(wildcard resources/ui/*.ui)
TS_FILE = resources/i18n/prato_smartcity_it.ts

.PHONY: api api-stop deps test test-suite test-unit test-qgis test-e2e test-ltr ltr-root translations run package bench demo

deps:
	@scripts/install-deps.sh

# The whole suite on the machine's QGIS (3.22 on Debian 12).
test: deps test-suite

test-suite:
	$(PYTEST) tests

test-unit:
	$(PYTEST) tests/unit

test-qgis: deps
	$(PYTEST) tests/qgis

# The same suite on QGIS 3.40 LTR, in a Debian trixie root built with debootstrap (reused when present).
ltr-root:
	scripts/ltr.sh build

test-ltr: ltr-root
	scripts/ltr.sh run make test-suite PYTHON=/usr/bin/python3

# Refresh the Italian translation source from the code and .ui files, and compile it.
translations:
	pylupdate5 -noobsolete $(PY_SOURCES) $(UI_FILES) -ts $(TS_FILE)
	status=0; /usr/bin/python3 scripts/i18n_fill.py --ts $(TS_FILE) || status=$$?; \
	lrelease -silent $(TS_FILE) -qm $(TS_FILE:.ts=.qm) && exit $$status

# The real QGIS desktop under Xvfb, with the packaged ZIP installed into a fresh profile.
test-e2e: deps
	$(PYTEST) tests/e2e

# QGIS with the plugin (staged from exactly what `make package` ships) and the Prato demo project, in a dedicated
# profile under .cache/profiles. Without a display: Xvfb :99 & make run DISPLAY=:99
run: deps
	@$(PYTHON) scripts/qgis_desktop.py

package:
	@$(PYTHON) scripts/package.py

bench: deps
	@for script in bench/*.py; do echo "== $$script"; $(PYTHON) $$script $(BENCH_ARGS) || exit 1; done

# Rebuild resources/demo from ../shared/data/prato (output committed).
demo:
	$(PYTHON) scripts/build_demo.py

# The municipal API reference stack (PostgreSQL/PostGIS, pygeoapi, nginx with basic auth) on loopback, started by
# hand: prints the URL and the credentials to put in the options (a QGIS auth config). `make api-stop` stops it.
api: deps
	@$(PYTHON) scripts/api_stack.py start

api-stop:
	@$(PYTHON) scripts/api_stack.py stop
