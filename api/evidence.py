"""A prepared Feature's evidence, filled in as it is read.

The segments (api.models.KnownSegment) hold each Feature with its evidence arrays empty, and the ids
of the claims whose evidence goes in them; each claim's evidence entries are kept once
(api.models.ClaimEvidence), however many segments and moments of knowledge time it decides. A day's
rows are read first, then their claims' entries in one query per CHUNK rows (at L, joining them to
each row in the database took 90 ms, this 35), and `filled` writes them in; `without` gives the
compact Feature, whose evidence a reader loads for the one place opened.
"""
import orjson

from .fastpath import stream_rows

CHUNK = 5000  # rows whose evidence is read at once: bounds what a worker holds beside the body
EMPTY = b'"evidence":[]'
LAST = EMPTY + b"}}"  # a Feature ends with its state's evidence, closing its properties and itself


def read(cursor, ids):
    """{claim id: its entries as bytes} for the claim ids given, in one query."""
    if cursor.db.vendor == "postgresql":  # one array parameter: the planner sizes it right
        sql, ids = "SELECT claim_id, entries FROM api_claimevidence WHERE claim_id = ANY(%s)", list(ids)
    else:
        sql = ("SELECT claim_id, CAST(entries AS BLOB) FROM api_claimevidence "
               "WHERE claim_id IN (SELECT value FROM json_each(%s))")
        ids = orjson.dumps(list(ids)).decode()
    return dict(stream_rows(cursor, sql, [ids]))


def written(cursor, rows):
    """The Features of rows (feature, claims, side_claims) with their evidence, in order, as bytes."""
    for first in range(0, len(rows), CHUNK):
        chunk = [(feature, orjson.loads(claims), side_claims) for feature, claims, side_claims in rows[first:first + CHUNK]]
        found = read(cursor, {claim for _, claims, _ in chunk for claim in claims})  # a state's claims cover its sides'
        for feature, claims, side_claims in chunk:
            yield filled(feature, claims, side_claims, found)


def _entries(ids, found):
    return b",".join([entries for entries in map(found.get, ids) if entries])


def filled(feature, claims, side_claims, found):
    """The Feature's JSON (bytes) with every evidence array filled: the sides' (a disputed state's)
    in the order they are written, then the state's, which ends the Feature."""
    if side_claims in ("[]", b"[]"):  # all but disputed states: one array, at the end
        return feature[:-len(LAST)] + b'"evidence":[' + _entries(claims, found) + b"]}}"
    lists = [*orjson.loads(side_claims), claims]
    pieces = feature.split(EMPTY)  # a key "evidence" is never inside a JSON string: its quotes would be escaped
    assert len(pieces) == len(lists) + 1, "one evidence array for each list of claims"
    parts = [pieces[0]]
    for ids, piece in zip(lists, pieces[1:]):
        parts += [b'"evidence":[', _entries(ids, found), b"]", piece]
    return b"".join(parts)


def without(feature):
    """The compact Feature: no evidence arrays (the evidence key is never a Feature's first)."""
    return feature.replace(b"," + EMPTY, b"")
