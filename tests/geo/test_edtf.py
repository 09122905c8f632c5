"""EDTF (ISO 8601-2) dates: every Level 0 and Level 1 example of the specification that a claim's
date can hold comes back as written, each other one is refused saying why; the API, import_data and
the admin speak it."""
import copy
import datetime as dt

import pytest
from edtf import parse_edtf

from geo.edtf import EDTFError, end_edtf, parse, to_edtf
from geo.exchange import export_document, import_document
from geo.models import Claim

# The specification's examples (Library of Congress, EDTF 2019), Level 0 and Level 1.
HELD = ["1985-04-12", "1985-04", "1985", "2004-06-11~", "2017-11-03", "2017-09", "2014", "2014-11-15~"]
REFUSED = {
    "1985-04-12T23:20:30": "time of day", "1985-04-12T23:20:30Z": "time of day",
    "1985-04-12T23:20:30-04": "time of day", "1985-04-12T23:20:30+04:30": "time of day",
    "1964/2008": "interval", "2004-06/2006-08": "interval", "2004-02-01/2005-02-08": "interval",
    "2004-02-01/2005-02": "interval", "2004-02-01/2005": "interval", "2005/2006-02": "interval",
    "Y170000002": "beyond 9999", "Y-170000002": "beyond 9999",
    "2001-21": "season", "2001-22": "season", "2001-23": "season", "2001-24": "season",
    "1984?": "uncertain", "2004-06-11%": "uncertain", "2004-06~": "approximate month or year",
    "201X": "unspecified", "20XX": "unspecified", "2004-XX": "unspecified", "1985-04-XX": "unspecified",
    "1985-XX-XX": "unspecified",
    "1985-04-12/..": "interval", "1985-04/..": "interval", "1985/..": "interval", "../1985-04-12": "interval",
    "../1985-04": "interval", "../1985": "interval", "1985-04-12/": "interval", "1985-04/": "interval",
    "1985/": "interval", "/1985-04-12": "interval", "/1985-04": "interval", "/1985": "interval",
    "-1985": "years 1 to 9999", "0000": "years 1 to 9999",
    "2017-02-30": "not an EDTF date", "3 November 2017": "not an EDTF date", "": "empty",
}


@pytest.mark.parametrize("text", HELD)
def test_what_a_claim_holds_round_trips(text):
    held = parse(text)
    written = to_edtf(held.date, held.precision)
    assert written == text
    # The edtf package reads the same bounds back.
    bounds = parse_edtf(written)
    assert dt.date(*bounds.lower_strict()[:3]) <= held.date <= dt.date(*bounds.upper_strict()[:3])


def test_precisions_and_days():
    assert (parse("2017-09").date, parse("2017-09").precision) == (dt.date(2017, 9, 1), "month")
    assert (parse("2014").date, parse("2014").precision) == (dt.date(2014, 1, 1), "year")
    assert (parse("2014-11-15~").date, parse("2014-11-15~").precision) == (dt.date(2014, 11, 15), "approximate")
    assert to_edtf(None, "day") is None and end_edtf(None) is None and end_edtf(dt.date(2017, 1, 2)) == "2017-01-02"


@pytest.mark.parametrize("text, why", REFUSED.items())
def test_what_it_cannot_hold_is_refused_saying_why(text, why):
    with pytest.raises(EDTFError, match=why):
        parse(text)


@pytest.mark.usefixtures("seeded")
def test_api_dates_carry_their_edtf_form(client):
    claims = client.get("/api/v1/claims/?page_size=200").json()["results"]
    assert claims
    for claim in claims:
        assert str(parse_edtf(claim["since_edtf"])) == claim["since_edtf"]
        assert parse(claim["since_edtf"]).precision == claim["precision"]
        assert claim["end_edtf"] == claim["end"]
    snapshot = client.get("/api/v1/control/?at=2017-11-20").json()
    for feature in snapshot["features"]:
        p = feature["properties"]
        assert parse(p["since_edtf"]).precision == p["precision"]
        for entry in p["evidence"]:
            parse(entry["since_edtf"])
    history = client.get("/api/v1/places/deir-el-zour/history/").json()
    assert all(parse(period["since_edtf"]) for period in history["periods"])


@pytest.mark.usefixtures("seeded")
def test_import_data_reads_edtf_and_stores_the_precision_it_implies():
    document = export_document()
    changed = copy.deepcopy(document)
    target = copy.deepcopy(changed["claims"][0])
    changed["claims"].append(target)
    target.update(key="edtf-month", date="2017-09", precision=None, review="draft", superseded_by=None)
    changed["claims"].append(dict(target, key="edtf-approximate", date="2014-11-15~", earliest=None, latest=None))
    import_document(changed)
    month = Claim.objects.get(key="edtf-month")
    assert (month.date, month.precision) == (dt.date(2017, 9, 1), "month")
    near = Claim.objects.get(key="edtf-approximate")
    assert (near.date, near.precision, near.earliest) == (dt.date(2014, 11, 15), "approximate", dt.date(2014, 10, 1))
    conflicting = copy.deepcopy(changed)
    next(c for c in conflicting["claims"] if c["key"] == "edtf-month").update(date="2017", precision="month")
    with pytest.raises(Exception, match="'date' '2017' is of year precision, but 'precision' is 'month'"):
        import_document(conflicting)
