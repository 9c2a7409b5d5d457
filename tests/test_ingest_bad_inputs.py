"""Each class of bad input, through the reader and the pipeline: a coded failure that
names the input, and the good input read in the same batch still gives its record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import Code
from newsgraph.ingest.inputs import Failure
from newsgraph.ingest.readers import read_paths
from newsgraph.record import Record

GOOD = "Mayor Clara Voss opened the new Harbour Bridge in Port Avalon on Tuesday, the council said.\n"
NAV_PAGE = (
    "<!doctype html><html><head><title>Site</title></head><body><nav><a href='/'>Home</a> | "
    "<a href='/about'>About</a></nav><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
    "</ul></body></html>"
)
COOKIE_WALL = (
    "<!doctype html><html><body><div class='consent'><p>We use cookies to improve your experience on our "
    "website. By continuing to browse you agree to our use of cookies.</p><button>Accept all</button> "
    "<a href='/privacy'>Privacy policy</a></div></body></html>"
)
APP_SHELL = (
    "<!doctype html><html><body><div id='root'></div><noscript>You need to enable JavaScript to run this "
    "app.</noscript><script>start()</script></body></html>"
)


def _empty(folder: Path) -> tuple[str, str]:
    (folder / "empty.txt").write_bytes(b"")
    return str(folder / "empty.txt"), str(folder / "empty.txt")


def _binary(folder: Path) -> tuple[str, str]:
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return str(folder / "scan.txt"), str(folder / "scan.txt")


def _invalid_utf8(folder: Path) -> tuple[str, str]:
    (folder / "latin1.txt").write_bytes(("Le café était fermé à Noël, dit-on. " * 20).encode("latin-1"))
    return str(folder / "latin1.txt"), str(folder / "latin1.txt")


def _fifty_mb(folder: Path) -> tuple[str, str]:
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written
    return str(folder / "huge.txt"), str(folder / "huge.txt")


def _page(name: str, page: str):
    def make(folder: Path) -> tuple[str, str]:
        (folder / name).write_text(page, encoding="utf-8")
        return str(folder / name), str(folder / name)

    return make


def _malformed_jsonl(folder: Path) -> tuple[str, str]:
    path = folder / "batch.jsonl"
    path.write_text(json.dumps({"id": "fine", "text": GOOD}) + "\n{not json\n", encoding="utf-8")
    return str(path), f"{path}:2"


def _missing(folder: Path) -> tuple[str, str]:
    return str(folder / "no-such-file.txt"), str(folder / "no-such-file.txt")


CASES = {
    "empty": (_empty, Code.EMPTY),
    "binary": (_binary, Code.BINARY),
    "invalid-utf8": (_invalid_utf8, Code.ENCODING),
    "50mb": (_fifty_mb, Code.TOO_LARGE),
    "navigation-page": (_page("nav.html", NAV_PAGE), Code.NOT_ARTICLE),
    "cookie-wall": (_page("cookies.html", COOKIE_WALL), Code.NOT_ARTICLE),
    "app-shell": (_page("shell.html", APP_SHELL), Code.NOT_ARTICLE),
    "malformed-jsonl-line": (_malformed_jsonl, Code.BAD_JSON),
    "nonexistent-path": (_missing, Code.NOT_FOUND),
}


@pytest.mark.parametrize("case", list(CASES))
def test_ingest_bad_inputs_each_class_fails_alone_with_its_code(case, tmp_path, pipeline):
    make, code = CASES[case]
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad, named = make(tmp_path)
    results = list(pipeline.pipe(read_paths([bad, str(tmp_path / "good.txt")])))
    failures = [r for r in results if isinstance(r, Failure)]
    records = [r for r in results if isinstance(r, Record)]
    assert len(failures) == 1, failures
    (failure,) = failures
    assert failure.code is code, str(failure)
    assert named in str(failure) and failure.reason
    assert any(r.metadata.source == str(tmp_path / "good.txt") and r.text == GOOD for r in records)
