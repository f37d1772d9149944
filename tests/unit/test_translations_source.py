"""Every user-facing string of the code reaches the Italian .ts: written in the forms pylupdate5 extracts, and
extracted into the committed resources/i18n/prato_smartcity_it.ts (``make translations`` was run).

pylupdate5 silently skips ``translate(CONTEXT, "text")`` (a context that is not a literal), aliases such as
``_T = QT_TRANSLATE_NOOP``, and f-strings; it files a bare ``tr("text")`` (the modules' helpers) under ``@default``,
which scripts/i18n_fill.py moves to ``PratoSmartCity`` — right only while every helper translates in that context."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "prato_smartcity_plugin"
TS = ROOT / "resources" / "i18n" / "prato_smartcity_it.ts"
CONTEXT = "PratoSmartCity"
TRANSLATING = {"translate", "QT_TRANSLATE_NOOP", "tr"}


def _name(func: ast.expr) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def problems_in(source: str, filename: str = "<source>") -> list[str]:
    """What pylupdate5 would miss or file wrongly in ``source``."""
    found = []
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id in TRANSLATING:
            found.append(f"{filename}:{node.lineno}: alias of {node.value.id} (pylupdate5 does not know it)")
        if isinstance(node, ast.FunctionDef) and node.name == "tr" and not any(
                isinstance(c, ast.Call) and _name(c.func) == "translate" and c.args and _literal(c.args[0])
                and c.args[0].value == CONTEXT for c in ast.walk(node)):
            found.append(f"{filename}:{node.lineno}: the module's tr() must translate in the context \"{CONTEXT}\"")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in TRANSLATING:
            continue
        if _name(node.func) == "tr":
            text = node.args[0] if node.args else None
        else:
            if len(node.args) < 2:
                continue
            context, text = node.args[0], node.args[1]
            if _literal(text) and not _literal(context):
                found.append(f"{filename}:{node.lineno}: the context must be the literal \"{CONTEXT}\": "
                             f"{ast.unparse(node)[:90]}")
        if isinstance(text, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(text, ast.Call) and _name(text.func) == "format"):
            found.append(f"{filename}:{node.lineno}: a built string is not extracted (translate the template, "
                         f"then format it): {ast.unparse(node)[:90]}")
    return found


def test_the_checker_catches_what_pylupdate5_misses():
    bad = '''
_T = QT_TRANSLATE_NOOP
def tr(text):
    return translate(CONTEXT, text)
a = translate(CONTEXT, "Not extracted")
b = self.tr(f"Count: {n}")
c = tr("Road " + kind)
d = QCoreApplication.translate("PratoSmartCity", "{n} items".format(n=3))
'''
    assert len(problems_in(bad)) == 6
    good = '''
def tr(text):
    return QCoreApplication.translate("PratoSmartCity", text)
a = translate("PratoSmartCity", "Extracted")
b = self.tr("Count: {n}").format(n=n)
c = translate("PratoSmartCity", KIND_LABELS[kind])
'''
    assert problems_in(good) == []


def test_the_code_writes_its_strings_in_forms_pylupdate5_extracts():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "\n".join(found)


def _contexts_and_sources(path: Path) -> set[tuple[str, str]]:
    return {(context.findtext("name"), message.findtext("source"))
            for context in ET.parse(path).getroot().findall("context") for message in context.findall("message")}


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (pyqt5-dev-tools) is not installed")
def test_every_string_of_the_code_is_in_the_committed_ts(tmp_path):
    """pylupdate5 over the current code finds no message that the committed .ts lacks."""
    sources = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))
    sources += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "resources" / "ui").glob("*.ui"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    spec = importlib.util.spec_from_file_location("i18n_fill", ROOT / "scripts" / "i18n_fill.py")
    fill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill)
    tree = ET.parse(fresh)
    fill.normalise_contexts(tree.getroot())
    fill.write_ts(tree, fresh)
    found = _contexts_and_sources(fresh)
    assert len(found) > 500  # the extraction itself works
    missing = sorted(found - _contexts_and_sources(TS))
    assert not missing, f"{len(missing)} strings are not in the .ts (run make translations): {missing[:10]}"
