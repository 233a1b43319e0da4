"""One family of errors: everything geokit raises on purpose is a ``GeokitError``.

Why: a caller (and the CLI) can tell "the input, the gazetteer or an output is wrong, here is what
to do" from a bug. The CLI prints a ``GeokitError`` (or an ``OSError``) as one line and an exit
code; anything else is a bug and keeps its traceback. Subclasses keep the built-in base that
callers already catch (``ValueError`` for bad values, ``RuntimeError`` for a state the machine is
in), like geopy's ``GeopyError`` family.
"""

from __future__ import annotations


class GeokitError(Exception):
    """The root of every error geokit raises on purpose."""


class InputError(GeokitError, ValueError):
    """An input document, file or parameter cannot be read as what was expected."""


class GazetteerError(GeokitError, RuntimeError):
    """The gazetteer store is missing, broken, or cannot be built or opened where it should be."""


class ResolutionError(GeokitError, ValueError):
    """A place name or a focus/prior cannot be resolved the way it was asked."""


class ExportError(GeokitError, ValueError):
    """Results cannot be written where or how they were asked (format, path, sink)."""


class MapError(GeokitError, ValueError):
    """A map cannot be built offline from what it was given."""


class BatchError(GeokitError, RuntimeError):
    """A batch run cannot go on (workers cannot start, a worker died holding work)."""


class UsageError(GeokitError, ValueError):
    """A command-line option or argument is wrong (the CLI shows it with the command's name)."""


__all__ = [
    "BatchError", "ExportError", "GazetteerError", "GeokitError", "InputError", "MapError",
    "ResolutionError", "UsageError",
]
