package dev.yubin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.core.EmailAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@link MailboxStore} contract, part 2: copy, move, quota, search, listeners, concurrency, reopen. */
public abstract class MailboxStoreMoreContract extends MailboxStoreContract {

    @Test
    void copyKeepsFlagsDatesAndBlob() throws IOException {
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        MailboxId box = inbox(alice).id();
        store.storeFlags(box, List.of(u2), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Flagged", "Work")), -1);
        Mailbox archive = store.mailbox(alice.id(), "Archive").orElseThrow();
        CopyResult r = store.copy(box, List.of(u2, u1, 777L), archive.id());
        assertThat(r.uidValidity()).isEqualTo(archive.uidValidity());
        assertThat(r.sourceUids()).containsExactly(u1, u2);
        assertThat(r.targetUids()).hasSize(2);
        assertThat(r.targetUids().get(1)).isGreaterThan(r.targetUids().get(0));
        List<MessageRecord> src = store.messages(box);
        List<MessageRecord> dst = store.messages(archive.id());
        assertThat(dst).extracting(MessageRecord::uid).containsExactlyElementsOf(r.targetUids());
        for (int i = 0; i < 2; i++) {
            assertThat(dst.get(i).flags()).isEqualTo(src.get(i).flags());
            assertThat(dst.get(i).blob()).isEqualTo(src.get(i).blob());
            assertThat(dst.get(i).internalDate()).isEqualTo(src.get(i).internalDate());
            assertThat(dst.get(i).size()).isEqualTo(src.get(i).size());
        }
        assertThat(store.summaries(archive.id(), r.targetUids())).containsExactly("summary:a", "summary:b");
        assertThat(store.copy(box, List.of(555L), archive.id()).sourceUids()).isEmpty();
    }

    @Test
    void moveExpungesTheSource() throws IOException {
        long u1 = deliver(alice, "a");
        long u2 = deliver(alice, "b");
        MailboxId box = inbox(alice).id();
        long before = inbox(alice).highestModSeq();
        Mailbox trash = store.mailbox(alice.id(), "Trash").orElseThrow();
        CopyResult r = store.move(box, List.of(u1), trash.id());
        assertThat(r.sourceUids()).containsExactly(u1);
        assertThat(store.messages(box)).extracting(MessageRecord::uid).containsExactly(u2);
        assertThat(store.messages(trash.id())).extracting(MessageRecord::uid).containsExactlyElementsOf(r.targetUids());
        assertThat(store.changesSince(box, before).expunged()).containsExactly(u1);
        assertThat(body(store.messages(trash.id()).get(0).blob())).contains("a");
    }

    @Test
    void quotaIsEnforcedOnDeliverAppendAndCopy() throws IOException {
        NewMessage m = message("x".repeat(100));
        fixture.directory().setQuota(EmailAddress.parse("alice@example.org"), m.size() * 2 + 10);
        store.deliver(m, List.of(DeliveryTarget.inbox(alice.id())));
        assertThat(store.usedBytes(alice.id())).isEqualTo(m.size());
        List<Delivery> d = store.deliver(message("x".repeat(100)),
                List.of(DeliveryTarget.inbox(alice.id()), DeliveryTarget.inbox(bob.id())));
        assertThat(d.get(0)).isInstanceOf(Delivery.Delivered.class);
        assertThat(d.get(1)).isInstanceOf(Delivery.Delivered.class);
        List<Delivery> over = store.deliver(message("x".repeat(100)),
                List.of(DeliveryTarget.inbox(alice.id()), DeliveryTarget.inbox(bob.id())));
        assertThat(over.get(0)).isInstanceOf(Delivery.OverQuota.class);
        assertThat(over.get(0).target().user()).isEqualTo(alice.id());
        assertThat(over.get(1)).isInstanceOf(Delivery.Delivered.class);
        assertThatThrownBy(() -> store.append(inbox(alice).id(), message("x".repeat(100)), List.of()))
                .isInstanceOf(StoreException.OverQuota.class);
        Mailbox archive = store.mailbox(alice.id(), "Archive").orElseThrow();
        List<Long> uids = store.messages(inbox(alice).id()).stream().map(MessageRecord::uid).toList();
        assertThatThrownBy(() -> store.copy(inbox(alice).id(), uids, archive.id()))
                .isInstanceOf(StoreException.OverQuota.class);
        assertThat(store.messages(archive.id())).isEmpty();
        store.move(inbox(alice).id(), uids, archive.id()); // a move within one user frees what it takes
        assertThat(store.usedBytes(alice.id())).isEqualTo(2 * m.size());
        store.storeFlags(archive.id(), List.of(store.messages(archive.id()).get(0).uid()),
                new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
        store.expunge(archive.id(), Optional.empty());
        assertThat(store.usedBytes(alice.id())).isEqualTo(m.size());
    }

    @Test
    void searchTextIsCaseInsensitiveSubstring() throws IOException {
        long u1 = deliver(alice, "The Quick brown fox");
        long u2 = deliver(alice, "lazy DOG sleeps");
        deliver(bob, "quick bob");
        MailboxId box = inbox(alice).id();
        assertThat(store.searchText(box, "quick")).containsExactly(u1);
        assertThat(store.searchText(box, "ICK BRO")).containsExactly(u1);
        assertThat(store.searchText(box, "dog")).containsExactly(u2);
        assertThat(store.searchText(box, "zebra")).isEmpty();
        assertThat(store.searchText(box, "o")).containsExactly(u1, u2);
        assertThat(store.searchText(box, "Th")).containsExactly(u1);
        assertThat(store.searchText(box, "\"quoted\"")).isEmpty();
    }

    @Test
    void searchBodyLeavesTheHeaderOut() throws IOException {
        long u1 = deliver(alice, "nothing to see");
        long u2 = deliver(alice, "a test inside");
        MailboxId box = inbox(alice).id();
        // every message says "Subject: test"
        assertThat(store.searchText(box, "test", TextScope.TEXT)).containsExactly(u1, u2);
        assertThat(store.searchText(box, "test", TextScope.BODY)).containsExactly(u2);
        assertThat(store.searchText(box, "es", TextScope.BODY)).containsExactly(u2);
        assertThat(store.searchText(box, "subject", TextScope.TEXT)).isEmpty(); // field names are not text
    }

    @Test
    void summariesInRequestedOrder() throws IOException {
        long u1 = deliver(alice, "one");
        long u2 = deliver(alice, "two");
        assertThat(store.summaries(inbox(alice).id(), List.of(u2, 999L, u1)))
                .containsExactly("summary:two", "", "summary:one");
    }

    @Test
    void listenersHearCommittedChanges() throws Exception {
        MailboxId box = inbox(alice).id();
        CountDownLatch heard = new CountDownLatch(2);
        AtomicInteger seen = new AtomicInteger();
        AutoCloseable handle = store.watch(box, () -> {
            // the change is visible to readers when the listener runs
            seen.set(store.messages(box).size());
            heard.countDown();
        });
        long uid = deliver(alice, "hello");
        store.storeFlags(box, List.of(uid), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), -1);
        assertThat(heard.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).isEqualTo(1);
        handle.close();
        CountDownLatch after = new CountDownLatch(1);
        store.watch(inbox(bob).id(), after::countDown);
        deliver(alice, "not heard");
        deliver(bob, "heard by bob's listener");
        assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(heard.getCount()).isZero();
    }

    @Test
    void concurrentDeliveriesAreEachStoredOnce() throws Exception {
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> uids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        NewMessage m = message("t" + thread + "-" + i);
                        List<Delivery> d = store.deliver(m, List.of(DeliveryTarget.inbox(alice.id()),
                                DeliveryTarget.inbox(bob.id())));
                        uids.add(((Delivery.Delivered) d.get(0)).uid());
                    }
                    return uids;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * perThread);
            List<MessageRecord> msgs = store.messages(inbox(alice).id());
            assertThat(msgs).hasSize(threads * perThread);
            assertThat(msgs).extracting(MessageRecord::uid).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
            assertThat(msgs).extracting(MessageRecord::modSeq).doesNotHaveDuplicates();
            assertThat(store.messages(inbox(bob).id())).hasSize(threads * perThread);
            assertThat(store.counts(inbox(alice).id()).uidNext()).isGreaterThan(msgs.get(msgs.size() - 1).uid());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void releasedBlobsAreDeletedOnlyWithTheirLastMessage() throws Exception {
        NewMessage shared = message("shared");
        store.deliver(shared, List.of(DeliveryTarget.inbox(alice.id()), DeliveryTarget.inbox(bob.id())));
        MailboxId box = inbox(alice).id();
        long uid = store.messages(box).get(0).uid();
        store.storeFlags(box, List.of(uid), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
        store.expunge(box, Optional.empty());
        Thread.sleep(200);
        assertThat(body(shared.blob())).as("bob still has it").contains("shared");
        fixture.directory().removeUser(EmailAddress.parse("bob@example.org"));
        long deadline = System.currentTimeMillis() + 5000;
        boolean gone = false;
        while (!gone && System.currentTimeMillis() < deadline) {
            try {
                fixture.blobs().open(shared.blob()).close();
                Thread.sleep(20);
            } catch (IOException e) {
                gone = true;
            }
        }
        assertThat(gone).as("blob deleted after its last message went").isTrue();
    }

    @Test
    void everythingSurvivesReopen() throws Exception {
        long uid = deliver(alice, "persistent");
        MailboxId box = inbox(alice).id();
        store.storeFlags(box, List.of(uid), new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), -1);
        Mailbox before = inbox(alice);
        store.subscribe(alice.id(), "Other");
        fixture.close();
        fixture = open(dataDir);
        store = fixture.mailboxes();
        assertThat(inbox(alice)).isEqualTo(before);
        MessageRecord m = store.messages(box).get(0);
        assertThat(m.uid()).isEqualTo(uid);
        assertThat(m.flags()).containsExactly("\\Seen");
        assertThat(body(m.blob())).contains("persistent");
        assertThat(store.searchText(box, "persist")).containsExactly(uid);
        assertThat(store.subscriptions(alice.id())).contains("Other");
        assertThat(deliver(alice, "after reopen")).isGreaterThan(uid);
    }
}
