"""The editors' workspace in the admin: every record model, with history, review and conflict checks.

Editors write drafts; only users with geo.publish_claim (the Reviewers group) publish or reject. An
editor's change to anything the public sees (a published claim, a source a published claim cites, a
place, a side, an outlet) waits as a pending change until a reviewer publishes it, and only reviewers
delete what the public sees: the public record changes only then. The domain (geo) knows nothing of
this workspace; the admin of its models is registered here, one module per concern: the records
claims stand on (records), claims and their review (claims), pending changes (pending_changes), and
who manages people (people). Django's autodiscovery imports this package, which registers them all.
"""
from . import claims, pending_changes, people, records  # noqa: F401  (registering is importing)
