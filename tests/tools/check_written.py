#!/usr/bin/env python3
"""Score geokit's events on reports written for the project, with the shared scorer's own matching.

Usage: check_written.py GEOKIT_CLI GOLD_JSON [check_events.py options]

``../shared/tools/check_events.py`` rebuilds texts from the public corpora only. A gold file of reports
written for the project (``tests/data/events_written/*.json``) carries each text in its document (``"text"``),
so this wrapper hands those texts to the same scorer: matching, recall and precision are check_events.py's.
The scorer is found beside the repository (``../shared/tools``) or at ``$CHECK_EVENTS``.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer_path() -> str:
    for path in [os.environ.get("CHECK_EVENTS"), os.path.join(HERE, "..", "..", "..", "shared", "tools",
                                                              "check_events.py")]:
        if path and os.path.isfile(path):
            return path
    sys.exit("cannot find check_events.py: set CHECK_EVENTS to its path")


def main() -> None:
    spec = importlib.util.spec_from_file_location("check_events", scorer_path())
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)

    def load_docs(gold: dict) -> list[dict]:
        docs = []
        for d in gold["documents"]:
            text = d.get("text")
            if not isinstance(text, str):
                mod.fail(f"{d['corpus']}:{d['id']} has no text")
            if " ".join(text.split()[:8]) != d["first_words"]:
                mod.fail(f"{d['corpus']}:{d['id']} misaligned with its first_words")
            docs.append({"id": f"{d['corpus']}:{d['id']}", "text": text, "published": d["published"]})
        return docs

    mod.load_docs = load_docs
    mod.main()


if __name__ == "__main__":
    main()
