-- Small bodies live in the database: writing one is a row in the next group commit, where a file
-- costs two fsyncs of its own. Their blob ids encode the row id (24 hex digits; file blobs have
-- 32). AUTOINCREMENT: a row id, hence a blob id, is never reused.
CREATE TABLE blob_data (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    data    BLOB NOT NULL,
    created INTEGER NOT NULL  -- seconds since the epoch, for the orphan sweep
);
