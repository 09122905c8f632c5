"""How the prepared segments are stored (api.snapshots, migrations 0009 and 0010): each Feature kept as
its place's part, its state's and its own rest (compressed on PostgreSQL, in its row) and read back as
written; a full rebuild leaves the database no larger than what it writes. That they equal resolving
the claims is tests/api/test_snapshots.py's."""
import datetime as dt
import json

import pytest
from django.db import connection

from api import snapshots
from api.models import SnapshotSegment


def stored_features():
    """Each segment's Feature as the database gives it back, from its three parts."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {snapshots.FEATURE} FROM api_snapshotsegment s {snapshots.PARTS} ORDER BY s.place_id, s.start")
        return [json.loads(feature) for (feature,) in cursor.fetchall()]


def test_each_feature_is_read_back_as_written_and_served(seeded):
    features = stored_features()
    assert features and all(feature["type"] == "Feature" for feature in features)
    day = dt.date(2017, 11, 20)
    served = json.loads(snapshots.snapshot_body({"type": "FeatureCollection", "features": []}, day))["features"]
    assert served and all(feature in features for feature in served)


def test_on_postgresql_each_feature_is_compressed_and_kept_in_its_row(seeded):
    """Compressed: about half the bytes of each Feature's rest. In the row: reading a day's Features never
    visits the TOAST table, which any column left EXTENDED would be moved to (the table asks for rows of
    128 bytes)."""
    if connection.vendor != "postgresql":
        assert SnapshotSegment.objects.exists()  # SQLite stores the Features as written (the test above)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(pg_column_compression(feature)), SUM(pg_column_size(feature)), "
                       "SUM(octet_length(feature)) FROM api_snapshotsegment")
        rows, compressed, stored, written = cursor.fetchone()
        assert rows and compressed == rows
        assert stored < 0.7 * written
        cursor.execute("SELECT attname FROM pg_attribute WHERE attrelid = 'api_snapshotsegment'::regclass "
                       "AND attnum > 0 AND NOT attisdropped AND attstorage = 'x'")
        assert cursor.fetchall() == [], "a column stored EXTENDED would leave the rows"
        cursor.execute("SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'api_snapshotsegment'::regclass")
        assert cursor.fetchone()[0] == 0


def database_bytes():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT SUM(pg_total_relation_size(t::regclass)) FROM "
                           "unnest(ARRAY['api_snapshotsegment', 'api_knownsegment', 'api_segmentplace', 'api_segmentstate']) t")
            return cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA freelist_count")
        return pages - cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_full_rebuild_leaves_the_database_no_larger(live_seeded):
    """Outside a transaction, as `manage.py refresh_snapshots --all` runs it: on PostgreSQL the tables
    are emptied at once (deleted row by row, the old rows stayed beside the new until a VACUUM FULL)."""
    written = snapshots.rebuild()
    after_one = database_bytes(), stored_features()
    assert snapshots.rebuild() == written
    assert (database_bytes(), stored_features()) == after_one

