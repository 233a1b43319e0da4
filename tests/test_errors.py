"""One error family: what geokit raises on purpose is a GeokitError; the CLI tells those from bugs."""

from __future__ import annotations

import pytest

from geokit import cli, errors
from geokit.batch.inputs import InputProblem
from geokit.batch.sinks import SinkError
from geokit.batch.tasks import WorkerDied
from geokit.gazetteer.store import GazetteerError
from geokit.maps.assets import OfflineAssetError
from geokit.parsing.dates import parse_date


@pytest.mark.parametrize("cls, base", [
    (InputProblem, ValueError), (SinkError, ValueError), (WorkerDied, RuntimeError),
    (GazetteerError, RuntimeError), (OfflineAssetError, ValueError),
])
def test_every_error_class_has_the_common_root_and_keeps_its_base(cls, base):
    assert issubclass(cls, errors.GeokitError)
    assert issubclass(cls, base)


def test_a_bad_value_is_an_input_error_and_still_a_value_error():
    with pytest.raises(errors.InputError):
        parse_date("not a date at all")
    with pytest.raises(ValueError):
        parse_date("not a date at all")


def _run_with(monkeypatch, exc: BaseException, capsys) -> tuple[int, str]:
    def boom(args):
        raise exc

    parser = cli.build_parser()
    real = parser.parse_args

    def parse_args(argv=None):
        ns = real(argv)
        ns.func = boom
        return ns

    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    monkeypatch.setattr(parser, "parse_args", parse_args)
    monkeypatch.delenv("GEOKIT_DEBUG", raising=False)
    rc = cli.main(["resolve", "Idlib"])
    return rc, capsys.readouterr().err


def test_cli_prints_a_geokit_error_as_one_line(monkeypatch, capsys):
    rc, err = _run_with(monkeypatch, errors.InputError("the file is not a report"), capsys)
    assert rc == 1
    assert err.strip() == "geokit resolve: error: the file is not a report"


def test_cli_prints_an_os_error_as_one_line(monkeypatch, capsys):
    rc, err = _run_with(monkeypatch, PermissionError(13, "Permission denied", "/x/out.csv"), capsys)
    assert rc == 1
    assert "Traceback" not in err and "/x/out.csv" in err


def test_cli_shows_a_bug_with_its_traceback(monkeypatch, capsys):
    rc, err = _run_with(monkeypatch, KeyError("oops"), capsys)
    assert rc == cli.EXIT_BUG == 70
    assert "Traceback" in err and "KeyError" in err and "bug" in err
