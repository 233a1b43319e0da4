"""geokit: offline geoparsing, events and maps for conflict and displacement news.

Each subcommand lives in ``geokit/commands/<name>.py`` with ``register(subparsers)``
(which sets ``func`` on its parser). Errors the user can act on
(``GeokitError``, ``OSError``) are one clear line on stderr and exit code 1 (GEOKIT_DEBUG=1 shows the
traceback); anything else is a bug and keeps its traceback, with a line asking to report it (exit 3).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from geokit.errors import GeokitError, UsageError

COMMANDS = ["gazetteer", "resolve", "parse", "eval", "events", "map", "demo", "batch", "bench"]



CLIError = UsageError  # an error the user can act on, printed as one line


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
    except (GeokitError, OSError) as exc:  # the user can act on these: one clear line
        if os.environ.get("GEOKIT_DEBUG"):
            raise
        msg = str(exc) or exc.__class__.__name__
        print(f"geokit {args.command}: error: {msg}", file=sys.stderr)
        return 1
    except Exception:  # anything else is a bug: keep the traceback
        traceback.print_exc()
        print(f"geokit {args.command}: this is a bug in geokit; please report it with the traceback above "
              "and the command you ran.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
