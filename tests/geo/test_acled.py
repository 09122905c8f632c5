"""ACLED's CSV in as draft claims, and the claims out as ACLED-shaped CSV: a file of our own with every
territory sub-event type, each time_precision, both date forms, a place out of reach, an unknown
actor and malformed rows; re-imports; a large file timed."""
import csv
import datetime as dt
import io
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from geo.exchange.acled import COLUMNS, AcledFileError, import_acled
from geo.models import Citation, Claim, Source

SAMPLE = Path(__file__).parent / "files" / "acled-sample.csv"
UTC = dt.timezone.utc


def run(path=SAMPLE):
    out = io.StringIO()
    call_command("import_acled", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def rows_of(path=SAMPLE):
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def write_rows(path, rows):
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def published_state():
    return sorted(Claim.objects.filter(review="published").values_list("key", "revision", "date", "holder_id"))


@pytest.mark.usefixtures("seeded")
def test_territory_changes_become_drafts_and_the_rest_is_reported():
    before = published_state()
    output = run()
    assert ("11 rows: 9 changes of territory (5 new drafts, 0 updated, 0 unchanged, 0 left as reviewed, 4 unusable); "
            "2 other events skipped.") in output
    assert "row 7 (SYR1005): no place named 'Tadmor' within 50 km, and none within 15 km" in output
    assert "row 8 (SYR1006): actor1 'Jaysh al-Thuwar' is no known actor's name or alias" in output
    assert "row 9 (SYR1007): event_date '31 Novembre 2017' is not a date" in output
    assert "row 10 (SYR1008): latitude 'north' is not a number" in output
    drafts = {c.key: c for c in Claim.objects.filter(key__startswith="acled-").select_related("place", "holder")}
    assert set(drafts) == {"acled-SYR1001", "acled-SYR1002", "acled-SYR1003", "acled-IRQ2001", "acled-IRQ2002"}
    assert all(c.review == "draft" and c.status == "controlled" for c in drafts.values())
    assert published_state() == before  # nothing published, nothing public changed

    def seen(key):
        c = drafts[key]
        return c.place.slug, c.holder.slug, c.date, c.precision

    # Government regains territory, by alias, the day (time_precision 1).
    assert seen("acled-SYR1001") == ("deir-el-zour", "syrian-government", dt.date(2017, 11, 3), "day")
    # Non-state actor overtakes territory, "08 November 2017", within a week (time_precision 2).
    assert seen("acled-SYR1002") == ("boukamal", "islamic-state", dt.date(2017, 11, 8), "approximate")
    assert (drafts["acled-SYR1002"].earliest, drafts["acled-SYR1002"].latest) == (dt.date(2017, 11, 5), dt.date(2017, 11, 11))
    # Non-violent transfer of territory, an unknown location name found by distance, the month (time_precision 3).
    assert seen("acled-SYR1003") == ("jamiyat", "sdf", dt.date(2017, 10, 1), "month")
    assert seen("acled-IRQ2001") == ("qaim", "iraqi-government", dt.date(2017, 11, 3), "day")
    assert seen("acled-IRQ2002") == ("mosul", "iraqi-government", dt.date(2017, 7, 10), "day")

    citation = Citation.objects.select_related("source__outlet").get(claim__key="acled-SYR1002")
    assert citation.quote_is_paraphrase and citation.quote.startswith("Around 8 November 2017")
    assert '"after a counter-attack"' in citation.quote and "Reuters" in citation.note
    source = citation.source
    assert source.key == "acled-SYR1002" and source.outlet.slug == "acled" and source.url is None
    assert source.published_at == dt.datetime.fromtimestamp(1510358400, tz=UTC)
    assert "event_id_cnty: SYR1002" in source.full_text
    mosul = Citation.objects.get(claim__key="acled-IRQ2002").quote
    assert mosul == "Iraqi PM declared victory over IS in Mosul.\nFighting continued in a small pocket of the old city."


@pytest.mark.usefixtures("seeded")
def test_importing_again_creates_nothing_and_a_changed_row_updates_its_draft(tmp_path):
    run()
    counts = (Claim.objects.count(), Source.objects.count(), Citation.objects.count(), Claim.history.count())
    assert "0 new drafts, 0 updated, 5 unchanged" in run()
    assert (Claim.objects.count(), Source.objects.count(), Citation.objects.count(), Claim.history.count()) == counts
    rows = rows_of()
    first = next(r for r in rows if r["event_id_cnty"] == "SYR1001")
    first.update(event_date="04 November 2017", notes="Regime forces regained Deir ez-Zor city on 4 November.",
                 timestamp="1519840000")  # ACLED's revision, published later
    output = run(write_rows(tmp_path / "revised.csv", rows))
    assert "0 new drafts, 1 updated, 4 unchanged" in output
    claim = Claim.objects.get(key="acled-SYR1001")
    assert claim.date == dt.date(2017, 11, 4) and claim.review == "draft" and claim.revision == 2
    assert [h.date for h in claim.history.order_by("history_id")] == [dt.date(2017, 11, 3), dt.date(2017, 11, 4)]
    assert claim.citations.get().quote.endswith("on 4 November.")
    # What was known when: the source stays published at ACLED's first timestamp.
    assert claim.citations.get().source.published_at == dt.datetime.fromtimestamp(1509840000, tz=UTC)
    assert Claim.objects.count() == counts[0]


@pytest.mark.usefixtures("seeded")
def test_a_reviewed_claim_is_left_alone_and_reported(tmp_path):
    run()
    Claim.objects.filter(key="acled-IRQ2001").update(review="published")
    rows = rows_of()
    next(r for r in rows if r["event_id_cnty"] == "IRQ2001")["event_date"] = "2017-11-02"
    output = run(write_rows(tmp_path / "revised.csv", rows))
    assert "1 left as reviewed" in output
    assert "row 5 (IRQ2001): claim acled-IRQ2001 is published: the changed row is not applied" in output
    assert Claim.objects.get(key="acled-IRQ2001").date == dt.date(2017, 11, 3)


@pytest.mark.usefixtures("seeded")
def test_a_file_that_is_not_acled_imports_nothing(tmp_path):
    before = Claim.objects.count()
    path = tmp_path / "other.csv"
    path.write_text("id,date,place\n1,2017-11-03,Raqqa\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported: not an ACLED export: the column.s. event_id_cnty"):
        run(path)
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "missing.csv")
    with pytest.raises(AcledFileError, match="not readable as UTF-8 CSV"):
        import_acled(b"\xff\xfe\x00broken")
    assert Claim.objects.count() == before


