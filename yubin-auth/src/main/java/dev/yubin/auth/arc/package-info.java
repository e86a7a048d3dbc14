/**
 * ARC (RFC 8617): {@link dev.yubin.auth.arc.ArcVerifier} validates the chain of a received
 * message; {@link dev.yubin.auth.arc.ArcSealer} adds our ARC set when we forward a message.
 *
 * <p>RFCs: 8617 (sets, chain validation §5.2, sealing §5.1), with the DKIM primitives of 6376,
 * 8463 and 8301. Invariants: a chain passes only if its structure is complete and contiguous,
 * the newest ARC-Message-Signature verifies and every ARC-Seal verifies; a chain that failed
 * upstream is never sealed again; a chain that fails here is sealed with cv=fail over our set only
 * (§5.1.2). {@link dev.yubin.auth.arc.ArcSealer#sealWithRecordedVerdict} vouches only for the
 * Authentication-Results field with our own authserv-id. A passing chain last sealed by a
 * trusted sealer that recorded dmarc=pass may override a local DMARC failure (§7.2,
 * {@link dev.yubin.auth.arc.ArcResult#vouchesForDmarc}). Known gaps: the oldest-pass value
 * (RFC 8617 §5.2 step 5) is not computed.
 */
package dev.yubin.auth.arc;
