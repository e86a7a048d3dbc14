/**
 * The DMARC reporting SPI ({@link dev.yubin.store.dmarc.DmarcReportStore}) on SQLite: one row per
 * evaluated inbound message with a DMARC record, deleted once reported (RFC 7489 §7.2).
 * Gaps: PostgreSQL not yet.
 */
package dev.yubin.store.sql.dmarc;
