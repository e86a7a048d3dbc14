/**
 * DKIM (RFC 6376) verification and signing, with Ed25519-SHA256 (RFC 8463) and the RFC 8301
 * crypto rules. {@link dev.yubin.auth.dkim.DkimVerifier} checks every DKIM-Signature of a
 * {@link dev.yubin.auth.RawMessage}; {@link dev.yubin.auth.dkim.DkimSigner} produces the
 * DKIM-Signature fields to prepend; {@link dev.yubin.auth.dkim.DkimKeys} generates keys and the
 * TXT records to publish.
 *
 * <p>RFCs: 6376 (tags, canonicalisation, verification), 8463 (Ed25519 with raw 32-octet keys),
 * 8301 (rsa-sha1 and RSA &lt; 1024 bits never pass), 8410 (Ed25519 key encodings). Ed25519 signing
 * runs on Bouncy Castle's constant-time RFC 8032 code; Ed25519 verification on
 * {@code Ed25519FixedBase} (variable-time fixed-base tables for B and for each recently used key,
 * on Bouncy Castle's field arithmetic, checked against Bouncy Castle in its tests); RSA on the JDK.
 * Invariants: a signature passes only if its body hash and signature verify over the whole body;
 * a valid signature whose l= leaves body content unsigned is reported as "policy", never "pass";
 * signing uses relaxed/relaxed and oversigns From. Known gaps: no DKIM-Signature z= diagnostics;
 * the first TXT record at the key name is used when several exist; no per-signature DNS timeout
 * beyond the resolver's.
 */
package dev.yubin.auth.dkim;
