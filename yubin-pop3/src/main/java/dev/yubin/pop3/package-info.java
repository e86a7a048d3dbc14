/**
 * The POP3 server: {@link dev.yubin.pop3.Pop3Server} over users' INBOXes in the store SPI.
 *
 * <p>RFCs: 1939 (POP3: USER, PASS, STAT, LIST, RETR, DELE, NOOP, RSET, QUIT, TOP, UIDL),
 * 2449 (CAPA, response codes, PIPELINING, EXPIRE, LOGIN-DELAY, 255-octet command lines),
 * 3206 ([AUTH], [SYS/TEMP], [SYS/PERM]), 5034 (AUTH with SASL PLAIN, LOGIN, SCRAM-SHA-256),
 * 2595 (STLS), 8314 (implicit TLS on 995), 6856 (UTF8).
 *
 * <p>Shape: {@link dev.yubin.pop3.Pop3Parser} turns a line into one command record per RFC
 * command ({@code RetrCommand}, {@code UidlCommand}, …) which executes on the
 * {@code Pop3Session}; {@code Pop3Reply} is the reply catalogue.
 *
 * <p>Invariants: the maildrop is a snapshot of INBOX taken at login, numbered 1..n; deletions
 * happen only in the UPDATE state after QUIT, and only of the UIDs this session marked (a dropped
 * connection or timeout deletes nothing); one POP3 session per user at a time
 * ({@code -ERR [IN-USE]}); UIDL = hex(UIDVALIDITY) + hex(UID), stable forever; LIST/STAT sizes
 * are the stored CRLF octets (byte-stuffing and the final ".CRLF" are not counted, per RFC 1939
 * practice); messages are streamed, never held whole in memory; login goes through the shared
 * {@code Authenticator}, {@code LoginThrottle} and cleartext policy.
 *
 * <p>Known gaps: no APOP (needs clear-text passwords on the server); the IN-USE lock is per
 * process (a cluster would need a store-level lease); LANG (RFC 6856 §3) is not offered; messages with
 * UTF-8 headers are sent as stored even to clients that did not send UTF8 (no RFC 6857 downgrade).
 */
package dev.yubin.pop3;
