"""What the response cache keys on: the meaning of a request, not its spelling.

Parameters are keyed by their parsed values (api.filters.Query), so the spellings of one request
share one answer and junk cannot mint new ones. An answer "as known at" a moment (?known_at=) is
keyed by the latest event at or before it: the record as known at a moment counts the published
claims known by then (known_from at or before it) and takes as superseded those superseded by then
(superseded_at at or before it), so between two such events every moment sees the same record, and
a client stepping known_at one second at a time through a year builds as many answers as there were
publications in it, not one per second.
"""
import bisect
import datetime as dt
import threading

from geo.models import Claim

_lock = threading.Lock()
_events = {}  # the events of the latest data version seen by this process: {version key: sorted moments}


def key_text(values):
    """The parsed values as sorted (name, text) pairs."""
    return tuple(sorted((name, canonical(value)) for name, value in values.items()))


def canonical(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list, frozenset, set)):
        return ",".join(canonical(item) for item in value)
    return str(value)


def events(version_key):
    """Every moment at which what is known changed, sorted, as of the data version `version_key`."""
    with _lock:
        found = _events.get(version_key)
    if found is None:
        published = Claim.objects.filter(review=Claim.Review.PUBLISHED).order_by()
        known = published.filter(known_from__isnull=False).values_list("known_from", flat=True)
        superseded = published.filter(rank=Claim.Rank.SUPERSEDED, superseded_at__isnull=False).values_list("superseded_at", flat=True)
        found = tuple(sorted(known.union(superseded)))  # UNION: one query, each moment once
        with _lock:
            _events.clear()
            _events[version_key] = found
    return found


def last_event(moment, version_key):
    """The latest event at or before `moment`; None when nothing was known yet."""
    moments = events(version_key)
    index = bisect.bisect_right(moments, moment)
    return moments[index - 1] if index else None
