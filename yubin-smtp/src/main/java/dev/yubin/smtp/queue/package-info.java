/**
 * Outbound delivery: {@link dev.yubin.smtp.queue.OutboundQueue} takes messages for outside
 * recipients (durably, into a {@link dev.yubin.store.queue.QueueStore}), and its scheduler
 * delivers them per destination domain with the SMTP client, retrying with back-off and
 * reporting failures, delays and (when asked) relays with DSNs.
 *
 * <p>RFCs: RFC 5321 §5.1 (MX lookup, implicit MX, random order among equal preferences),
 * §4.5.4.1 (retry strategy, give-up time), §6.1 (never bounce the null sender); RFC 7505 (null
 * MX → 5.1.10 at once); RFC 5890 (IDN in A-label form); RFC 5321 §4.1.3 (address literals);
 * RFC 3461/3464 (DSNs, through {@code dev.yubin.smtp.dsn}); RFC 6376 §5 (DKIM signing, once, when
 * a message enters the queue: {@link dev.yubin.smtp.queue.DkimSigners}, by the From domain);
 * RFC 8461 (MTA-STS) and RFC 7672 (DANE) through {@link dev.yubin.smtp.queue.TransportSecurity}:
 * per MX host, DANE when its TLSA records are DNSSEC-authenticated, else the domain's MTA-STS
 * policy, else opportunistic TLS; a host that fails required TLS is never used in plaintext.
 *
 * <p>Invariants: one entry per message and destination; the scheduler's {@code finish} is the
 * only place that ends an attempt, and {@code Attempts.decide} the only place that picks the next
 * state; the report parts an attempt owes are committed with its outcome, and a message's parts
 * (all its destination domains) go out as ONE DSN when none of its recipients is pending, or at
 * once with a delay warning; the parts are forgotten only after the DSN is durable (a crash may
 * repeat a report, never lose it); new mail is stored already claimed and handed to its
 * destination at once; outcomes are committed in batches by {@code OutcomeWriter}; a connection
 * whose work ran out waits {@code connectionIdle} for more mail to its destination; local domains are never delivered to over SMTP; at most
 * {@code maxConnectionsPerDomain} connections per destination and {@code maxConnections} in all.
 *
 * <p>Gaps: a message to several domains is retried per domain; report parts are collected per
 * process (two processes finishing a message's last two entries at once are serialised by the
 * database, but the orphan-blob sweep does not yet know that an unsent report holds a body);
 * MTA-STS testing mode logs MX mismatches but not TLS failures, and no TLS-RPT (RFC 8460)
 * reports are sent; leases are renewed every third of {@code lease} by the scheduler, so only a
 * process stalled longer than a lease loses its claims; per-destination state (rate limit) is not shared across
 * processes; IPv6 addresses are tried after IPv4. Only mail handed over by an authenticated user
 * is DKIM-signed ({@code OutboundRouter.Origin}); alias forwards of unauthenticated MX mail keep
 * their own signatures and are not yet ARC-sealed (RFC 8617), so they may fail DMARC downstream.
 */
package dev.yubin.smtp.queue;
