package dev.yubin.smtp.queue;

import dev.yubin.smtp.client.ClientSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the outbound queue, each with a Postfix-like default.
 *
 * @param hostname this host's name: EHLO, {@code Reporting-MTA} and the DSN's From
 * @param port the TCP port delivery connects to (25; tests and two instances on loopback change it)
 * @param maxConnections connections open at once over all destinations (Postfix default_process_limit 100)
 * @param maxConnectionsPerDomain connections open at once to one destination (default_destination_concurrency_limit 20)
 * @param messagesPerConnection messages sent over one connection before a new one is opened
 * @param perDomainInterval least time between two messages to one destination (default_destination_rate_delay, 0 = none)
 * @param connectionIdle how long a connection whose work ran out stays open for more mail to its destination
 *     (Postfix smtp_connection_cache_time_limit 2s; 0 = close at once)
 * @param retryInitial first retry delay (RFC 5321 §4.5.4.1 suggests at least 30 minutes; Postfix uses 5 min)
 * @param retryMax retry delay ceiling; the delay doubles from {@code retryInitial} up to this
 * @param maxLifetime how long a message is retried before it bounces (maximal_queue_lifetime 5d)
 * @param delayWarning when to send the "still trying" DSN (action=delayed); {@link Duration#ZERO} = never
 * @param pollInterval how often the scheduler looks for due entries when nothing wakes it
 * @param claimBatch most entries claimed (held in memory) at once
 * @param lease how long a claim lasts; the scheduler renews the leases of its entries every third of it, so only
 *     a claimer that stopped (crash, kill -9, a stall longer than the lease) loses them to another
 * @param client the SMTP client's settings (timeouts, TLS)
 */
public record OutboundSettings(String hostname, int port, int maxConnections, int maxConnectionsPerDomain,
                               int messagesPerConnection, Duration perDomainInterval, Duration connectionIdle,
                               Duration retryInitial,
                               Duration retryMax, Duration maxLifetime, Duration delayWarning, Duration pollInterval,
                               int claimBatch, Duration lease, ClientSettings client) {
    public static final int DEFAULT_PORT = 25;
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_DOMAIN = 20;
    public static final int DEFAULT_MESSAGES_PER_CONNECTION = 100;
    public static final Duration DEFAULT_PER_DOMAIN_INTERVAL = Duration.ZERO;
    public static final Duration DEFAULT_CONNECTION_IDLE = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RETRY_INITIAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETRY_MAX = Duration.ofHours(4);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(5);
    public static final Duration DEFAULT_DELAY_WARNING = Duration.ofHours(4);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_CLAIM_BATCH = 1000;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

    public OutboundSettings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(client, "client");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxConnections < 1 || maxConnectionsPerDomain < 1 || messagesPerConnection < 1 || claimBatch < 1) {
            throw new IllegalArgumentException("limits must be >= 1");
        }
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("need 0 < retryInitial <= retryMax");
        }
        if (perDomainInterval.isNegative() || connectionIdle.isNegative() || delayWarning.isNegative() || maxLifetime.isNegative()
                || pollInterval.isNegative() || pollInterval.isZero() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public static OutboundSettings defaults(String hostname) {
        return new OutboundSettings(hostname, DEFAULT_PORT, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_DOMAIN,
                DEFAULT_MESSAGES_PER_CONNECTION, DEFAULT_PER_DOMAIN_INTERVAL, DEFAULT_CONNECTION_IDLE,
                DEFAULT_RETRY_INITIAL, DEFAULT_RETRY_MAX, DEFAULT_MAX_LIFETIME, DEFAULT_DELAY_WARNING, DEFAULT_POLL_INTERVAL, DEFAULT_CLAIM_BATCH, DEFAULT_LEASE,
                ClientSettings.defaults(hostname));
    }

    public OutboundSettings withPort(int p) {
        return new OutboundSettings(hostname, p, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, connectionIdle, retryInitial, retryMax, maxLifetime, delayWarning, pollInterval,
                claimBatch, lease, client);
    }

    public OutboundSettings withConnectionIdle(Duration idle) {
        return new OutboundSettings(hostname, port, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, idle, retryInitial, retryMax, maxLifetime, delayWarning, pollInterval, claimBatch,
                lease, client);
    }

    public OutboundSettings withLease(Duration l) {
        return new OutboundSettings(hostname, port, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, connectionIdle, retryInitial, retryMax, maxLifetime, delayWarning, pollInterval,
                claimBatch, l, client);
    }

    /** Retry timing (tests use milliseconds). */
    public OutboundSettings withRetry(Duration initial, Duration max, Duration lifetime, Duration warning) {
        return new OutboundSettings(hostname, port, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, connectionIdle, initial, max, lifetime, warning, pollInterval, claimBatch, lease, client);
    }

    public OutboundSettings withPollInterval(Duration poll) {
        return new OutboundSettings(hostname, port, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, connectionIdle, retryInitial, retryMax, maxLifetime, delayWarning, poll, claimBatch,
                lease, client);
    }

    public OutboundSettings withConnections(int total, int perDomain, int perConnection, Duration interval) {
        return new OutboundSettings(hostname, port, total, perDomain, perConnection, interval, connectionIdle,
                retryInitial, retryMax, maxLifetime, delayWarning, pollInterval, claimBatch, lease, client);
    }

    public OutboundSettings withClient(ClientSettings c) {
        return new OutboundSettings(hostname, port, maxConnections, maxConnectionsPerDomain, messagesPerConnection,
                perDomainInterval, connectionIdle, retryInitial, retryMax, maxLifetime, delayWarning, pollInterval,
                claimBatch, lease, c);
    }

    /** The delay before attempt {@code attempts + 1}: initial × 2^(attempts-1), at most {@link #retryMax}. */
    public Duration retryDelay(int attempts) {
        Duration d = retryInitial;
        for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }
}
