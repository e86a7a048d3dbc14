package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.Credentials;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.FlagChange;
import dev.yubin.store.MailboxId;
import dev.yubin.store.NewMessage;
import dev.yubin.store.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search over indexed and not-yet-indexed texts (the trigram index is built when the writer is idle). */
class SqliteSearchTest {
    @TempDir
    Path dir;
    SqliteStore store;
    User user;
    MailboxId inbox;
    int next;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir);
        store.addDomain(Domain.parse("example.org"));
        user = store.addUser(EmailAddress.parse("u@example.org"), new Credentials("$argon2id$x", Optional.empty()));
        inbox = store.mailbox(user.id(), "INBOX").orElseThrow().id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long deliver(String text) {
        BlobId id = new BlobId(String.format("%032x", ++next));
        List<Delivery> d = store.deliver(new NewMessage(id, 10, Instant.now(), "", text),
                List.of(DeliveryTarget.inbox(user.id())));
        return ((Delivery.Delivered) d.get(0)).uid();
    }

    @Test
    void findsIndexedAndPendingTexts() {
        long a = deliver("Grüße aus Köln, Straße 5");
        store.indexPendingTexts();
        long b = deliver("more from KÖLN today");
        assertThat(store.searchText(inbox, "köln")).containsExactly(a, b);
        assertThat(store.searchText(inbox, "aus k")).containsExactly(a);
        store.indexPendingTexts();
        assertThat(store.searchText(inbox, "köln")).containsExactly(a, b);
        assertThat(store.searchText(inbox, "STRASSE")).isEmpty();
        assertThat(store.searchText(inbox, "5")).containsExactly(a);
    }

    @Test
    void expungedTextsLeaveTheIndex() {
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
    void phraseSyntaxIsLiteral() {
        long a = deliver("say \"hi\" OR NOT bye*");
        store.indexPendingTexts();
        assertThat(store.searchText(inbox, "\"hi\" OR")).containsExactly(a);
        assertThat(store.searchText(inbox, "bye*")).containsExactly(a);
        assertThat(store.searchText(inbox, "NOT hi")).isEmpty();
    }
}
