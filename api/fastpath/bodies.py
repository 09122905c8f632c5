"""Where cached bodies live: the shared cache, and this process's copies of the ones it served last.

Django's cache pickles a value, which copies a body on every store and every read, and at 50,000
places a snapshot is 57 MB: on Redis (REDIS_URL) a body is stored as it is, through django-redis's
raw client (`SharedBodies`). Reading a body of megabytes out of Redis still costs most of a cached
answer's time, so each process also keeps the bodies it served last, as bytes, in a small LRU
bounded by API_CACHE_LOCAL_BYTES (`LocalBodies`), under the same keys. It is a copy of the shared
cache, never a source: api.caching serves a body from it only while the shared cache still holds
that key, so an expiry, a deletion or a clear of the shared cache is honoured at once, and no process
holds anything another one needs.
"""
import json
import logging
import re
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Kept beside a body built for a known_at= moment: the moment its JSON names as "known_at".
ECHO = "known_at"
ECHO_FIELD = re.compile(rb'"known_at": ?"[^"]*"')


def with_echo(content, built_with, echo):
    """A body built for another moment of the same record (`built_with`), naming `echo` as its
    known_at instead: the field comes before any nested object in every payload that has it, and a
    JSON string cannot hold an unescaped quote, so the first match is the field itself."""
    if isinstance(content, Pieces):
        return EchoedPieces(content, built_with, echo)
    return ECHO_FIELD.sub(f'"known_at":"{echo}"'.encode(), content, count=1)


class EchoedPieces:
    """Pieces read out of Redis whose first one (where the known_at field lies) names another moment."""

    def __init__(self, pieces, built_with, echo):
        self.pieces, self.echo = pieces, echo
        self.size = pieces.size + len(echo) - len(built_with)

    def __iter__(self):
        pieces = iter(self.pieces)
        yield with_echo(next(pieces), None, self.echo)
        yield from pieces


class LocalBodies:
    """This process's copies of cached bodies: (content, headers) by cache key, least recently used
    first out, never more than API_CACHE_LOCAL_BYTES of content in all (read at each store, so a
    changed bound applies from the next one). A body larger than the bound is not kept here at all."""

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()  # threaded servers share one process
        self.size = 0  # bytes of content held

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    @staticmethod
    def limit():
        return max(0, getattr(settings, "API_CACHE_LOCAL_BYTES", 0))

    def put(self, key, content, headers):
        limit = self.limit()
        with self._lock:
            if key in self._entries:
                self.size -= len(self._entries.pop(key)[0])
            if len(content) <= limit:
                self._entries[key] = (content, headers)
                self.size += len(content)
            while self.size > limit:
                _, (evicted, _) = self._entries.popitem(last=False)
                self.size -= len(evicted)

    def keys(self):
        with self._lock:
            return list(self._entries)


local_bodies = LocalBodies()


class SharedBodies:
    """(content, headers) by cache key in the shared cache.

    On Redis a body is a string of its bytes and its headers another (JSON), both under Django's
    key for it (its prefix and version, so the cache's own delete_pattern and clear reach them),
    stored and read without a pickled copy. A body larger than this process may keep
    (`LocalBodies`) is read in pieces as it is sent, so a worker serving a 57 MB snapshot from the
    cache holds 4 MB of it, not two copies. Redis being unreachable is a miss and a store skipped,
    as django-redis's IGNORE_EXCEPTIONS makes it elsewhere."""

    PIECE = 4 * 1024 * 1024

    def has(self, key):
        if not isinstance(caches["default"], RedisCache):
            return cache.has_key(key)
        return self._on_redis(key, lambda redis, name: redis.exists(name) > 0, failed=False)

    def get(self, key, whole_up_to):
        """None, or (content, headers): content is bytes, or for a body of more than `whole_up_to`
        bytes on Redis, a Pieces iterator."""
        if not isinstance(caches["default"], RedisCache):
            return cache.get(key)

        def read(redis, name):
            with redis.pipeline(transaction=False) as pipe:
                headers, size = pipe.get(f"{name}:headers").strlen(name).execute()
            if headers is None or not size:
                return None
            content = redis.get(name) if size <= whole_up_to else Pieces(redis, name, size, self.PIECE)
            return None if content is None else (content, json.loads(headers))

        return self._on_redis(key, read, failed=None)

    def put(self, key, content, headers, timeout):
        if not isinstance(caches["default"], RedisCache):
            cache.set(key, (content, headers), timeout)
            return

        def store(redis, name):
            with redis.pipeline(transaction=True) as pipe:  # the body only with its headers
                pipe.set(f"{name}:headers", json.dumps(headers), ex=timeout).set(name, content, ex=timeout).execute()

        self._on_redis(key, store, failed=None)

    @staticmethod
    def _on_redis(key, operation, failed):
        try:
            return operation(cache.client.get_client(write=True), cache.make_key(key))
        except (RedisError, OSError) as error:
            logger.warning("shared cache unreachable: %s", error)
            return failed


class Pieces:
    """A body read out of Redis piece by piece as it is sent. Should the key go (expiry, a flush)
    before the last piece, the answer fails rather than end short: its Content-Length was sent."""

    def __init__(self, redis, name, size, piece):
        self.redis, self.name, self.size, self.piece = redis, name, size, piece

    def __iter__(self):
        for start in range(0, self.size, self.piece):
            expected = min(self.piece, self.size - start)
            content = self.redis.getrange(self.name, start, start + expected - 1)
            if len(content) != expected:
                raise RuntimeError(f"cached body {self.name} left the shared cache while being sent")
            yield content


shared_bodies = SharedBodies()


def streamed(content):
    """Whether a cached body is read out of the shared cache as it is sent (not bytes at hand)."""
    return isinstance(content, (Pieces, EchoedPieces))
