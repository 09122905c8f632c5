"""GET /image.png and GET /animation.gif: a view of the map as a picture, answered like the API.

Parameters are parsed first (a 400 naming the parameter); then, as api.caching does for the API, a
304 for a matching ETag, a cached body, or one build per key at a time (api.fastpath.builds: identical
requests wait for it and read its body). Keys and ETags follow the data version and the parsed
parameters, and the drawing code's own digest, so a new drawing is never answered with an old
picture. Every request counts against the anonymous limit, and a build also against the limit for
expensive answers (api.fastpath throttles), as a resolved snapshot does.
"""
import hashlib
from pathlib import Path

from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from api.caching import Validators
from api.fastpath import ExpensiveThrottle, PublicThrottle, builds
from api.filters import ParameterError

from . import animation, parameters, scene as scenes
from .drawing import draw_scene, png

IMAGE_QUERY = parameters.image_query()
ANIMATION_QUERY = parameters.animation_query()
# The drawing's own version: a digest of this app's code, so a changed drawing gets new keys and ETags.
DRAWING = hashlib.sha256(b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()[:12]


def throttled(throttle):
    wait = throttle.wait()
    response = JsonResponse({"detail": f"Request was throttled. Expected available in {int(wait) + 1} seconds."}, status=429)
    response["Retry-After"] = str(int(wait) + 1)
    return response


def answered(request, endpoint, query, build, daily, ignored=()):
    """The response of a picture endpoint: `build(values, width, height, today)` -> (bytes, content type,
    file name); `daily`: without `at` the picture is of today, so its key and validators change at midnight;
    `ignored`: parameters accepted (a map address's own) that mean nothing here, so they key nothing."""
    throttle = PublicThrottle()
    if not throttle.allow_request(request, None):
        return throttled(throttle)
    try:
        values = query.parse(request.GET)
        parameters.check_view(values)
        for name in ignored:
            values.pop(name, None)
    except ParameterError as error:
        return JsonResponse(error.detail, status=error.status_code)
    today = timezone.now().date() if daily and "at" not in values else None
    validators = Validators(endpoint, request, values, variant=DRAWING, today=today)
    if validators.not_modified(request):
        return validators.not_modified_response()
    cached = validators.cached_response()
    if cached is None:
        cached, lease = builds.lease(validators.key, validators.cached_response)
    if cached is not None:
        return cached
    try:
        expensive = ExpensiveThrottle()
        if not expensive.allow_request(request, None):
            return throttled(expensive)
        validators = validators.for_building()
        width = values.get("width", parameters.DEFAULT_WIDTH)
        height = values.get("height", parameters.DEFAULT_HEIGHT)
        try:
            scenes.check_place(values)
            body, content_type, name = build(values, width, height, today)
        except ParameterError as error:
            return JsonResponse(error.detail, status=error.status_code)
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return validators.store(response)
    finally:
        lease.release()


def build_image(values, width, height, today):
    with translation.override(scenes.served_language(values)):
        scene = scenes.scene_of(values, width, height, today)
        return png(draw_scene(scene)[0]), "image/png", f"controlmap-{scene.day.isoformat()}.png"


def build_animation(values, width, height, today):
    with translation.override(scenes.served_language(values)):
        body, days = animation.gif(values, width, height)
    return body, "image/gif", f"controlmap-{days[0].isoformat()}-{days[-1].isoformat()}.gif"


@require_safe
def image(request):
    return answered(request, "image.png", IMAGE_QUERY, build_image, daily=True)


@require_safe
def animation_gif(request):
    return answered(request, "animation.gif", ANIMATION_QUERY, build_animation, daily=False, ignored=("at", "areas"))
