package dev.yubin.imap.session;

import dev.yubin.imap.command.AppendCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.message.IndexedMessage;
import dev.yubin.store.AppendResult;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Mailbox;
import dev.yubin.store.NewMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * APPEND (RFC 9051 §6.3.12) with MULTIAPPEND (RFC 3502) and APPENDUID (RFC 4315 §3). Each message is
 * indexed once, written to the blob store (durable), then committed to the mailbox; OK is sent only
 * after both.
 */
final class AppendProcessor {
    private AppendProcessor() {
    }

    static Result process(ImapSession s, AppendCommand c) throws IOException, ParseException {
        String name = s.mailboxName(c.mailbox());
        Optional<Mailbox> mb = s.services().store().mailbox(s.user().id(), name);
        if (mb.isEmpty()) {
            return new Result.No("TRYCREATE", "No such mailbox"); // RFC 9051 §6.3.12
        }
        for (AppendCommand.Message m : c.messages()) {
            if (m.content().length > s.services().settings().maxMessageBytes()) {
                return Responses.TOO_BIG;
            }
            if (m.content().length == 0) {
                return new Result.No(null, "Empty message");
            }
        }
        // index and make every body durable first, so a bad message fails before anything is added
        List<NewMessage> prepared = new ArrayList<>();
        for (AppendCommand.Message m : c.messages()) {
            byte[] data = m.content();
            IndexedMessage indexed = s.services().indexer().index(data, 0, data.length);
            BlobId blob = writeBlob(s.services().blobs(), data);
            Instant date = m.date().map(d -> d.toInstant()).orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);
            prepared.add(new NewMessage(blob, data.length, date, indexed.summary().toJson()));
        }
        List<Long> uids = new ArrayList<>();
        long validity = mb.get().uidValidity();
        try {
            for (int i = 0; i < prepared.size(); i++) {
                List<String> flags = new ArrayList<>();
                for (String f : c.messages().get(i).flags()) {
                    if (!f.equalsIgnoreCase("\\Recent") && !f.equals("\\*")) {
                        flags.add(StoreProcessor.canonicalFlag(f));
                    }
                }
                AppendResult r = s.services().store().append(mb.get().id(), prepared.get(i), flags);
                uids.add(r.uid());
                validity = r.uidValidity();
            }
        } catch (RuntimeException e) {
            undo(s, mb.get(), uids); // RFC 3502 §6.3.11: all or none
            throw e;
        }
        SelectedMailbox v = s.selected();
        if (v != null && v.mailbox().id().equals(mb.get().id())) {
            v.markDirty(); // RFC 9051 §6.3.12: the new message is announced with EXISTS
        }
        return Result.ok("APPENDUID " + validity + " " + dev.yubin.imap.protocol.SequenceSet.format(uids),
                "APPEND completed");
    }

    /** Removes the messages a failed MULTIAPPEND already added. */
    private static void undo(ImapSession s, Mailbox mb, List<Long> uids) {
        if (uids.isEmpty()) {
            return;
        }
        try {
            var store = s.services().store();
            store.storeFlags(mb.id(), uids, new dev.yubin.store.FlagChange(dev.yubin.store.FlagChange.Mode.ADD,
                    java.util.Set.of("\\Deleted")), -1);
            store.expunge(mb.id(), Optional.of(uids));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AppendProcessor.class)
                    .warn("event=imap.multiappend_undo_failed mailbox={} uids={}", mb.id().value(), uids, e);
        }
    }

    private static BlobId writeBlob(BlobStore blobs, byte[] data) throws IOException {
        try (BlobStore.Writer w = blobs.create()) {
            w.stream().write(data);
            return w.commit();
        }
    }
}
