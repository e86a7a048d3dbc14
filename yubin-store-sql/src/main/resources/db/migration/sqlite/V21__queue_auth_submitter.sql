-- RFC 4954 §5: the original submitter the outbound client passes on as MAIL FROM AUTH=<mailbox>
-- (an authenticated user's address); NULL when not known, sent as AUTH=<>.
ALTER TABLE queue_entries ADD COLUMN auth_submitter TEXT;
