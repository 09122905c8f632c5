"""One build of an answer at a time: concurrent identical requests wait for the first one's body.

A build is claimed per cache key: in this process by a threading.Event the other threads sleep on,
across processes by an entry added to the shared cache (`cache.add` is atomic in Redis and in local
memory), which other processes poll with growing pauses. Every wait is bounded by BUILD_WAIT: past
it, or when the builder ends without a body (a 400, an error), a waiter builds the answer itself.
Should the shared cache be unreachable, nobody waits for anybody.
"""
import secrets
import threading
import time

from django.core.cache import cache

BUILD_WAIT = 30  # seconds: several times the slowest build measured (3.7 s for known_at= at XL)
LOCK_TIMEOUT = 2 * BUILD_WAIT  # a crashed builder's claim expires by itself
FIRST_PAUSE, LONGEST_PAUSE = 0.02, 0.5  # seconds between two looks at the shared cache


class Lease:
    """This request builds the answer under `key`; release() lets the waiting ones read it."""

    def __init__(self, builds, key, event, token):
        self.builds, self.key, self.event, self.token = builds, key, event, token

    def release(self):
        if self.token is not None and cache.get(self.builds.lock_key(self.key)) == self.token:
            cache.delete(self.builds.lock_key(self.key))
        if self.event is not None:
            self.builds.finish(self.key, self.event)


class Builds:
    def __init__(self):
        self._lock = threading.Lock()
        self._building = {}  # key -> Event set when this process's build of it ends
        self.started = 0  # builds leased by this process (for tests and figures)

    @staticmethod
    def lock_key(key):
        return f"{key}:building"

    def finish(self, key, event):
        with self._lock:
            if self._building.get(key) is event:
                del self._building[key]
        event.set()

    def lease(self, key, ready):
        """(None, Lease) when this request is to build the answer under `key`; (answer, None) when
        `ready()` returned the answer another request built meanwhile."""
        deadline = time.monotonic() + BUILD_WAIT
        while True:
            with self._lock:
                event = self._building.get(key)
                mine = event is None
                if mine:
                    event = self._building[key] = threading.Event()
            if mine:
                break
            event.wait(max(0.0, deadline - time.monotonic()))
            if (answer := ready()) is not None:
                return answer, None
            if time.monotonic() >= deadline:
                return None, self._started(Lease(self, key, None, None))
        # This process builds; does another one already?
        token, pause = secrets.token_hex(8), FIRST_PAUSE
        while True:
            added = cache.add(self.lock_key(key), token, LOCK_TIMEOUT)
            if added or added is None or time.monotonic() >= deadline:  # None: the cache is unreachable
                return None, self._started(Lease(self, key, event, token if added else None))
            time.sleep(pause)
            pause = min(pause * 1.5, LONGEST_PAUSE)
            if (answer := ready()) is not None:
                self.finish(key, event)
                return answer, None

    def _started(self, lease):
        with self._lock:
            self.started += 1
        return lease


builds = Builds()
