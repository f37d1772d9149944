"""The core is pure Python: it must import and work with ``qgis`` (and Qt) unavailable."""

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_core_module_imports_without_qgis():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip"):
                    raise ImportError("blocked in the core: " + name)
                return None
        sys.meta_path.insert(0, Block())
        import prato_smartcity_plugin.core as core
        names = [m.name for m in pkgutil.walk_packages(core.__path__, "prato_smartcity_plugin.core.")]
        for name in names:
            importlib.import_module(name)
        assert not any(n.split(".")[0] in ("qgis", "PyQt5") for n in sys.modules)
        print(len(names))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 4  # errors, i18n, log, interventions.schema at least


def test_blocker_really_blocks_qgis():
    """Guards the test above against passing vacuously."""
    script = (
        "import sys\n"
        "class B:\n"
        "    def find_spec(self, n, p=None, t=None):\n"
        "        if n.split('.')[0] == 'qgis': raise ImportError(n)\n"
        "sys.meta_path.insert(0, B())\n"
        "import prato_smartcity_plugin.plugin\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert result.returncode != 0 and "ImportError" in result.stderr
