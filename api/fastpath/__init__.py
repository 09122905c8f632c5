"""The API's speed plumbing, behind one interface, so the views read as plain DRF.

Each piece is here because a measurement asked for it (the module docstrings give the figures), and
several reach into private parts of Django, DRF, psycopg or django-redis; tests/api/test_fastpath.py
pins each such touch, so an upgrade that breaks one fails there, by name.

Building an answer
  gc_paused()                 context manager and decorator: no cyclic collection during a build
                              of many small objects (memory)
  ReleasedAfterSending        DRF view mixin: a sent response lets go of its view, so its body is
                              freed at once, not at the next full collection (memory)
  stream_rows(cursor, sql, params)
                              a query's rows as they arrive, as bytes on PostgreSQL (streaming)
  chunked_cursor(connection)  a cursor fetching rows in chunks as they are read (streaming)
  builds.lease(key, ready)    one build per cache key at a time; identical requests wait for it
                              and read its body (coalescing)

Keeping answers (used by api.caching)
  key_text(values)            the cache key's text for parsed parameters (keys)
  last_event(moment, version) the moment whose record a known_at= moment sees (keys)
  local_bodies, shared_bodies this process's copies of bodies, and the shared cache's (bodies)
  with_echo, ECHO, streamed   a kept body renamed to another known_at moment; a body sent in pieces

Limiting clients
  PublicThrottle, ExpensiveThrottle
                              anonymous rate limits in fixed windows, one cache increment per
                              request (throttles)
"""
from .bodies import ECHO, local_bodies, shared_bodies, streamed, with_echo
from .coalescing import builds
from .keys import key_text, last_event
from .memory import ReleasedAfterSending, gc_paused
from .streaming import chunked_cursor, stream_rows
from .throttles import ExpensiveThrottle, PublicThrottle

__all__ = [
    "ECHO", "ExpensiveThrottle", "PublicThrottle", "ReleasedAfterSending", "builds", "chunked_cursor", "gc_paused",
    "key_text", "last_event", "local_bodies", "shared_bodies", "stream_rows", "streamed", "with_echo",
]
