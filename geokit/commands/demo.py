"""``geokit demo [FILES...] [-o outputs]``: the main job (see ``geokit.batch.mainjob``).

Builds the gazetteer when needed, reads the demo corpus (or the files, folders or JSONL
named), extracts and links events and movements, and writes the border map, the tables and
the GeoJSON to the output folder, then prints a short summary.
"""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("demo", help="the main job: reports -> events, movements, border map and tables in outputs/")
    p.add_argument("inputs", nargs="*", metavar="FILE",
                   help="text files, folders, globs or JSONL documents (default: the built-in demo corpus)")
    p.add_argument("-o", "--output", default="outputs", metavar="DIR", help="output folder (default: %(default)s)")
    p.add_argument("--published", help="published date (YYYY-MM-DD) for reports that carry none")
    p.add_argument("--title", help="title shown on the map")
    p.set_defaults(func=_run)


def _run(args) -> int:
    from geokit.batch.mainjob import run_main

    result = run_main(args.inputs or None, args.output, published=args.published, title=args.title)
    print(result.summary())
    return 0
