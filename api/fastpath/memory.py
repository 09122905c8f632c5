"""Keeping a worker's memory at the size of the answer it is building, not of every answer it built.

Two measured costs, two remedies:
  - The cyclic garbage collector's full passes over the hundreds of thousands of small acyclic
    objects a snapshot or a timeline is built from took half the timeline's time: the build runs
    with the collector paused (`gc_paused`, which geo.records also uses; it lives there because the
    domain core imports nothing from the API).
  - DRF leaves reference cycles between a view and its response (`view.response`, the renderer
    context's "view" and "response"), so each answer's body and data (57 MB for a snapshot at XL)
    stayed alive until a rare full collection: a worker grew by the size of every answer it built.
    `ReleasedAfterSending` breaks them once the answer is sent, through Django's list of closers
    a response calls when the server closes it (`HttpResponseBase._resource_closers`, private).
"""
from geo.records import gc_paused

__all__ = ["gc_paused", "ReleasedAfterSending", "release"]


def release(view, response):
    """Break the cycles DRF leaves between `view` and `response`."""
    context = getattr(response, "renderer_context", None) or {}
    context.pop("response", None)
    context.pop("view", None)
    view.__dict__.pop("response", None)


class ReleasedAfterSending:
    """A DRF view mixin: each response, once sent and closed, lets go of its view."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response._resource_closers.append(lambda: release(self, response))
        return response
