// The URL parameters of the main map and of the embed widget, declared once and in the order they are
// written: fields.js turns each kind into its reader and writer, and embed/parameters.py reads this file
// (everything after "export default" is JSON) for the widget's names and the map-to-widget translation.
// A module rather than a .json file: importing JSON (import ... with {type: "json"}) needs Chrome 123,
// Firefox 138 or Safari 17.2, this loads wherever ES modules do.
// "lang": the languages of settings.LANGUAGES (tests/i18n checks they agree); the server reads it (controlmap.languages).
// "map" on a widget parameter: the map parameter(s) it is read from; "if": only when that map flag is on.
export default {
  "map": {
    "at": {"kind": "date", "help": "a date such as 2017-11-03, 2017-11 or 2017"},
    "place": {"kind": "slug", "help": "a place identifier such as deir-el-zour", "error": "not a place identifier"},
    "lat": {"kind": "number", "min": -90, "max": 90, "digits": 4, "help": "a latitude"},
    "lng": {"kind": "number", "min": -180, "max": 180, "digits": 4, "help": "a longitude"},
    "zoom": {"kind": "zoom", "max": 20, "help": "a zoom level from 0 to 20"},
    "actors": {"kind": "slugs", "help": "actor identifiers separated by commas", "error": "not a list of actor identifiers"},
    "known": {"kind": "flag", "yes": ["1", "true"], "no": ["0", "false"],
              "help": "1 to show the map as reported at the date, 0 as known today"},
    "areas": {"kind": "flag", "yes": ["1", "true"], "no": ["0", "false"],
              "help": "1 to shade the control areas derived from the places, 0 not to"},
    "changes": {"kind": "period", "words": ["week", "month"],
                "help": "week, month or a date such as 2017-10-01: mark the places changed since then"},
    "compare": {"kind": "date", "help": "a date such as 2014-06-01 to show beside the date shown"},
    "lang": {"kind": "choice", "choices": ["en", "ar", "ckb"], "help": "the language: en, ar (Arabic) or ckb (Central Kurdish)"}
  },
  "embed": {
    "at": {"kind": "date", "help": "a date such as 2017-11-03, 2017-11 or 2017", "map": "at"},
    "from": {"kind": "date", "help": "the first date to play, such as 2017-11-08"},
    "to": {"kind": "date", "help": "the last date to play, such as 2017-11-20"},
    "place": {"kind": "slug", "help": "a place identifier such as deir-el-zour", "error": "not a place identifier", "map": "place"},
    "places": {"kind": "slugs", "help": "place identifiers separated by commas", "error": "not a list of place identifiers"},
    "centre": {"kind": "coordinates", "axes": [["the latitude", -90, 90], ["the longitude", -180, 180]],
               "help": "a latitude and a longitude separated by a comma, such as 35.33,40.14", "map": ["lat", "lng"]},
    "zoom": {"kind": "zoom", "max": 20, "help": "a zoom level from 0 to 20", "map": "zoom"},
    "bbox": {"kind": "box", "axes": [["west", -180, 180], ["south", -90, 90], ["east", -180, 180], ["north", -90, 90]],
             "help": "west,south,east,north in degrees, such as 38,33,44,37"},
    "actors": {"kind": "slugs", "help": "actor identifiers separated by commas", "error": "not a list of actor identifiers", "map": "actors"},
    "known_at": {"kind": "date", "help": "a date: show what had been published by then", "map": "at", "if": "known"},
    "autoplay": {"kind": "flag", "yes": ["1", "true", "yes", "on"], "no": ["0", "false", "no", "off"], "help": "1 to play on load"},
    "speed": {"kind": "speed", "min": 0.1, "max": 3650, "words": {"day": 1, "week": 7, "month": 30},
              "help": "days per second (0.1 to 3650), or day, week or month"},
    "loop": {"kind": "flag", "yes": ["1", "true", "yes", "on"], "no": ["0", "false", "no", "off"], "help": "1 to start again at the end"},
    "controls": {"kind": "controls", "choices": ["timeline", "legend", "panel"],
                 "help": "none, or any of timeline, legend, panel separated by commas"},
    "theme": {"kind": "choice", "choices": ["light", "dark"], "help": "light or dark"},
    "lang": {"kind": "choice", "choices": ["en", "ar", "ckb"], "help": "the language: en, ar (Arabic) or ckb (Central Kurdish)",
             "map": "lang"}
  }
};
