"""The benchmark's WSGI entry point: ControlMap itself, plus plain files under /bench-static/.

With DEBUG off Django serves no /static/ files (in production a CDN or the front server does); here
Django's own static files handler serves them so that the map page works on the bench server.

The load test compares the cached snapshot with a static file of the same size served by the same
gunicorn workers; the file goes out through the server's file wrapper (sendfile), the best a
Python worker can do for static bytes.
"""
import os
from pathlib import Path

from django.contrib.staticfiles.handlers import StaticFilesHandler

from controlmap.wsgi import application

controlmap = StaticFilesHandler(application)

STATIC = Path(os.environ.get("BENCH_STATIC_DIR", Path(__file__).resolve().parent.parent / "data" / "bench" / "static"))
PREFIX = "/bench-static/"


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if not path.startswith(PREFIX):
        return controlmap(environ, start_response)
    name = path[len(PREFIX):]
    target = STATIC / name
    if "/" in name or not name or not target.is_file():
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    handle = open(target, "rb")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(target.stat().st_size))])
    wrapper = environ.get("wsgi.file_wrapper")
    return wrapper(handle, 1 << 16) if wrapper else iter(lambda: handle.read(1 << 16), b"")
