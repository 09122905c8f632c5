"""Reading a query's rows as they arrive, as bytes, through Django's cursor but psycopg's stream.

A day's prepared snapshot (api.snapshots) is one row per place, each a Feature's JSON written into
the body as it comes. On PostgreSQL the rows come in chunks of STREAM_ROWS (psycopg's `stream` over
libpq's chunked rows): the driver never holds the whole answer, and there are none of a server-side
cursor's round trips; the text arrives as the UTF-8 bytes the server sent, never decoded into a str
(up to four bytes a character) and encoded back. Django has no public way to run a psycopg stream,
so `stream_rows` goes through its cursor wrapper's private execution path
(`CursorWrapper._execute_with_wrappers`, `CursorDebugWrapper.debug_sql`), which keeps what
cursor.execute gives: the execute wrappers, the query log, the database error translation.
`chunked_cursor` is Django's (private) server-side cursor, for the timeline's long reads.
"""
import psycopg
from django.db.backends.utils import CursorDebugWrapper

STREAM_ROWS = 2000  # rows the driver holds at a time
CHUNKED_ROWS_NEED_LIBPQ = 170000  # psycopg streams in chunks from libpq 17; before, row by row


class UTF8Bytes(psycopg.adapt.Loader):
    """Text as the UTF-8 bytes the server sent."""

    def load(self, data):
        return bytes(data)


def stream_rows(cursor, sql, params):
    """The rows of one query on a Django cursor, as they arrive (text columns as bytes on PostgreSQL;
    on SQLite, as the cursor gives them)."""
    if cursor.db.vendor != "postgresql":
        cursor.execute(sql, params)
        return iter(cursor)
    chunk = STREAM_ROWS if psycopg.pq.version() >= CHUNKED_ROWS_NEED_LIBPQ else 1
    cursor.cursor.adapters.register_loader("text", UTF8Bytes)

    def stream(sql, params, many, context):
        cursor.db.validate_no_broken_transaction()

        def rows():
            with cursor.db.wrap_database_errors:
                yield from cursor.cursor.stream(sql, params, size=chunk)

        return rows()

    if isinstance(cursor, CursorDebugWrapper):
        with cursor.debug_sql(sql, params):
            return cursor._execute_with_wrappers(sql, params, False, stream)
    return cursor._execute_with_wrappers(sql, params, False, stream)


def chunked_cursor(connection):
    """A cursor that fetches rows in chunks as they are read (a server-side cursor on PostgreSQL)."""
    return connection.chunked_cursor()
