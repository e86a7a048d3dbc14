package dev.yubin.app.cli;

import dev.yubin.app.CliException;
import dev.yubin.app.Server;
import dev.yubin.app.Stores;
import dev.yubin.app.config.Config;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxCounts;
import dev.yubin.store.User;
import dev.yubin.store.sql.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code yubin mailbox list ADDRESS}: a user's folders with message counts and sizes. */
@Command(name = "mailbox", description = "Inspect users' mailboxes.", mixinStandardHelpOptions = true,
        subcommands = {MailboxCommand.ListMailboxes.class, MailboxCommand.Index.class})
public final class MailboxCommand {

    @Command(name = "list", description = "List a user's folders with message counts and sizes.")
    static final class ListMailboxes implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Override
        public void run() {
            EmailAddress a = EmailAddress.parse(address);
            try (Stores s = Stores.open(config.load())) {
                User u = s.directory().user(a).orElseThrow(() -> new CliException("no such user: " + a));
                System.out.printf("%-24s %10s %12s%n", "MAILBOX", "MESSAGES", "BYTES");
                for (Mailbox m : s.mailboxes().mailboxes(u.id())) {
                    MailboxCounts c = s.mailboxes().counts(m.id());
                    System.out.printf("%-24s %10d %12d%n", m.name(), c.messages(), c.sizeBytes());
                }
            }
        }
    }

    /**
     * Brings the full-text search index up to date now. The server indexes new mail in the
     * background whenever it is idle; after a bulk import this does all of it at once (safe while
     * the server runs).
     */
    @Command(name = "index", description = "Index every message not yet in the full-text search index, now.")
    static final class Index implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            Config c = config.load();
            try (Stores s = Stores.openIndexing(c, Server.indexer(c))) {
                if (!(s.handle() instanceof SqliteStore sqlite)) {
                    throw new CliException("this store keeps its own index");
                }
                long t0 = System.nanoTime();
                int n = sqlite.indexPendingTexts();
                System.out.printf("indexed %d messages in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
