-- A snapshot's payload is a whole session as JSON (about 300 kB at 1,000 artifacts), which PostgreSQL compresses as it
-- stores it, by default with pglz: 3.8 ms of the database's time for 1,000 artifacts, taken from the requests of the
-- moment (docs/performance.md). lz4 makes it as small in 0.8 ms. A server built without lz4 (the embedded one) or
-- older than PostgreSQL 14 stores it uncompressed instead, in 1.3 ms: only a session's latest snapshot is kept, so
-- the space this costs is about 300 bytes an artifact.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE snapshot_event_entry ALTER COLUMN payload SET COMPRESSION lz4;
    ELSE
        ALTER TABLE snapshot_event_entry ALTER COLUMN payload SET STORAGE EXTERNAL;
    END IF;
END
$$;
