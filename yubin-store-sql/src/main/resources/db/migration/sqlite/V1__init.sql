-- Yubin embedded schema (SQLite). Keep in step with the PostgreSQL migrations when they arrive:
-- same tables and columns, only types and the full-text index differ.

-- Named counters. 'uidvalidity' hands out UIDVALIDITY values, strictly increasing for the life of
-- the database, so a mailbox re-created under an old name never repeats one (RFC 9051 §2.3.1.1).
CREATE TABLE sequences (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO sequences (name, value) VALUES ('uidvalidity', CAST(strftime('%s', 'now') AS INTEGER));

CREATE TABLE domains (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- AUTOINCREMENT: user and mailbox ids are never reused (the SPI promises it)
CREATE TABLE users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    domain_id        INTEGER NOT NULL REFERENCES domains (id),
    canonical        TEXT NOT NULL UNIQUE,  -- lower-cased local@domain, the lookup key
    address          TEXT NOT NULL,         -- as given
    password_hash    TEXT NOT NULL,         -- Argon2id, PHC string
    scram_salt       BLOB,
    scram_iterations INTEGER,
    scram_stored_key BLOB,
    scram_server_key BLOB,
    quota_bytes      INTEGER NOT NULL DEFAULT 0,  -- 0 = unlimited
    used_bytes       INTEGER NOT NULL DEFAULT 0   -- sum of the sizes of the user's messages
);
CREATE INDEX users_domain ON users (domain_id);

CREATE TABLE aliases (
    id        INTEGER PRIMARY KEY,
    domain_id INTEGER NOT NULL REFERENCES domains (id),
    source    TEXT NOT NULL UNIQUE,  -- local@domain (lower case) or @domain (catch-all)
    targets   TEXT NOT NULL          -- addresses, one per line
);
CREATE INDEX aliases_domain ON aliases (domain_id);

CREATE TABLE mailboxes (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id      INTEGER NOT NULL REFERENCES users (id),
    name          TEXT NOT NULL,
    special_use   TEXT,
    uidvalidity   INTEGER NOT NULL,
    uidnext       INTEGER NOT NULL DEFAULT 1,
    highestmodseq INTEGER NOT NULL DEFAULT 1,
    recent_mark   INTEGER NOT NULL DEFAULT 1,  -- UIDs >= this are \Recent for the next claimer
    UNIQUE (owner_id, name)
);

-- One row per body; messages in many mailboxes share it. A row (and its file) goes when the
-- last message naming it goes. The summary and the search text are properties of the body.
CREATE TABLE blobs (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,  -- the BlobStore id
    size    INTEGER NOT NULL,
    summary TEXT NOT NULL
);

-- Substring search (IMAP SEARCH BODY/TEXT) over the text given at delivery; rowid = blobs.id.
CREATE VIRTUAL TABLE blob_text USING fts5 (content, tokenize = 'trigram');

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    mailbox_id    INTEGER NOT NULL REFERENCES mailboxes (id),
    uid           INTEGER NOT NULL,
    modseq        INTEGER NOT NULL,
    sysflags      INTEGER NOT NULL DEFAULT 0,  -- bits: 1 Seen, 2 Answered, 4 Flagged, 8 Deleted, 16 Draft
    keywords      TEXT NOT NULL DEFAULT '',    -- space-separated
    internal_date INTEGER NOT NULL,            -- seconds since the epoch
    size          INTEGER NOT NULL,
    blob_id       INTEGER NOT NULL REFERENCES blobs (id),
    UNIQUE (mailbox_id, uid)
);
CREATE INDEX messages_blob ON messages (blob_id);
CREATE INDEX messages_modseq ON messages (mailbox_id, modseq);

-- Expunged UIDs with the MODSEQ of their expunge, for QRESYNC VANISHED (RFC 7162 §3.2.10).
CREATE TABLE expunged (
    mailbox_id INTEGER NOT NULL REFERENCES mailboxes (id),
    uid        INTEGER NOT NULL,
    modseq     INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, uid)
);

CREATE TABLE subscriptions (
    user_id INTEGER NOT NULL REFERENCES users (id),
    name    TEXT NOT NULL,
    PRIMARY KEY (user_id, name)
);
