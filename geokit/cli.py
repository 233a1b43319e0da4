"""geokit: offline geoparsing, events and maps for conflict and displacement news.

Each subcommand lives in ``geokit/commands/<name>.py`` with ``register(subparsers)``
(which sets ``func`` on its parser). Errors the user can act on
(``GeokitError``, ``OSError``) are one clear line on stderr and exit code 1 (GEOKIT_DEBUG=1 shows the
traceback); anything else is a bug and keeps its traceback, with a line asking to report it (exit 70,
sysexits' EX_SOFTWARE). Exit 3 means some inputs failed and the others were written.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from geokit.errors import GeokitError, UsageError

COMMANDS = ["gazetteer", "resolve", "parse", "eval", "events", "map", "demo", "batch", "bench"]



EXIT_BUG = 70  # sysexits EX_SOFTWARE: distinct from 1 (nothing done) and 3 (some inputs failed)
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


# Exit status when stdout was closed before everything was written (`geokit parse ... | head`):
# 128 + SIGPIPE, what a shell reports for a program killed by the broken pipe.
EXIT_BROKEN_PIPE = 141


class _QuietStderr:
    """stderr that never fails the command: once it is closed (`2>&1 | head -1`, `2>&-`), messages are
    dropped. Why: a lost warning is no reason to stop writing results, let alone to exit 0 half-way."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.broken = stream is None

    def write(self, s: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(s)
            except (OSError, ValueError):
                self._break()
        return len(s)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._break()

    def _break(self) -> None:
        self.broken = True
        _to_devnull(self._stream)  # so the interpreter's own flush at exit fails quietly too

    def isatty(self) -> bool:
        try:
            return not self.broken and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _to_devnull(stream) -> None:
    """Point a broken standard stream's file descriptor at /dev/null."""
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def _guard_stderr() -> object:
    real = sys.stderr
    if real is None:  # started with fd 2 closed: keep it taken, so no output file can land on it
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            if fd != 2:
                os.close(fd)
        except OSError:
            pass
    sys.stderr = _QuietStderr(real)
    return real


def main(argv: list[str] | None = None) -> int:
    real_stderr = _guard_stderr()
    try:
        return _main(argv)
    finally:
        if isinstance(sys.stderr, _QuietStderr) and not sys.stderr.broken:
            sys.stderr = real_stderr


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        rc = args.func(args)
        sys.stdout.flush()  # a broken pipe found now is still this command's failure
        return int(rc or 0)
    except KeyboardInterrupt:
        print("geokit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _to_devnull(sys.stdout)
        print(f"geokit {args.command}: error: the output pipe was closed before everything was written",
              file=sys.stderr)
        return EXIT_BROKEN_PIPE
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
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
