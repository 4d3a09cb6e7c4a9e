"""Serve a built site on 127.0.0.1 the way GitHub Pages does: text gzipped, its 404 page for
missing paths, a ten-minute cache header; on a free port, in a background thread.

    with serve(Path("site")) as base_url:
        ...  # e.g. http://127.0.0.1:40123/
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import mimetypes
import os
import threading
from collections.abc import Iterator
from pathlib import Path

# What GitHub Pages compresses; images such as PNG are sent as they are.
GZIP_TYPES = {
    "text/html", "text/css", "text/plain", "text/xml", "text/javascript",
    "application/javascript", "application/json", "application/xml", "image/svg+xml",
}
GZIP_LEVEL = 6
CACHE_CONTROL = "max-age=600"


def is_compressed_type(path: str | Path) -> bool:
    """Whether GitHub Pages would gzip a file of this name."""
    kind, encoding = mimetypes.guess_type(str(path))
    return encoding is None and kind in GZIP_TYPES


def gzipped(data: bytes) -> bytes:
    """Gzip data at the level the tests assume for GitHub Pages."""
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


@functools.lru_cache(maxsize=512)
def _gzipped_file(path: str, mtime_ns: int) -> bytes:
    return gzipped(Path(path).read_bytes())


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that gzips text when the client accepts it."""

    def log_message(self, *args):  # keep test and benchmark output clean
        pass

    def end_headers(self):
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and os.path.isfile(path) and is_compressed_type(path)):
            return super().send_head()
        body = _gzipped_file(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve directory on 127.0.0.1 at a free port; yield the base URL, stop on exit."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
