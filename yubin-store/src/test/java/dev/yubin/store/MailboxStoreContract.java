package dev.yubin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link MailboxStore} contract, part 1: folders, delivery, append, flags, expunge. Part 2
 * ({@link MailboxStoreMoreContract}) covers copy, move, quota, search, listeners, concurrency
 * and reopening. Subclasses open an implementation over an empty data directory.
 */
public abstract class MailboxStoreContract {
    @TempDir
    protected Path dataDir;
    protected StoreFixture fixture;
    protected MailboxStore store;
    protected User alice;
    protected User bob;

    /** Opens the stores over {@code dataDir}; opening the same directory again sees the same data. */
    protected abstract StoreFixture open(Path dataDir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        fixture = open(dataDir);
        store = fixture.mailboxes();
        fixture.directory().addDomain(Domain.parse("example.org"));
        alice = fixture.directory().addUser(EmailAddress.parse("alice@example.org"), DirectoryContract.CREDS);
        bob = fixture.directory().addUser(EmailAddress.parse("bob@example.org"), DirectoryContract.CREDS);
    }

    @AfterEach
    void closeStore() throws Exception {
        fixture.close();
    }

    /** Writes a body to the blob store and describes it as a new message. */
    protected NewMessage message(String text) throws IOException {
        String body = "Subject: test\r\n\r\n" + text + "\r\n";
        try (BlobStore.Writer w = fixture.blobs().create()) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            w.stream().write(bytes);
            BlobId id = w.commit();
            return new NewMessage(id, bytes.length, Instant.ofEpochSecond(1_700_000_000), "summary:" + text);
        }
    }

    protected Mailbox inbox(User u) {
        return store.mailbox(u.id(), "INBOX").orElseThrow();
    }

    protected long deliver(User u, String text) throws IOException {
        List<Delivery> d = store.deliver(message(text), List.of(DeliveryTarget.inbox(u.id())));
        return ((Delivery.Delivered) d.get(0)).uid();
    }

    protected String body(BlobId id) throws IOException {
        try (InputStream in = fixture.blobs().open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mailboxLookupAndInboxCase() {
        assertThat(store.mailbox(alice.id(), "inbox")).contains(inbox(alice));
        assertThat(store.mailbox(alice.id(), "sent")).isEmpty();
        Mailbox sent = store.mailbox(alice.id(), "Sent").orElseThrow();
        assertThat(store.mailbox(sent.id())).contains(sent);
        assertThat(sent.owner()).isEqualTo(alice.id());
        assertThat(store.mailbox(new MailboxId(9_999_999))).isEmpty();
        assertThat(store.mailboxes(alice.id())).extracting(Mailbox::name)
                .containsExactly("Archive", "Drafts", "INBOX", "Junk", "Sent", "Trash");
    }

    @Test
    void createDeleteAndUidValidityNeverRepeats() {
        Mailbox a = store.createMailbox(alice.id(), "Projects", Optional.empty());
        assertThat(a.uidNext()).isEqualTo(1);
        assertThatThrownBy(() -> store.createMailbox(alice.id(), "Projects", Optional.empty()))
                .isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> store.createMailbox(alice.id(), "INBOX", Optional.empty()))
                .isInstanceOf(StoreException.Conflict.class);
        store.deleteMailbox(a.id());
        assertThat(store.mailbox(alice.id(), "Projects")).isEmpty();
        Mailbox again = store.createMailbox(alice.id(), "Projects", Optional.of(SpecialUse.FLAGGED));
        assertThat(again.uidValidity()).isGreaterThan(a.uidValidity());
        assertThat(again.id()).isNotEqualTo(a.id());
        assertThat(again.specialUse()).contains(SpecialUse.FLAGGED);
        assertThatThrownBy(() -> store.deleteMailbox(inbox(alice).id())).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> store.deleteMailbox(a.id())).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void renameMovesChildrenAndKeepsUidValidity() throws IOException {
        Mailbox a = store.createMailbox(alice.id(), "a", Optional.empty());
        Mailbox ab = store.createMailbox(alice.id(), "a/b", Optional.empty());
        store.createMailbox(alice.id(), "ax", Optional.empty());
        store.append(ab.id(), message("kept"), List.of());
        store.renameMailbox(a.id(), "z");
        assertThat(store.mailbox(a.id()).orElseThrow().name()).isEqualTo("z");
        assertThat(store.mailbox(a.id()).orElseThrow().uidValidity()).isEqualTo(a.uidValidity());
        assertThat(store.mailbox(ab.id()).orElseThrow().name()).isEqualTo("z/b");
        assertThat(store.mailbox(alice.id(), "ax")).isPresent();
        assertThat(store.messages(ab.id())).hasSize(1);
        assertThatThrownBy(() -> store.renameMailbox(a.id(), "Sent")).isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> store.renameMailbox(inbox(alice).id(), "Old")).isInstanceOf(StoreException.Conflict.class);
    }

    @Test
    void subscriptionsAreNames() {
        store.subscribe(alice.id(), "Lists/rust");
        store.subscribe(alice.id(), "Lists/rust");
        assertThat(store.subscriptions(alice.id())).contains("Lists/rust", "INBOX");
        store.unsubscribe(alice.id(), "Lists/rust");
        store.unsubscribe(alice.id(), "never");
        assertThat(store.subscriptions(alice.id())).doesNotContain("Lists/rust");
        assertThat(store.subscriptions(bob.id())).doesNotContain("Lists/rust");
    }

    @Test
    void deliverAssignsIncreasingUidsAndModSeqs() throws IOException {
        Mailbox before = inbox(alice);
        long u1 = deliver(alice, "one");
        long u2 = deliver(alice, "two");
        assertThat(u1).isEqualTo(before.uidNext());
        assertThat(u2).isGreaterThan(u1);
        Mailbox after = inbox(alice);
        assertThat(after.uidNext()).isGreaterThan(u2);
        assertThat(after.highestModSeq()).isGreaterThan(before.highestModSeq());
        List<MessageRecord> msgs = store.messages(after.id());
        assertThat(msgs).extracting(MessageRecord::uid).containsExactly(u1, u2);
        assertThat(msgs.get(1).modSeq()).isGreaterThan(msgs.get(0).modSeq());
        assertThat(msgs.get(1).modSeq()).isEqualTo(after.highestModSeq());
        assertThat(msgs.get(0).internalDate()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(msgs.get(0).flags()).isEmpty();
        assertThat(body(msgs.get(0).blob())).contains("one");
        MailboxCounts c = store.counts(after.id());
        assertThat(c.messages()).isEqualTo(2);
        assertThat(c.unseen()).isEqualTo(2);
        assertThat(c.sizeBytes()).isEqualTo(msgs.get(0).size() + msgs.get(1).size());
        assertThat(c.uidNext()).isEqualTo(after.uidNext());
        assertThat(c.uidValidity()).isEqualTo(after.uidValidity());
        assertThat(c.highestModSeq()).isEqualTo(after.highestModSeq());
    }

    @Test
    void deliverToManyUsersSharesOneBlob() throws IOException {
        NewMessage m = message("for both");
        List<Delivery> d = store.deliver(m, List.of(DeliveryTarget.inbox(alice.id()), DeliveryTarget.inbox(bob.id()),
                new DeliveryTarget(bob.id(), "Junk", Set.of("$Junk")), new DeliveryTarget(bob.id(), "NoSuch", Set.of())));
        assertThat(d).hasSize(4).allMatch(x -> x instanceof Delivery.Delivered);
        assertThat(((Delivery.Delivered) d.get(0)).mailbox()).isEqualTo(inbox(alice).id());
        assertThat(((Delivery.Delivered) d.get(3)).mailbox()).as("unknown folder goes to INBOX").isEqualTo(inbox(bob).id());
        Mailbox junk = store.mailbox(bob.id(), "Junk").orElseThrow();
        assertThat(((Delivery.Delivered) d.get(2)).mailbox()).isEqualTo(junk.id());
        assertThat(store.messages(junk.id()).get(0).flags()).containsExactly("$Junk");
        assertThat(store.messages(inbox(alice).id()).get(0).blob()).isEqualTo(m.blob());
        assertThat(store.messages(inbox(bob).id())).extracting(MessageRecord::blob).containsOnly(m.blob());
        assertThat(store.summaries(inbox(bob).id(), List.of(((Delivery.Delivered) d.get(1)).uid())))
                .containsExactly("summary:for both");
    }

    @Test
    void appendKeepsFlagsAndReportsUidPlus() throws IOException {
        Mailbox drafts = store.mailbox(alice.id(), "Drafts").orElseThrow();
        AppendResult r = store.append(drafts.id(), message("draft"), List.of("\\Draft", "\\seen", "\\Recent", "Work"));
        assertThat(r.uidValidity()).isEqualTo(drafts.uidValidity());
        assertThat(r.uid()).isEqualTo(drafts.uidNext());
        MessageRecord m = store.messages(drafts.id()).get(0);
        assertThat(m.flags()).containsExactlyInAnyOrder("\\Draft", "\\Seen", "Work");
        assertThat(m.hasFlag("\\SEEN")).isTrue();
        assertThatThrownBy(() -> store.append(new MailboxId(9_999_999), message("x"), List.of()))
                .isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void storeFlagsModesAndModSeq() throws IOException {
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        MailboxId box = inbox(alice).id();
        long ms0 = inbox(alice).highestModSeq();
        FlagsResult r = store.storeFlags(box, List.of(u1, u2, 999L), new FlagChange(FlagChange.Mode.ADD,
                Set.of("\\Seen", "Label")), -1);
        assertThat(r.updated()).extracting(MessageRecord::uid).containsExactly(u1, u2);
        assertThat(r.updated()).allMatch(m -> m.modSeq() > ms0 && m.flags().equals(Set.of("\\Seen", "Label")));
        assertThat(r.modifiedSince()).isEmpty();
        long ms1 = inbox(alice).highestModSeq();
        assertThat(ms1).isGreaterThan(ms0);

        FlagsResult same = store.storeFlags(box, List.of(u1), new FlagChange(FlagChange.Mode.ADD, Set.of("\\seen")), -1);
        assertThat(same.updated()).as("no change, no new MODSEQ").isEmpty();
        assertThat(inbox(alice).highestModSeq()).isEqualTo(ms1);

        store.storeFlags(box, List.of(u1), new FlagChange(FlagChange.Mode.REMOVE, Set.of("label")), -1);
        store.storeFlags(box, List.of(u2), new FlagChange(FlagChange.Mode.REPLACE, Set.of("\\Flagged")), -1);
        List<MessageRecord> msgs = store.messages(box);
        assertThat(msgs.get(0).flags()).containsExactly("\\Seen");
        assertThat(msgs.get(1).flags()).containsExactly("\\Flagged");
        assertThat(msgs.get(1).modSeq()).isGreaterThan(msgs.get(0).modSeq());
        assertThat(store.counts(box).unseen()).isEqualTo(1);
    }

    @Test
    void storeFlagsUnchangedSince() throws IOException {
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        MailboxId box = inbox(alice).id();
        List<MessageRecord> msgs = store.messages(box);
        long since = msgs.get(0).modSeq(); // u1 unchanged since then, u2 newer
        FlagsResult r = store.storeFlags(box, List.of(u1, u2), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), since);
        assertThat(r.updated()).extracting(MessageRecord::uid).containsExactly(u1);
        assertThat(r.modifiedSince()).containsExactly(u2);
        assertThat(store.messages(box).get(1).flags()).isEmpty();
    }

    @Test
    void expungeRemovesDeletedAndLeavesTombstones() throws IOException {
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        long u3 = deliver(alice, "c");
        MailboxId box = inbox(alice).id();
        store.storeFlags(box, List.of(u1, u2, u3), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
        long before = inbox(alice).highestModSeq();
        assertThat(store.counts(box).deleted()).isEqualTo(3);
        assertThat(store.expunge(box, Optional.of(List.of(u2, 12345L)))).containsExactly(u2);
        assertThat(store.messages(box)).extracting(MessageRecord::uid).containsExactly(u1, u3);
        assertThat(store.expunge(box, Optional.empty())).containsExactly(u1, u3);
        assertThat(store.messages(box)).isEmpty();
        assertThat(store.expunge(box, Optional.empty())).isEmpty();
        Changes ch = store.changesSince(box, before);
        assertThat(ch.expunged()).containsExactly(u1, u2, u3);
        assertThat(ch.highestModSeq()).isGreaterThan(before);
        long u4 = deliver(alice, "d");
        assertThat(u4).as("UIDs are never reused").isGreaterThan(u3);
    }

    @Test
    void changesSinceListsChangedMessages() throws IOException {
        long u1 = deliver(alice, "a");
        MailboxId box = inbox(alice).id();
        long mark = inbox(alice).highestModSeq();
        long u2 = deliver(alice, "b");
        Changes ch = store.changesSince(box, mark);
        assertThat(ch.changed()).extracting(MessageRecord::uid).containsExactly(u2);
        assertThat(ch.expunged()).isEmpty();
        store.storeFlags(box, List.of(u1), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Answered")), -1);
        ch = store.changesSince(box, mark);
        assertThat(ch.changed()).extracting(MessageRecord::uid).containsExactly(u1, u2);
        assertThat(ch.highestModSeq()).isEqualTo(inbox(alice).highestModSeq());
        assertThat(store.changesSince(box, ch.highestModSeq()).changed()).isEmpty();
        assertThatThrownBy(() -> store.changesSince(new MailboxId(9_999_999), 0)).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void claimRecentHandsRecentToOneSession() throws IOException {
        MailboxId box = inbox(alice).id();
        long u1 = deliver(alice, "a");
        deliver(alice, "b");
        assertThat(store.claimRecent(box)).isLessThanOrEqualTo(u1);
        long next = inbox(alice).uidNext();
        assertThat(store.claimRecent(box)).as("a second session sees none recent").isEqualTo(next);
        long u3 = deliver(alice, "c");
        assertThat(store.claimRecent(box)).isEqualTo(u3);
    }

    @Test
    void countRecentReportsWithoutClaiming() throws IOException {
        MailboxId box = inbox(alice).id();
        store.claimRecent(box);
        assertThat(store.countRecent(box)).isZero();
        deliver(alice, "a");
        long u2 = deliver(alice, "b");
        assertThat(store.countRecent(box)).isEqualTo(2);
        assertThat(store.recentMark(box)).isLessThan(u2).isEqualTo(store.recentMark(box));
        assertThat(store.countRecent(box)).as("counting claims nothing").isEqualTo(2);
        store.expunge(box, Optional.empty());
        store.storeFlags(box, List.of(u2), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
        store.expunge(box, Optional.empty());
        assertThat(store.countRecent(box)).as("expunged messages are not counted").isEqualTo(1);
        store.claimRecent(box);
        assertThat(store.countRecent(box)).isZero();
        assertThat(store.recentMark(box)).isEqualTo(inbox(alice).uidNext());
    }

    @Test
    void boundedClaimLeavesLaterArrivalsForTheNextClaim() throws IOException {
        MailboxId box = inbox(alice).id();
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        long low = store.claimRecent(box, u2);
        assertThat(low).as("the caller's recent UIDs are [low, u2)").isLessThanOrEqualTo(u1);
        assertThat(store.recentMark(box)).isEqualTo(u2);
        assertThat(store.countRecent(box)).isEqualTo(1);
        long u3 = deliver(alice, "c");
        assertThat(store.claimRecent(box, u3 + 1)).isEqualTo(u2);
        assertThat(store.claimRecent(box, u2)).as("the mark never moves back").isEqualTo(u3 + 1);
        assertThat(store.recentMark(box)).isEqualTo(u3 + 1);
        assertThat(store.claimRecent(box, Long.MAX_VALUE)).isEqualTo(u3 + 1);
        assertThat(store.recentMark(box)).as("never beyond UIDNEXT").isEqualTo(inbox(alice).uidNext());
    }
}
