"""geokit: offline geoparsing, events and maps for conflict and displacement news.

Each subcommand lives in ``geokit/commands/<name>.py`` with ``register(subparsers)``
(which sets ``func`` on its parser). Errors are one clear line on stderr and a non-zero
exit, never a traceback (set GEOKIT_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMANDS = ["gazetteer", "resolve", "parse", "eval", "events", "map", "demo", "batch", "bench"]


class CLIError(Exception):
    """An error the user can act on; printed as one line."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="geokit", description=__doc__.splitlines()[0])
    from geokit import __version__

    parser.add_argument("--version", action="version", version=f"geokit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"geokit.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"geokit.commands.{name}":
                continue  # not built yet
            raise
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        rc = args.func(args)
        return int(rc or 0)
    except KeyboardInterrupt:
        print("geokit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one clear line, not a traceback
        if os.environ.get("GEOKIT_DEBUG"):
            raise
        msg = str(exc) or exc.__class__.__name__
        print(f"geokit {args.command}: error: {msg}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
