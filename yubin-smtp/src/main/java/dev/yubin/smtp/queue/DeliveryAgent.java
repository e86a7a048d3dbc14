package dev.yubin.smtp.queue;

import dev.yubin.smtp.client.ClientEnvelope;
import dev.yubin.smtp.client.Extensions;
import dev.yubin.smtp.client.OutgoingMessage;
import dev.yubin.smtp.client.Reply;
import dev.yubin.smtp.client.SmtpConnection;
import dev.yubin.smtp.client.TransactionResult;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's worth of work for a destination: takes entries from its
 * {@link DestinationQueue} one after another and sends them over one SMTP connection (reused up
 * to {@link OutboundSettings#messagesPerConnection()} messages), opening a new one when needed.
 * When the destination cannot be reached, every entry waiting for it gets the same outcome.
 */
final class DeliveryAgent implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAgent.class);

    /** What the agent reports back for each entry. */
    interface Outcomes {
        void finish(QueueEntry e, Map<Integer, Reply> replies, Optional<String> remoteMta, String problem,
                    Attempts.DsnAtNextHop dsn);

        boolean running();
    }

    private final DestinationQueue queue;
    private final OutboundSettings settings;
    private final Routes routes;
    private final LocalDelivery local;
    private final BlobStore blobs;
    private final Outcomes outcomes;
    private SmtpConnection connection;
    private Boolean localDestination;
    private int sentOnConnection;

    DeliveryAgent(DestinationQueue queue, OutboundSettings settings, Routes routes, LocalDelivery local, BlobStore blobs,
                  Outcomes outcomes) {
        this.queue = queue;
        this.settings = settings;
        this.routes = routes;
        this.local = local;
        this.blobs = blobs;
        this.outcomes = outcomes;
    }

    @Override
    public void run() {
        Route route = null;
        try {
            QueueEntry e;
            while ((e = queue.poll(idleNanos())) != null) {
                if (!outcomes.running()) {
                    continue; // shutting down: the entries stay ACTIVE and are requeued at the next start
                }
                try {
                    if (isLocalDestination(e)) {
                        deliverLocally(e);
                        continue;
                    }
                    if (route == null || connection == null) {
                        route = routes.resolve(queue.destination()); // the resolver caches answers for their TTL
                    }
                    switch (route) {
                        case Route.Unroutable u -> failAll(e, Reply.local(550, u.status(), u.reason()));
                        case Route.TemporaryFailure t -> deferAll(e, t.reason());
                        case Route.Hosts h -> send(e, h);
                    }
                } catch (RuntimeException ex) {
                    LOG.error("event=queue.agent_failed id={} dest={}", e.id(), queue.destination(), ex);
                    outcomes.finish(e, Map.of(), Optional.empty(), "internal error: " + ex,
                            Attempts.DsnAtNextHop.NOT_OFFERED);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                connection.quit();
            }
        }
    }

    /** How long to wait for more mail before ending: only while a reusable connection is open. */
    private long idleNanos() {
        return outcomes.running() && connection != null && connection.isUsable() && sentOnConnection < settings.messagesPerConnection()
                ? settings.connectionIdle().toNanos() : 0;
    }

    /** Asked once per agent: a domain made local meanwhile is seen by the next agent. */
    private boolean isLocalDestination(QueueEntry e) {
        if (localDestination == null) {
            localDestination = !queue.destination().isAddressLiteral() && local.isLocal(e.recipients().get(0).address());
        }
        return localDestination;
    }

    /** Local recipients never go out: they get the message in their INBOX (RFC 5321 §5.1 loop avoidance). */
    private void deliverLocally(QueueEntry e) {
        Map<Integer, Reply> replies = new HashMap<>();
        try {
            for (QueueRecipient r : e.pending()) {
                LocalDelivery.Result res = local.deliver(e.blob(), e.size(), List.of(r.address()));
                replies.put(r.index(), res.delivered() > 0 ? Reply.local(250, "2.0.0", "delivered locally")
                        : Reply.local(550, "5.1.1", "no such local user " + r.address()));
            }
            outcomes.finish(e, replies, Optional.empty(), "", Attempts.DsnAtNextHop.FINAL_DELIVERY);
        } catch (IOException | RuntimeException ex) {
            LOG.warn("event=queue.local_delivery_failed id={}", e.id(), ex);
            outcomes.finish(e, replies, Optional.empty(), "local delivery failed: " + ex.getMessage(),
                    Attempts.DsnAtNextHop.OFFERED);
        }
    }

    private void failAll(QueueEntry first, Reply reply) {
        for (QueueEntry e : withWaiting(first)) {
            Map<Integer, Reply> replies = new HashMap<>();
            e.pending().forEach(r -> replies.put(r.index(), reply));
            outcomes.finish(e, replies, Optional.empty(), reply.oneLine(), Attempts.DsnAtNextHop.NOT_OFFERED);
        }
    }

    private void deferAll(QueueEntry first, String problem) {
        for (QueueEntry e : withWaiting(first)) {
            outcomes.finish(e, Map.of(), Optional.empty(), problem, Attempts.DsnAtNextHop.NOT_OFFERED);
        }
    }

    private List<QueueEntry> withWaiting(QueueEntry first) {
        List<QueueEntry> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(queue.drain());
        return all;
    }

    private void send(QueueEntry e, Route.Hosts hosts) {
        if (connection == null || !connection.isUsable() || sentOnConnection >= settings.messagesPerConnection()) {
            if (connection != null) {
                connection.quit();
                connection = null;
            }
            String problem = connect(hosts);
            if (connection == null) {
                deferAll(e, problem);
                return;
            }
        }
        List<QueueRecipient> pending = e.pending();
        Map<Integer, Reply> replies = new HashMap<>();
        Extensions ext = connection.extensions();
        String mta = connection.serverName();
        try {
            queue.awaitSlot();
            OutgoingMessage message = OutgoingMessage.fromBlob(blobs, e.blob(), e.size());
            TransactionResult result = connection.send(envelope(e, pending), message);
            sentOnConnection++;
            for (int i = 0; i < pending.size(); i++) {
                replies.put(pending.get(i).index(), result.perRecipient().get(i));
            }
            outcomes.finish(e, replies, Optional.of(mta), "", ext.has(Extensions.Keyword.DSN)
                    ? Attempts.DsnAtNextHop.OFFERED : Attempts.DsnAtNextHop.NOT_OFFERED);
        } catch (IOException ex) {
            LOG.info("event=queue.connection_lost id={} host={} reason=\"{}\"", e.id(), mta, ex.getMessage());
            connection.close();
            connection = null;
            outcomes.finish(e, Map.of(), Optional.of(mta), "connection to " + mta + " failed: " + ex.getMessage(),
                    Attempts.DsnAtNextHop.NOT_OFFERED);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            outcomes.finish(e, Map.of(), Optional.empty(), "interrupted", Attempts.DsnAtNextHop.NOT_OFFERED);
        }
    }

    /** Tries each address of each host in order; returns null when connected, else the last problem. */
    private String connect(Route.Hosts hosts) {
        String problem = "no host to try";
        TransportSecurity.Plan security = routes.security().plan(queue.destination());
        for (Route.Host h : hosts.hosts()) {
            TransportSecurity.HostSecurity tls = security.decide(h);
            if (tls instanceof TransportSecurity.Skip skip) {
                problem = skip.reason(); // RFC 8461 §4.1, RFC 7672 §2.2: try the next MX, else defer
                LOG.info("event=queue.host_skipped dest={} host={} reason=\"{}\"", queue.destination(), h.name(),
                        problem);
                continue;
            }
            for (InetAddress a : h.addresses()) {
                try {
                    connection = tls.open(new InetSocketAddress(a, settings.port()), h.name(), settings.client());
                    sentOnConnection = 0;
                    LOG.debug("event=queue.connected dest={} host={} addr={} tls={}", queue.destination(), h.name(),
                            a.getHostAddress(), connection.isTls());
                    return null;
                } catch (IOException ex) {
                    problem = "connect to " + h.name() + "[" + a.getHostAddress() + "]:" + settings.port() + ": "
                            + ex.getMessage();
                    LOG.info("event=queue.connect_failed dest={} reason=\"{}\"", queue.destination(), problem);
                }
            }
        }
        return problem;
    }

    private static ClientEnvelope envelope(QueueEntry e, List<QueueRecipient> pending) {
        return new ClientEnvelope(e.sender(), pending.stream()
                .map(r -> new ClientEnvelope.Rcpt(r.address(), r.notifyOn(), r.originalRecipient())).toList(),
                e.envelopeId(), e.ret(), e.utf8() == NewQueueEntry.Utf8.NEEDED ? ClientEnvelope.Utf8.NEEDED
                : ClientEnvelope.Utf8.NOT_NEEDED, e.body(), e.authSubmitter());
    }
}
