package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Credentials;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.FlagChange;
import dev.yubin.store.MailboxId;
import dev.yubin.store.NewMessage;
import dev.yubin.store.TextScope;
import dev.yubin.store.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over indexed and not-yet-indexed messages: the text is extracted from the stored bodies
 * by the background indexer, or on the spot for messages it has not reached.
 */
class SqliteSearchTest {
    @TempDir
    Path dir;
    SqliteStore store;
    User user;
    MailboxId inbox;

    @BeforeEach
    void open() {
        store = SqliteStore.open(MimeTexts.settings(dir));
        store.addDomain(Domain.parse("example.org"));
        user = store.addUser(EmailAddress.parse("u@example.org"), new Credentials("$argon2id$x", Optional.empty()));
        inbox = store.mailbox(user.id(), "INBOX").orElseThrow().id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long deliver(String subject, String text) throws IOException {
        byte[] raw = ("Subject: " + subject + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        BlobId id;
        try (BlobStore.Writer w = store.blobs().create()) {
            w.stream().write(raw);
            id = w.commit();
        }
        List<Delivery> d = store.deliver(new NewMessage(id, raw.length, Instant.now(), ""),
                List.of(DeliveryTarget.inbox(user.id())));
        return ((Delivery.Delivered) d.get(0)).uid();
    }

    private long deliver(String text) throws IOException {
        return deliver("hello", text);
    }

    private long pending() {
        return Jdbi.create("jdbc:sqlite:" + dir.resolve("yubin.db"))
                .withHandle(h -> h.createQuery("SELECT count(*) FROM text_pending").mapTo(Long.class).one());
    }

    @Test
    void findsIndexedAndPendingTexts() throws IOException {
        long a = deliver("Grüße aus Köln, Straße 5");
        store.indexPendingTexts();
        long b = deliver("more from KÖLN today");
        assertThat(store.searchText(inbox, "köln")).containsExactly(a, b);
        assertThat(store.searchText(inbox, "aus k")).containsExactly(a);
        store.indexPendingTexts();
        assertThat(pending()).isZero();
        assertThat(store.searchText(inbox, "köln")).containsExactly(a, b);
        assertThat(store.searchText(inbox, "STRASSE")).isEmpty();
        assertThat(store.searchText(inbox, "5")).containsExactly(a);
    }

    @Test
    void bodySearchLeavesTheHeaderOut() throws IOException {
        long a = deliver("quarterly report", "see attached");
        long b = deliver("lunch", "the quarterly report is late");
        for (int round = 0; round < 2; round++) { // not indexed, then indexed
            assertThat(store.searchText(inbox, "quarterly", TextScope.TEXT)).containsExactly(a, b);
            assertThat(store.searchText(inbox, "quarterly", TextScope.BODY)).containsExactly(b);
            assertThat(store.searchText(inbox, "lu", TextScope.BODY)).isEmpty();
            assertThat(store.searchText(inbox, "lu", TextScope.TEXT)).containsExactly(b);
            store.indexPendingTexts();
        }
    }

    @Test
    void theBackgroundIndexerCatchesUpWhenIdle() throws Exception {
        for (int i = 0; i < 50; i++) {
            deliver("message number " + i + " about zanzibar");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pending()).isZero();
        assertThat(store.searchText(inbox, "zanzibar")).hasSize(50);
        assertThat(store.searchText(inbox, "number 17 ")).hasSize(1);
    }

    @Test
    void expungedTextsLeaveTheIndex() throws IOException {
        long a = deliver("alpha bravo");
        long b = deliver("alpha charlie");
        store.indexPendingTexts();
        store.storeFlags(inbox, List.of(a), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
        store.expunge(inbox, Optional.empty());
        assertThat(store.searchText(inbox, "alpha")).containsExactly(b);
        long c = deliver("alpha delta");
        assertThat(store.searchText(inbox, "alpha")).containsExactly(b, c);
        assertThat(store.integrityCheck()).isEmpty();
    }

    @Test
    void phraseSyntaxIsLiteral() throws IOException {
        long a = deliver("say \"hi\" OR NOT bye*");
        store.indexPendingTexts();
        assertThat(store.searchText(inbox, "\"hi\" OR")).containsExactly(a);
        assertThat(store.searchText(inbox, "bye*")).containsExactly(a);
        assertThat(store.searchText(inbox, "NOT hi")).isEmpty();
        assertThat(store.searchText(inbox, "body : hi", TextScope.BODY)).isEmpty();
    }
}