@pytest.mark.usefixtures("seeded")
def test_claims_out_as_acled_csv_merge_back(client):
    run()
    Claim.objects.filter(key__startswith="acled-").update(review="published")
    response = client.get("/api/v2/claims/?format=acled&page_size=200")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert tuple(reader.fieldnames) == COLUMNS
    rows = {row["event_id_cnty"]: row for row in reader}
    public = client.get("/api/v2/claims/?page_size=200").json()["count"]
    assert len(rows) == public
    approximate = rows["SYR1002"]
    assert (approximate["event_date"], approximate["time_precision"]) == ("2017-11-08", "2")
    assert approximate["sub_event_type"] == "Non-state actor overtakes territory" and approximate["actor1"] == "Islamic State"
    assert approximate["location"] == "Boukamal" and approximate["source"] == "ACLED"
    assert approximate["timestamp"] == "1510358400"
    assert rows["SYR1003"]["time_precision"] == "3" and rows["SYR1003"]["event_date"] == "2017-10-01"
    assert rows["SYR1001"]["sub_event_type"] == "Government regains territory"
    assert any(key.startswith("controlmap:") for key in rows)


@pytest.mark.usefixtures("seeded")
def test_a_large_file_imports_in_seconds(tmp_path):
    """5,000 rows, one in five a change of territory: the time is printed and bounded."""
    usable = ("SYR1001", "SYR1002", "SYR1003", "IRQ2001", "IRQ2002")
    template = [row for row in rows_of() if row["event_id_cnty"] in usable]
    rows = []
    for index in range(5000):
        row = dict(template[index % len(template)], event_id_cnty=f"BIG{index}")
        if index % 5:
            row["sub_event_type"] = "Armed clash"
        rows.append(row)
    path = write_rows(tmp_path / "large.csv", rows)
    started = time.perf_counter()
    output = run(path)
    seconds = time.perf_counter() - started
    print(f"5,000 ACLED rows imported in {seconds:.1f} s: {output.splitlines()[0]}")
    assert "5000 rows: 1000 changes of territory (1000 new drafts" in output
    assert seconds < 60


@pytest.mark.usefixtures("seeded")
def test_the_reach_of_a_place_found_by_distance_depends_on_geo_precision(tmp_path):
    """10 km east of Raqqa, under a name we do not know: too far for geo_precision 1 (5 km), within 2's 15 km."""
    template = next(r for r in rows_of() if r["event_id_cnty"] == "SYR1001")
    rows = [dict(template, event_id_cnty=f"FAR{precision}", location="Unknown farm", admin2="", admin3="",
                 latitude="35.9500", longitude="39.1267", geo_precision=str(precision)) for precision in (1, 2)]
    output = run(write_rows(tmp_path / "reach.csv", rows))
    assert "row 2 (FAR1): no place named 'Unknown farm' within 50 km, and none within 5 km" in output
    assert Claim.objects.get(key="acled-FAR2").place.slug == "raqqa"
    assert "place matched by distance, 9.9 km away" in Source.objects.get(key="acled-FAR2").notes
