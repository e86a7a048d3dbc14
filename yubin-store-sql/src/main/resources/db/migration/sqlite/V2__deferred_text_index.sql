-- The trigram index costs several times the rest of a delivery, so it is no longer built in the
-- delivering transaction. The text is stored with the delivery (blob_texts) and marked pending;
-- the writer indexes pending texts when it has nothing else to do. Searches use the index for
-- indexed texts and scan the (few) pending ones, so results are always complete.

CREATE TABLE blob_texts (
    blob_id INTEGER PRIMARY KEY REFERENCES blobs (id),
    content TEXT NOT NULL
);

CREATE TABLE text_pending (
    blob_id INTEGER PRIMARY KEY REFERENCES blobs (id)
);

-- Contentless (the text lives in blob_texts) with cheap deletes; rowid = blobs.id.
CREATE VIRTUAL TABLE blob_fts USING fts5 (content, content = '', contentless_delete = 1, tokenize = 'trigram');

INSERT INTO blob_texts (blob_id, content) SELECT rowid, content FROM blob_text;
INSERT INTO text_pending (blob_id) SELECT rowid FROM blob_text;
DROP TABLE blob_text;
