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
        List<Long> uids = new ArrayList<>();
        long validity = mb.get().uidValidity();
        for (AppendCommand.Message m : c.messages()) {
            byte[] data = m.content();
            IndexedMessage indexed = s.services().indexer().index(data, 0, data.length);
            BlobId blob = writeBlob(s.services().blobs(), data);
            Instant date = m.date().map(d -> d.toInstant()).orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);
            NewMessage nm = new NewMessage(blob, data.length, date, indexed.summary().toJson(), indexed.searchText());
            List<String> flags = new ArrayList<>();
            for (String f : m.flags()) {
                if (!f.equalsIgnoreCase("\\Recent") && !f.equals("\\*")) {
                    flags.add(StoreProcessor.canonicalFlag(f));
                }
            }
            AppendResult r = s.services().store().append(mb.get().id(), nm, flags);
            uids.add(r.uid());
            validity = r.uidValidity();
        }
        SelectedMailbox v = s.selected();
        if (v != null && v.mailbox().id().equals(mb.get().id())) {
            v.markDirty(); // RFC 9051 §6.3.12: the new message is announced with EXISTS
        }
        return Result.ok("APPENDUID " + validity + " " + dev.yubin.imap.protocol.SequenceSet.format(uids),
                "APPEND completed");
    }

    private static BlobId writeBlob(BlobStore blobs, byte[] data) throws IOException {
        try (BlobStore.Writer w = blobs.create()) {
            w.stream().write(data);
            return w.commit();
        }
    }
}
