"""The API's versions, and what keeps version 1's names readable.

Version 2 names one thing once: `since` is a state's or a claim's effective date (v1 also said
`date`, `start` and `day`), `since_label` its display text (v1: `date_label`, `label`), `evidence`
the citations behind a claim (v1: `citations`) and `short_name` an actor's short name (v1, in the
timeline: `short`). Version 1 answers carry both names, so its clients keep working for one more
version; its schema marks the old names and its operations deprecated, and every v1 response says
so in its headers (RFC 9745 Deprecation, RFC 8594 Link rel="successor-version").
"""
import datetime as dt

import orjson

from .renderers import WrittenJSON

VERSIONS = ("v1", "v2")
CURRENT = "v2"
DEPRECATED = "v1"
DEPRECATED_SINCE = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)
TIMELINE_FORMATS = {"v1": "controlmap-timeline/1", "v2": "controlmap-timeline/2"}

# v1's names of the fields v2 renamed, per schema component (api.schema): {component: {old: new}}.
RENAMED = {
    "Evidence": {"date": "since"},
    "ClaimItem": {"date": "since", "date_label": "since_label", "citations": "evidence"},
    "Period": {"start": "since", "label": "since_label"},
    "TimelineActors": {"short": "short_name"},
    "TimelineChanges": {"day": "since"},
}
CSV_RENAMED = {"since": "date", "since_label": "date_label"}


def _alias(item, component):
    for old, new in RENAMED[component].items():
        item[old] = item[new]


def _state(properties):
    for entry in properties["evidence"]:
        _alias(entry, "Evidence")
    for side in properties["sides"]:
        for entry in side["evidence"]:
            _alias(entry, "Evidence")


def _claim(claim):
    _alias(claim, "ClaimItem")


def _history(data):
    for period in data["periods"]:
        _alias(period, "Period")
        _state(period)
    for claim in data["claims"]:
        _claim(claim)


def _timeline(data):
    data["format"] = TIMELINE_FORMATS["v1"]
    _alias(data["actors"], "TimelineActors")
    _alias(data["changes"], "TimelineChanges")


def _control(data):
    for feature in data["features"]:
        _state(feature["properties"])


def _claims(data):
    for claim in data["results"]:
        _claim(claim)


V1_ADDITIONS = {
    "control": _control,
    "place": lambda feature: _state(feature["properties"]),
    "history": _history,
    "claims": _claims,
    "timeline": _timeline,
}


def readable_in(version, endpoint, data):
    """The v2 payload `data` of `endpoint` as `version` answers it (v1: with its old names added)."""
    add = V1_ADDITIONS.get(endpoint) if version == DEPRECATED else None
    if add is None:
        return data
    if isinstance(data, WrittenJSON):
        data = orjson.loads(data.content)
    add(data)
    return data


def csv_header(version, header):
    return [CSV_RENAMED.get(column, column) for column in header] if version == DEPRECATED else header


def mark_deprecated(response, request):
    """The deprecation headers of a v1 response, pointing at the same request in v2."""
    response["Deprecation"] = f"@{int(DEPRECATED_SINCE.timestamp())}"
    successor = request.get_full_path().replace(f"/api/{DEPRECATED}/", f"/api/{CURRENT}/", 1)
    link = f'<{successor}>; rel="successor-version"'
    response["Link"] = f"{response['Link']}, {link}" if response.has_header("Link") else link
    return response
