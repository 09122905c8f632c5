"""The anonymous rate limits, counted per client in fixed windows of the rate's period.

DRF's own throttle reads and writes back every request time of the last period: thousands of them
at a generous rate, on every request. These count one atomic increment in the cache per request,
whatever the rate, on DRF's SimpleRateThrottle attributes (`rate`, `duration`, `num_requests`,
`cache`, `timer`). The rate is read per request so settings overrides take effect. The client is its
address as controlmap.security reads it (the trusted-proxy rule), not DRF's whole X-Forwarded-For
header, which a client writes itself.
"""
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from controlmap.security import client_address


class PublicThrottle(AnonRateThrottle):
    def get_ident(self, request):
        return client_address(request)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        if self.rate is None or (key := self.get_cache_key(request, view)) is None:
            return True
        window = int(self.timer() // self.duration)
        self.window_end = (window + 1) * self.duration
        key = f"{key}:{window}"
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's first request (or a racing one's)
            count = 1 if self.cache.add(key, 1, self.duration) else self.cache.incr(key)
        return count is None or count <= self.num_requests  # None: the cache is unreachable

    def wait(self):
        return max(0.0, self.window_end - self.timer())


class ExpensiveThrottle(PublicThrottle):
    """A lower anonymous limit on building answers that cost seconds (known_at=, whole-map CSV);
    counted only when an answer is built, not when a cached one is sent."""

    scope = "anon_expensive"
