-- The search text is no longer computed while a message is accepted: the store extracts it from
-- the stored body in the background (and on the spot for a search that meets a message not indexed
-- yet). blob_texts goes away (the body is the source), and the index gets two columns so SEARCH
-- BODY no longer matches header values (RFC 9051 §6.4.4). Every stored body is indexed again.

DROP TABLE blob_fts;
DROP TABLE blob_texts;
CREATE VIRTUAL TABLE blob_fts USING fts5 (headers, body, content = '', contentless_delete = 1, tokenize = 'trigram');
DELETE FROM text_pending;
INSERT INTO text_pending (blob_id) SELECT id FROM blobs;
