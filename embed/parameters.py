"""The URL parameters of the main map and of the embed widget, as declared once for the browser in
static/shared/parameters.js (a module whose body after "export default" is JSON): the widget's names in
the order they are written, and the translation of a main-map address into the widget's parameters,
as the Share dialog makes it (static/shared/urlstate.js: mapToEmbed). Read once per process."""
import json
import re
from functools import cache

from django.contrib.staticfiles import finders

DECLARATION = "shared/parameters.js"
BODY = re.compile(r"^export default (\{.*\});\s*\Z", re.M | re.S)


@cache
def declared():
    path = finders.find(DECLARATION)
    if not path:
        raise LookupError(f"static file {DECLARATION} (the URL parameters) is not among the static files")
    with open(path, encoding="utf-8") as module:
        match = BODY.search(module.read())
    if not match:
        raise ValueError(f"{DECLARATION}: expected 'export default {{...}};' (JSON) after its comments")
    return json.loads(match.group(1))


def widget_names():
    """The widget's parameters in the order the Share dialog writes them."""
    return tuple(declared()["embed"])


def widget_params_of_map(query):
    """The widget's parameters showing the main-map view of `query` (a dict of the map address's parameters).
    Values pass as given: the widget checks them. A parameter read from several map parameters (centre from
    lat and lng) needs them all; one that depends on a map flag ("as reported then") needs the flag on."""
    flags = {name: field["yes"] for name, field in declared()["map"].items() if field["kind"] == "flag"}
    params = {}
    for name, field in declared()["embed"].items():
        source = field.get("map")
        if isinstance(source, list):
            if all(query.get(part) for part in source):
                params[name] = ",".join(query[part] for part in source)
        elif source and query.get(source) and ("if" not in field or query.get(field["if"]) in flags[field["if"]]):
            params[name] = query[source]
    return params
