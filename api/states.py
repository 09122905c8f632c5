"""The state keys of the prepared segments: a state as JSON text with actor ids (equal keys, equal text),
the State a key stands for, and the SegmentState rows that segments name instead of carrying the text."""
import orjson

from geo import resolution

from .serializers import state_properties


def state_json(state):
    """The state's key (what a reader sees) as JSON with actor ids: equal keys, equal text."""
    def pairs(items):
        return [[actor, role] for actor, role in items]

    sides = [[side.status, side.holder, pairs(side.others)] for side in state.sides]
    return orjson.dumps([state.status, state.holder, pairs(state.others), sides]).decode()


def claims_json(state):
    """The ids of the state's deciding claims, in its order, as JSON. With the place, the start and the
    state key, they decide everything the segment's Feature shows (api.known_then reuses it by them)."""
    return orjson.dumps([claim.id for claim in state.claims]).decode()


def state_of_json(key, made):
    """The State a state_json key stands for, made once per distinct key (kept in `made`), so that equal
    states are the same object and a run of them merges by identity."""
    state = made.get(key)
    if state is None:
        status, holder, others, sides = orjson.loads(key)
        sides = tuple(resolution.Side(s, h, tuple(map(tuple, o)), ()) for s, h, o in sides)
        state = made[key] = resolution.State(status, holder, tuple(map(tuple, others)), sides=sides)
    return state


# The members of a Feature's properties that its state decides and SegmentState keeps (they follow the
# place's, api.serializers.state_properties).
STATE_SHOWN = ("status", "holder", "others")
STATE_COLUMNS = ("id", "key", "precision", "shown", "actors")


class SegmentStates:
    """SegmentState ids by (key, precision, shown), those of the table and those met while writing:
    the new ones (`new`, rows of STATE_COLUMNS) are written at the end by api.snapshots, one writer at
    a time (its _locked_status), so the ids given here are free."""

    def __init__(self, cursor, actor_slug):
        cursor.execute("SELECT id, key, precision, shown FROM api_segmentstate")
        self.ids = {(key, precision, shown): id for id, key, precision, shown in cursor.fetchall()}
        self.next_id = max(self.ids.values(), default=0) + 1
        self.actor_slug, self.shown_by_key, self.new = actor_slug, {}, []

    def shown(self, key, state):
        """The state's members of the Feature (STATE_SHOWN), as JSON text with their commas."""
        shown = self.shown_by_key.get(key)
        if shown is None:
            members = state_properties(state, self.actor_slug, {})
            assert tuple(members)[:len(STATE_SHOWN)] == STATE_SHOWN, "the state's members lead its properties"
            members = {name: members[name] for name in STATE_SHOWN}
            shown = self.shown_by_key[key] = orjson.dumps(members).decode()[1:-1] + ","
        return shown

    def id(self, key, precision, state):
        entry = (key, precision, self.shown(key, state))
        id = self.ids.get(entry)
        if id is None:
            id = self.ids[entry] = self.next_id
            self.next_id += 1
            self.new.append((id, *entry, orjson.dumps(state.actors()).decode()))
        return id
