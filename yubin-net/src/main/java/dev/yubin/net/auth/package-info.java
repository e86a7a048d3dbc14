/**
 * Login policy shared by IMAP, POP3 and SMTP submission.
 *
 * <ul>
 *   <li>{@link dev.yubin.net.auth.Authenticator#login(String, String)} → sealed
 *       {@link dev.yubin.net.auth.LoginResult} ({@code Authenticated(User)}, {@code Rejected},
 *       {@code Unavailable}); Argon2id through {@code dev.yubin.store.Passwords}, bounded
 *       concurrency, a short-lived cache of successes keyed by HMAC(user, password).</li>
 *   <li>{@link dev.yubin.net.auth.LoginThrottle}: {@code bannedUntil(address)} before an attempt,
 *       {@code failed(address, user)} → {@code Penalty(delay, banned)} after a failure (sleep, answer,
 *       close if banned), {@code succeeded(address, user)} after a success.</li>
 *   <li>{@link dev.yubin.net.auth.CleartextPolicy} ({@code NEVER}, {@code LOOPBACK_ONLY} (default),
 *       {@code ALWAYS}) decides with a {@link dev.yubin.net.auth.ClientChannel} whether a password
 *       may arrive without TLS.</li>
 * </ul>
 *
 * <p>RFCs: 8314 §3.2 (no cleartext passwords), 9051 §6.2.3 (LOGINDISABLED), 2595 §4, 4954 §4.
 * Invariants: clear passwords are never stored or logged; unknown users cost the same Argon2id
 * time as known ones; the cache is used only while the stored hash is unchanged; tracked
 * addresses and users are bounded. Known gaps: counters are per process (a cluster of several
 * processes counts separately); no persistent ban list; no IPv6 prefix aggregation.
 */
package dev.yubin.net.auth;
