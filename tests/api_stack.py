"""The municipal API reference stack (scripts/api_stack.py: PostgreSQL/PostGIS, pygeoapi, nginx) as a session
fixture: started once for the tests that ask for it, stopped at the end of the session."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "api_stack.py"


def load_stack_module():
    spec = importlib.util.spec_from_file_location("prato_api_stack", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def api_stack():
    module = load_stack_module()
    directory = Path(tempfile.mkdtemp(prefix="prato-api-test-"))
    stack = module.start(directory)
    try:
        yield stack
    finally:
        module.stop(directory)


@pytest.fixture()
def api(api_stack):
    """The stack with empty collections."""
    api_stack.psql("TRUNCATE intervention_records, attachment_records")
    yield api_stack
