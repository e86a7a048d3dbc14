/**
 * DKIM key storage for operators (RFC 6376 §3.6, RFC 8463): keys generated, listed, rotated and
 * retired by {@code yubin dkim}, published by {@code yubin dns}, and served to the outbound queue
 * for signing.
 *
 * <p>Invariants: private keys are written with mode 0600 before they become active; the
 * {@code active} file is replaced atomically; at most one active selector per algorithm; an active
 * selector cannot be retired.
 *
 * <p>Gaps: keys are not encrypted at rest; no scheduled automatic rotation; files are found by
 * name, so the domain directory name must be the A-label form (the CLI parses it with
 * {@code Domain.parse}).
 */
package dev.yubin.app.dkim;
