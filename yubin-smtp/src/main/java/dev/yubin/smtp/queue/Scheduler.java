package dev.yubin.smtp.queue;

import dev.yubin.smtp.client.Reply;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.DueReports;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.QueueStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue manager (Postfix's qmgr): one thread claims due entries from the {@link QueueStore},
 * hands each to its destination's {@link DestinationQueue}, and starts {@link DeliveryAgent}s
 * (virtual threads) within the per-destination and global connection limits. Every attempt ends
 * in {@link #finish}, the only place that moves an entry out of ACTIVE.
 */
final class Scheduler implements DeliveryAgent.Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration STATS_INTERVAL = Duration.ofMinutes(1);
    private static final Duration FINISHED_RETENTION = Duration.ofDays(1);
    private static final int REPORT_BATCH = 50;

    private final OutboundSettings settings;
    private final QueueStore store;
    private final Routes routes;
    private final LocalDelivery local;
    private final BlobStore blobs;
    private final Bouncer bouncer;
    private final Clock clock;
    private final Map<String, DestinationQueue> destinations = new ConcurrentHashMap<>();
    private final Semaphore connections;
    private final Semaphore wake = new Semaphore(0);
    private final java.util.concurrent.atomic.AtomicBoolean reportsDue = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.Set<Long> inMemory = ConcurrentHashMap.newKeySet();
    private final Map<Long, QueueEntry> reclaimed = new java.util.HashMap<>();
    private final Thread thread;
    private final OutcomeWriter outcomes;
    private volatile boolean running = true;
    private Instant nextStats = Instant.EPOCH;
    private Instant nextRenewal = Instant.EPOCH;

    Scheduler(OutboundSettings settings, QueueStore store, Routes routes, LocalDelivery local, BlobStore blobs,
              Bouncer bouncer, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.routes = routes;
        this.local = local;
        this.blobs = blobs;
        this.bouncer = bouncer;
        this.clock = clock;
        this.connections = new Semaphore(settings.maxConnections());
        this.thread = Thread.ofPlatform().name("yubin-queue-scheduler").daemon().unstarted(this::loop);
        this.outcomes = new OutcomeWriter(store, this::committed, this::reportsDue);
    }

    void start() {
        outcomes.start();
        thread.start();
    }

    /** Makes the scheduler look for due entries now (after an enqueue). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                int room = settings.claimBatch() - inFlight.get();
                int claimed = 0;
                if (room > 0) {
                    List<QueueEntry> due = store.claimDue(clock.instant(), settings.lease(), room);
                    claimed = due.size();
                    for (QueueEntry e : due) {
                        dispatch(e);
                    }
                }
                sendReports();
                housekeeping();
                if (claimed > 0 && claimed == room) {
                    continue; // more may be due
                }
                wake.tryAcquire(sleepMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("event=queue.scheduler_error", e);
                sleepQuietly();
            }
        }
    }

    private long sleepMillis() {
        long poll = settings.pollInterval().toMillis();
        Optional<Instant> next = store.nextDue();
        if (next.isEmpty()) {
            return poll;
        }
        long until = Duration.between(clock.instant(), next.get()).toMillis();
        return Math.max(1, Math.min(poll, until));
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Reserves room in memory for {@code n} new entries that the caller will enqueue already
     * claimed ({@link QueueStore#enqueueClaimed}) and hand to {@link #dispatchClaimed}; false when
     * the scheduler is full or stopped (then the caller enqueues them normally and wakes it).
     */
    boolean reserve(int n) {
        if (!running || !thread.isAlive()) {
            return false;
        }
        while (true) {
            int now = inFlight.get();
            if (now + n > settings.claimBatch()) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + n)) {
                return true;
            }
        }
    }

    /** Gives back a reservation whose entries were not enqueued. */
    void unreserve(int n) {
        inFlight.addAndGet(-n);
    }

    /** Delivers an entry enqueued already claimed, within a {@link #reserve reservation}. */
    void dispatchClaimed(QueueEntry e) {
        inMemory.add(e.id());
        toDestination(e);
    }

    private void dispatch(QueueEntry e) {
        synchronized (reclaimed) {
            if (!inMemory.add(e.id())) {
                // still held here: claimed again between its outcome's commit and its release (decided in release)
                reclaimed.put(e.id(), e);
                return;
            }
        }
        inFlight.incrementAndGet();
        toDestination(e);
    }

    private void toDestination(QueueEntry e) {
        DestinationQueue q = destinations.computeIfAbsent(e.destination(), d -> new DestinationQueue(new Destination(d),
                settings.maxConnectionsPerDomain(), settings.perDomainInterval().toNanos()));
        if (q.offer(e)) {
            DeliveryAgent agent = new DeliveryAgent(q, settings, routes, local, blobs, this);
            Thread.ofVirtual().name("yubin-queue-agent-" + e.destination()).start(() -> {
                if (!connections.tryAcquire()) {
                    destinations.values().forEach(DestinationQueue::releaseIdle); // idle connections make room
                    connections.acquireUninterruptibly();
                }
                try {
                    agent.run();
                } finally {
                    connections.release();
                }
            });
        }
    }

    @Override
    public void finish(QueueEntry e, Map<Integer, Reply> replies, Optional<String> remoteMta, String problem,
                       Attempts.DsnAtNextHop dsn) {
        try {
            Attempts.Decision d = Attempts.decide(e, replies, remoteMta, problem, dsn, clock.instant(), settings);
            // committed in a batch with its report parts (the DSN goes out when the message is done); the agent goes on
            outcomes.submit(new OutcomeWriter.Pending(e, d));
        } catch (RuntimeException ex) {
            LOG.error("event=queue.finish_failed id={}", e.id(), ex); // the lease expires and it is tried again
            release(e);
        }
    }

    /** The outcome writer made report parts due: send them from the scheduler's thread. */
    void reportsDue() {
        reportsDue.set(true);
        wake();
    }

    /**
     * Sends each message's due report parts as one DSN, then forgets them (a crash in between
     * sends the DSN again; it is never lost).
     */
    private void sendReports() {
        if (!reportsDue.getAndSet(false)) {
            return;
        }
        boolean queued = false;
        List<DueReports> due;
        while (!(due = store.dueReports(REPORT_BATCH)).isEmpty()) {
            for (DueReports r : due) {
                try {
                    queued |= bouncer.send(r);
                } catch (IOException | RuntimeException ex) {
                    LOG.error("event=queue.dsn_failed origin={}", r.originId(), ex); // kept; tried again later
                    return;
                }
                store.reportsSent(r.ids());
            }
        }
        if (queued) {
            wake();
        }
    }

    /** After the outcome writer's commit. */
    private void committed(OutcomeWriter.Pending p, boolean applied) {
        logAttempt(p.entry(), p.decision(), applied);
        release(p.entry());
    }

    private void release(QueueEntry e) {
        QueueEntry again;
        synchronized (reclaimed) {
            again = reclaimed.remove(e.id());
            if (again == null || again.attempts() <= e.attempts()) {
                // none, or claimed before this attempt's outcome was stored (its lease had run out): that claim is
                // void now, the entry is due again by the stored outcome; never send it twice
                inMemory.remove(e.id());
                inFlight.decrementAndGet();
                return;
            }
        }
        toDestination(again); // the claim saw the stored outcome: a new attempt, held as before
    }

    private static void logAttempt(QueueEntry e, Attempts.Decision d, boolean applied) {
        LOG.info("event=queue.attempt id={} origin={} dest={} attempt={} delivered={} failed={} pending={} state={}"
                        + " next={} reports={} applied={} last=\"{}\"", e.id(), e.originId(), e.destination(),
                e.attempts() + 1, d.delivered(), d.failed(), d.pending(), d.result().state(),
                d.result().state() == QueueState.DEFERRED ? d.result().nextAttempt() : "-", d.reports().size(),
                applied, d.result().lastError());
    }

    private void housekeeping() {
        Instant now = clock.instant();
        renewLeases(now);
        if (now.isBefore(nextStats)) {
            return;
        }
        nextStats = now.plus(STATS_INTERVAL);
        reportsDue.set(true); // parts a failed DSN left behind are tried again
        Map<QueueState, Long> counts = store.counts();
        long oldest = store.list(1).stream().findFirst().map(e -> Duration.between(e.created(), now).toSeconds())
                .orElse(0L);
        LOG.info("event=queue.stats incoming={} active={} deferred={} held={} oldest_age_s={} in_memory={}"
                        + " destinations={}", counts.getOrDefault(QueueState.INCOMING, 0L),
                counts.getOrDefault(QueueState.ACTIVE, 0L), counts.getOrDefault(QueueState.DEFERRED, 0L),
                counts.getOrDefault(QueueState.HELD, 0L), oldest, inFlight.get(), destinations.size());
        store.purgeFinished(now.minus(FINISHED_RETENTION));
    }

    /**
     * Every third of a lease, extends the leases of every entry held in memory (waiting for or in
     * an attempt) to a full lease, so an attempt that outlasts a lease is never claimed by another
     * scheduler meanwhile. The bound: only a process stalled for a whole lease loses its claims.
     */
    private void renewLeases(Instant now) {
        if (now.isBefore(nextRenewal)) {
            return;
        }
        nextRenewal = now.plus(settings.lease().dividedBy(3));
        if (inMemory.isEmpty()) {
            return;
        }
        int renewed = store.renewLeases(List.copyOf(inMemory), now, now.plus(settings.lease()));
        LOG.debug("event=queue.leases_renewed held={} renewed={}", inMemory.size(), renewed);
    }

    /** Stops claiming and waits (bounded) for running attempts; unfinished claims are requeued at the next start. */
    void close() {
        running = false;
        wake.release();
        destinations.values().forEach(DestinationQueue::releaseIdle); // idle connections close now
        try {
            thread.join(5_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (connections.availablePermits() < settings.maxConnections() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            outcomes.close(); // after the agents: their last outcomes are committed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
