/**
 * ARC (RFC 8617): {@link dev.yubin.auth.arc.ArcVerifier} validates the chain of a received
 * message; {@link dev.yubin.auth.arc.ArcSealer} adds our ARC set when we forward a message.
 *
 * <p>RFCs: 8617 (sets, chain validation §5.2, sealing §5.1), with the DKIM primitives of 6376,
 * 8463 and 8301. Invariants: a chain passes only if its structure is complete and contiguous,
 * the newest ARC-Message-Signature verifies and every ARC-Seal verifies; a chain that failed
 * upstream is never sealed again. Known gaps: the oldest-pass value (RFC 8617 §5.2 step 5) is not
 * computed; ARC results do not override DMARC (no local trusted-forwarder list yet).
 */
package dev.yubin.auth.arc;
