-- The outbound queue (dev.yubin.store.queue.QueueStore). One entry per message and destination
-- (a domain, or an IP literal in brackets); its recipients each keep their own state.
-- Times are milliseconds since the epoch. State names are those of QueueState.

CREATE TABLE queue_entries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    origin_id    TEXT NOT NULL,           -- the id the message had when accepted (logs, Received:)
    destination  TEXT NOT NULL,           -- lower-case A-label domain, or [ip literal]
    blob         TEXT NOT NULL,           -- BlobStore id of the body; held while the entry is unfinished
    size         INTEGER NOT NULL,
    sender       TEXT NOT NULL,           -- reverse path without brackets; '' is the null sender
    envid        TEXT,                    -- RFC 3461 ENVID, decoded
    ret          TEXT,                    -- RFC 3461 RET: FULL or HDRS
    utf8         INTEGER NOT NULL,        -- 1 when the message needs SMTPUTF8 (RFC 6531)
    body         TEXT NOT NULL,           -- RFC 6152 BODY: UNSPECIFIED, SEVEN_BIT, EIGHT_BIT_MIME
    state        TEXT NOT NULL,
    created      INTEGER NOT NULL,
    next_attempt INTEGER NOT NULL,
    lease_until  INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    delay_warned INTEGER NOT NULL DEFAULT 0,
    finished     INTEGER NOT NULL DEFAULT 0 -- when it became DONE or BOUNCED
);
CREATE INDEX queue_due ON queue_entries (state, next_attempt);
CREATE INDEX queue_blob ON queue_entries (blob);

CREATE TABLE queue_recipients (
    entry_id   INTEGER NOT NULL REFERENCES queue_entries (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    address    TEXT NOT NULL,             -- as sent in RCPT TO, without brackets
    orcpt      TEXT,                      -- RFC 3461 ORCPT: addr-type;address (decoded)
    notify     TEXT NOT NULL DEFAULT '',  -- RFC 3461 NOTIFY values, comma-separated; '' = not given
    state      TEXT NOT NULL,             -- PENDING, DELIVERED, FAILED
    last_reply TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entry_id, idx)
);

-- A blob row that loses its last message stays while an unfinished queue entry still sends it
-- (the mailbox code releases blobs without knowing of the queue; RAISE(IGNORE) skips the delete).
CREATE TRIGGER blobs_keep_queued BEFORE DELETE ON blobs
WHEN EXISTS (SELECT 1 FROM queue_entries WHERE blob = OLD.name AND state NOT IN ('DONE', 'BOUNCED'))
BEGIN
    SELECT RAISE(IGNORE);
END;
