"""Progress for long commands: a bar with its total on a terminal, nothing in a pipe or in CI.

Why one helper: every command must behave the same in a terminal, a pipe and CI. The bar is
drawn only when stderr is a terminal (``--quiet`` or ``GEOKIT_PROGRESS=0`` turn it off,
``GEOKIT_PROGRESS=1`` forces it), always knows its total when the inputs can be counted, and
is never tested for truth (a tqdm bar without a total has no ``bool()``).
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any


class NoBar:
    """The bar of a pipe: accepts every call, draws nothing."""

    total: int | None = None
    n: int = 0

    def update(self, n: int = 1) -> None:
        self.n += n

    def set_postfix(self, *args: Any, **kw: Any) -> None:
        pass

    def set_description(self, *args: Any, **kw: Any) -> None:
        pass

    def close(self) -> None:
        pass

    def write(self, text: str) -> None:
        print(text, file=sys.stderr)


def beside(bar, out):
    """A context for writing results to ``out`` while a bar is drawn: on a shared terminal the bar is
    lifted off its line first and redrawn after, so rows and bar never share a line."""
    import contextlib

    try:
        shared = not isinstance(bar, NoBar) and out.isatty()
    except (AttributeError, ValueError):
        shared = False
    if not shared:
        return contextlib.nullcontext()
    from tqdm import tqdm

    return tqdm.external_write_mode(file=out)


def wanted(quiet: bool = False) -> bool:
    """Whether to draw a bar: stderr is a terminal and nobody said otherwise."""
    if quiet:
        return False
    forced = os.environ.get("GEOKIT_PROGRESS", "").strip().lower()
    if forced in ("0", "no", "false", "off"):
        return False
    if forced in ("1", "yes", "true", "on"):
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


def bar(desc: str, total: int | None = None, *, unit: str = "report", quiet: bool = False):
    """A tqdm bar on stderr when ``wanted``, else a ``NoBar``; use ``is_bar`` rather than ``bool()``."""
    if not wanted(quiet):
        return NoBar()
    from tqdm import tqdm

    try:
        sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (OSError, ValueError, AttributeError):
        sized = False
    # a terminal that reports no width (some CI consoles, fresh pseudo-terminals) gets $COLUMNS or 80
    size = None if sized else shutil.get_terminal_size((80, 24))
    return tqdm(desc=desc, total=total, unit=unit, file=sys.stderr, mininterval=0.3, smoothing=0.1,
                dynamic_ncols=sized, ncols=size and size.columns, nrows=size and (size.lines or 24),
                leave=True)


class Ticking(list):
    """A list whose iteration draws a bar: hand it to a consumer (``geokit.extract``) to see it progress."""

    def __init__(self, items, desc: str, *, quiet: bool = False, unit: str = "report") -> None:
        super().__init__(items)
        self.desc, self.quiet, self.unit = desc, quiet, unit

    def __iter__(self):
        b = bar(self.desc, len(self), unit=self.unit, quiet=self.quiet)
        try:
            for item in super().__iter__():
                yield item
                b.update(1)
        finally:
            b.close()


def ticking(items, desc: str, *, quiet: bool = False, unit: str = "report") -> Ticking:
    """``items`` as a list whose iteration counts on a bar as the consumer takes each item."""
    return Ticking(items, desc, quiet=quiet, unit=unit)


def say(b, line: str) -> None:
    """A message on stderr that does not tear a drawn bar apart."""
    if isinstance(b, NoBar):
        print(line, file=sys.stderr)
    else:
        b.write(line, file=sys.stderr)


def count_inputs(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (None for stdin or on doubt)."""
    from geokit.batch.inputs import count_documents

    try:
        return count_documents(inputs)
    except Exception:  # counting is a nicety: the bar then runs without a total
        return None


def stdin_hint(command: str, inputs: list[str]) -> None:
    """Reading a terminal's stdin waits for typing: say so rather than look hung."""
    if "-" in inputs:
        try:
            interactive = sys.stdin.isatty()
        except (AttributeError, ValueError):
            interactive = False
        if interactive:
            print(f"geokit {command}: reading a report from the terminal; end it with Ctrl-D "
                  f"(or give files: geokit {command} FILE...)", file=sys.stderr, flush=True)


def summary(command: str, text: str) -> None:
    """The one line every command ends with, on stderr."""
    print(f"geokit {command}: {text}", file=sys.stderr, flush=True)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
