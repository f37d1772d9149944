#!/usr/bin/env python3
"""Fill the Italian .ts from the dictionary kept in resources/i18n/prato_smartcity_it.json.

``make translations`` runs pylupdate5, then this script, then lrelease. The script:

* files the messages pylupdate5 puts in ``@default`` under ``PratoSmartCity``: they come from the module-level
  ``tr(text)`` helpers (pylupdate5 files any bare ``tr("...")`` under ``@default``), and every one of those helpers
  translates in the context ``"PratoSmartCity"`` (tests/unit/test_translations_source.py checks it);
* gives every message the translation the dictionary holds for its source text (a key ``"Context|source"`` wins over
  the plain ``"source"`` key, for the rare text that needs another wording in one place);
* lists the source texts the dictionary lacks (``--missing FILE`` writes them as a JSON skeleton) and exits with 1
  when there are any, leaving those messages ``unfinished``.

Usage: python3 scripts/i18n_fill.py [--ts resources/i18n/prato_smartcity_it.ts] [--missing missing.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "prato_smartcity_it.ts"
DICTIONARY = ROOT / "resources" / "i18n" / "prato_smartcity_it.json"
CONTEXT = "PratoSmartCity"
DEFAULT_CONTEXT = "@default"


def load_dictionary(path: Path = DICTIONARY) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def normalise_contexts(root: ET.Element) -> None:
    """Move the messages of ``@default`` into ``PratoSmartCity`` (creating it if needed), without duplicates."""
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    default = contexts.get(DEFAULT_CONTEXT)
    if default is None:
        return
    target = contexts.get(CONTEXT)
    if target is None:
        default.find("name").text = CONTEXT
        return
    known = {m.findtext("source"): m for m in target.findall("message")}
    for message in default.findall("message"):
        source = message.findtext("source")
        if source in known:  # same text in both: keep one message, with all its locations
            kept = known[source]
            for location in message.findall("location"):
                kept.insert(len(kept.findall("location")), location)
        else:
            target.append(message)
            known[source] = message
    root.remove(default)


def messages(root: ET.Element):
    """(context name, message element) for every message of the .ts."""
    for context in root.findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            yield name, message


def fill(root: ET.Element, dictionary: dict[str, str]) -> list[tuple[str, str]]:
    """Set every translation the dictionary knows; return the (context, source) pairs it does not know."""
    missing = []
    for context, message in messages(root):
        source = message.findtext("source")
        text = dictionary.get(f"{context}|{source}", dictionary.get(source))
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append((context, source))
            translation.set("type", "unfinished")
    return missing


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    tree.getroot().set("language", "it_IT")
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS)
    parser.add_argument("--dictionary", type=Path, default=DICTIONARY)
    parser.add_argument("--missing", type=Path, help="write the untranslated sources here as a JSON skeleton")
    args = parser.parse_args(argv)
    tree = ET.parse(args.ts)
    normalise_contexts(tree.getroot())
    missing = fill(tree.getroot(), load_dictionary(args.dictionary))
    write_ts(tree, args.ts)
    if args.missing:
        args.missing.write_text(json.dumps({s: "" for _, s in missing}, ensure_ascii=False, indent=1),
                                encoding="utf-8")
    for context, source in missing:
        print(f"untranslated [{context}]: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
