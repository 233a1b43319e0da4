"""``geokit demo [FILES...] [-o outputs]``: the main job (see ``geokit.batch.mainjob``).

Builds the gazetteer when needed, reads the demo corpus (or the files, folders or JSONL
named), extracts and links events and movements, and writes the border map, the tables and
the GeoJSON to the output folder, then prints a short summary.
"""

from __future__ import annotations

import sys

from geokit.commands.batch import EXIT_PARTIAL


def register(sub) -> None:
    p = sub.add_parser("demo",
                       help="the main job: reports -> events, movements, border map and tables in outputs/")
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="text files, folders, globs or JSONL documents (default: the built-in demo corpus)")
    p.add_argument("-o", "--output", default="outputs", metavar="DIR",
                   help="output folder (default: %(default)s)")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for reports that carry none")
    p.add_argument("--title", help="title shown on the map")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (there is none anyway when stderr is not a terminal)")
    p.set_defaults(func=_run)


def _run(args) -> int:
    from geokit.batch.mainjob import run_main
    from geokit.commands import progress

    state: dict = {}

    def tick(done: int, total: int) -> None:
        if "bar" not in state:
            state["bar"] = progress.bar("geokit demo: parsing", total, quiet=getattr(args, "quiet", False))
        state["bar"].update(1)
        if done == total:
            state["bar"].close()

    try:
        result = run_main(args.inputs or None, args.output, published=args.published, title=args.title,
                          tick=tick)
    finally:
        if "bar" in state:
            state["bar"].close()
    print(result.summary())
    if result.problems:  # the outputs hold every other report; the exit status says some were left out
        print(f"geokit demo: {len(result.problems)} input(s) could not be used (listed above)",
              file=sys.stderr)
        return EXIT_PARTIAL
    return 0
