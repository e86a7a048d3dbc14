package dev.yubin.app.cli;

import dev.yubin.app.CliException;
import dev.yubin.app.config.Catalogue;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.QueueStore;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yubin queue list|show|retry|hold|release|delete}: the operator's view of the outbound
 * queue, working on the data directory (safe while the server runs; a running server sees a
 * retried or released entry at its next poll).
 */
@Command(name = "queue", description = "Inspect and manage the outbound queue.", mixinStandardHelpOptions = true,
        subcommands = {QueueCommand.ListEntries.class, QueueCommand.Show.class, QueueCommand.Retry.class,
                QueueCommand.Hold.class, QueueCommand.Release.class, QueueCommand.Delete.class})
public final class QueueCommand {

    private static <T> T withQueue(ConfigOptions config, Function<QueueStore, T> work) {
        Path dataDir = config.load().path(Catalogue.DATA_DIR);
        try (SqliteStore store = SqliteStore.open(dataDir)) {
            return work.apply(new SqliteQueueStore(store, Clock.systemUTC()));
        }
    }

    private static String age(Instant since) {
        Duration d = Duration.between(since, Instant.now());
        if (d.toDays() > 0) {
            return d.toDays() + "d" + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m" + d.toSecondsPart() + "s";
    }

    @Command(name = "list", description = "List unfinished entries: ID, state, age, size, sender, recipients, last error.")
    static final class ListEntries implements Runnable {
        @Mixin
        ConfigOptions config;
        @Option(names = "--limit", defaultValue = "1000", description = "Most entries to show (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public void run() {
            withQueue(config, q -> {
                Map<QueueState, Long> counts = q.counts();
                for (QueueEntry e : q.list(limit)) {
                    System.out.println(e.id() + "\t" + e.state() + "\t" + age(e.created()) + "\t" + e.size() + "\t<"
                            + e.sender() + ">\t" + e.pending().size() + "/" + e.recipients().size() + " to "
                            + e.destination() + (e.lastError().isEmpty() ? "" : "\t" + e.lastError()));
                }
                System.out.println("-- incoming=" + counts.getOrDefault(QueueState.INCOMING, 0L) + " active="
                        + counts.getOrDefault(QueueState.ACTIVE, 0L) + " deferred="
                        + counts.getOrDefault(QueueState.DEFERRED, 0L) + " held="
                        + counts.getOrDefault(QueueState.HELD, 0L));
                return null;
            });
        }
    }

    @Command(name = "show", description = "Show one entry with each recipient's state and last reply.")
    static final class Show implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            QueueEntry e = withQueue(config, q -> q.entry(id)).orElseThrow(() -> new CliException("no queue entry " + id));
            System.out.println("id: " + e.id() + " (accepted as " + e.originId() + ")");
            System.out.println("state: " + e.state());
            System.out.println("sender: <" + e.sender() + ">");
            System.out.println("destination: " + e.destination());
            System.out.println("size: " + e.size());
            System.out.println("created: " + e.created() + " (" + age(e.created()) + " ago)");
            System.out.println("attempts: " + e.attempts());
            System.out.println("next attempt: " + e.nextAttempt());
            e.envelopeId().ifPresent(v -> System.out.println("envid: " + v));
            e.ret().ifPresent(v -> System.out.println("ret: " + v));
            if (!e.lastError().isEmpty()) {
                System.out.println("last error: " + e.lastError());
            }
            for (QueueRecipient r : e.recipients()) {
                System.out.println("recipient: " + r.address() + "\t" + r.state()
                        + (r.notifyOn().isEmpty() ? "" : "\tnotify=" + r.notifyOn())
                        + (r.lastReply().isEmpty() ? "" : "\t" + r.lastReply()));
            }
        }
    }

    @Command(name = "retry", description = "Make a deferred entry due now.")
    static final class Retry implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            change(config, id, QueueStore::retry, "retry", "is not deferred");
        }
    }

    @Command(name = "hold", description = "Keep an entry from delivery until released.")
    static final class Hold implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            change(config, id, QueueStore::hold, "held", "is finished or already held");
        }
    }

    @Command(name = "release", description = "Release a held entry (due now).")
    static final class Release implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            change(config, id, QueueStore::release, "released", "is not held");
        }
    }

    @Command(name = "delete", description = "Delete an entry without a bounce.")
    static final class Delete implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public void run() {
            change(config, id, QueueStore::delete, "deleted", "does not exist");
        }
    }

    /** An operator change; the store method answers false when the entry is not in a fitting state. */
    @FunctionalInterface
    private interface Change {
        boolean apply(QueueStore q, long id);
    }

    private static void change(ConfigOptions config, long id, Change change, String done, String why) {
        boolean ok = withQueue(config, q -> {
            if (q.entry(id).isEmpty()) {
                throw new CliException("no queue entry " + id);
            }
            return change.apply(q, id);
        });
        if (!ok) {
            throw new CliException("queue entry " + id + " " + why);
        }
        System.out.println(done + " " + id);
    }
}
