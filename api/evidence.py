"""A prepared Feature's evidence, filled in as it is read.

The segments (api.models.KnownSegment) hold each Feature with its evidence arrays empty, and the ids
of the claims whose evidence goes in them; each claim's evidence entries are kept once
(api.models.ClaimEvidence), however many segments and moments of knowledge time it decides. The
database joins a segment's entries to its row (`joined_sql`) and `filled` writes them in; `without`
gives the compact Feature, whose evidence a reader loads for the one place opened.
"""
import orjson

EMPTY = b'"evidence":[]'
LAST = EMPTY + b"}}"  # a Feature ends with its state's evidence, closing its properties and itself


def joined_sql(connection):
    """An expression of a segment `s`: its claims' evidence as lines "<claim id> <entries>", as bytes."""
    if connection.vendor == "postgresql":
        return ("(SELECT string_agg(e.claim_id || ' ' || e.entries, E'\\n') FROM api_claimevidence e "
                "WHERE e.claim_id = ANY(translate(s.claims, '[]', '{}')::bigint[]))")
    return ("CAST((SELECT group_concat(e.claim_id || ' ' || e.entries, char(10)) FROM api_claimevidence e "
            "WHERE e.claim_id IN (SELECT value FROM json_each(s.claims))) AS BLOB)")


def _entries(ids, found):
    return b",".join([entries for entries in map(found.get, ids) if entries])


def filled(feature, claims, side_claims, joined):
    """The Feature's JSON (bytes) with every evidence array filled: the sides' (a disputed state's)
    in the order they are written, then the state's, which ends the Feature."""
    found = {}
    for line in (joined or b"").split(b"\n"):
        claim, _, entries = line.partition(b" ")
        if entries:
            found[int(claim)] = entries
    if side_claims in ("[]", b"[]"):  # all but disputed states: one array, at the end
        return feature[:-len(LAST)] + b'"evidence":[' + _entries(orjson.loads(claims), found) + b"]}}"
    lists = [*orjson.loads(side_claims), orjson.loads(claims)]
    pieces = feature.split(EMPTY)  # a key "evidence" is never inside a JSON string: its quotes would be escaped
    assert len(pieces) == len(lists) + 1, "one evidence array for each list of claims"
    written = [pieces[0]]
    for ids, piece in zip(lists, pieces[1:]):
        written += [b'"evidence":[', _entries(ids, found), b"]", piece]
    return b"".join(written)


def without(feature):
    """The compact Feature: no evidence arrays (the evidence key is never a Feature's first)."""
    return feature.replace(b"," + EMPTY, b"")
