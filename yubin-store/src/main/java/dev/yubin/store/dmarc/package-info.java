/**
 * The DMARC reporting SPI: per-message DMARC evaluations kept until the daily aggregate report
 * (RFC 7489 §7.2) is sent, then deleted.
 *
 * <p>Invariants: an evaluation is recorded after the message's verdict and deleted only after its
 * report was queued (or its domain asked for none). Gaps: no failure reports (ruf, RFC 7489 §7.3).
 */
package dev.yubin.store.dmarc;
