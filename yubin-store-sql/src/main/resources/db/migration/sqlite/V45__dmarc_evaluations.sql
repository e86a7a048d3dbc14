-- DMARC evaluations of inbound mail waiting for the aggregate report (RFC 7489 §7.2); deleted once reported.
-- dkim: one "domain selector result" line per signature.
CREATE TABLE dmarc_evaluations (
    id            INTEGER PRIMARY KEY,
    at            INTEGER NOT NULL,
    source_ip     TEXT    NOT NULL,
    header_from   TEXT    NOT NULL,
    policy_domain TEXT    NOT NULL,
    policy_record TEXT    NOT NULL,
    disposition   TEXT    NOT NULL,
    override      TEXT    NOT NULL,
    dkim_aligned  INTEGER NOT NULL,
    spf_aligned   INTEGER NOT NULL,
    dkim          TEXT    NOT NULL,
    spf_domain    TEXT    NOT NULL,
    spf_result    TEXT    NOT NULL
);
CREATE INDEX dmarc_evaluations_domain ON dmarc_evaluations (policy_domain, at);
