-- Report parts (RFC 3464 per-recipient sections) the outbound queue owes a message's sender,
-- kept with each attempt's outcome and sent as ONE DSN per message when none of its entries (one
-- per destination domain) is unfinished any more, or at once with a delay warning (due = 1).
-- The row holds the original body (blob) until the DSN is durable. Times in epoch milliseconds.

CREATE TABLE queue_reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    origin_id    TEXT NOT NULL,           -- the message (queue_entries.origin_id)
    entry_id     INTEGER NOT NULL REFERENCES queue_entries (id) ON DELETE CASCADE,
    blob         TEXT NOT NULL,           -- the original message, returned in the DSN
    recipient    TEXT NOT NULL,
    orcpt        TEXT,
    kind         TEXT NOT NULL,           -- QueueReport.Kind: FAILED, DELAYED, DELIVERED, RELAYED
    status       TEXT NOT NULL,           -- RFC 3463
    remote_mta   TEXT,
    diagnostic   TEXT,
    last_attempt INTEGER NOT NULL,
    retry_until  INTEGER,
    due          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX queue_reports_origin ON queue_reports (origin_id);
CREATE INDEX queue_reports_entry ON queue_reports (entry_id);
CREATE INDEX queue_reports_due ON queue_reports (due) WHERE due = 1;
CREATE INDEX queue_entries_origin ON queue_entries (origin_id);

-- A body stays while a report that returns it is unsent (as blobs_keep_queued for entries).
CREATE TRIGGER blobs_keep_reported BEFORE DELETE ON blobs
WHEN EXISTS (SELECT 1 FROM queue_reports WHERE blob = OLD.name)
BEGIN
    SELECT RAISE(IGNORE);
END;
CREATE INDEX queue_reports_blob ON queue_reports (blob);
