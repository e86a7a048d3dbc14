package dev.yubin.imap.session;

import dev.yubin.imap.command.StatusCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxCounts;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** STATUS (RFC 9051 §6.3.11; SIZE RFC 8438; HIGHESTMODSEQ RFC 7162 §3.1.6; APPENDLIMIT RFC 7889). */
final class StatusProcessor {
    private StatusProcessor() {
    }

    static Result process(ImapSession s, StatusCommand c) throws IOException, ParseException {
        String name = s.mailboxName(c.mailbox());
        Optional<Mailbox> m = s.services().store().mailbox(s.user().id(), name);
        if (m.isEmpty()) {
            return Responses.NONEXISTENT;
        }
        if (c.items().contains("HIGHESTMODSEQ")) {
            s.extensions().enableCondstore();
        }
        write(s, m.get(), c.items());
        return Result.ok("STATUS completed");
    }

    static void write(ImapSession s, Mailbox m, List<String> items) throws IOException {
        MailboxCounts n = s.services().store().counts(m.id());
        ResponseWriter w = s.out();
        w.ascii("* STATUS ").string(s.wireName(m.name())).ascii(" (");
        boolean first = true;
        for (String item : items) {
            if (!first) {
                w.sp();
            }
            first = false;
            w.ascii(item).sp();
            switch (item) {
                case "MESSAGES" -> w.number(n.messages());
                case "UIDNEXT" -> w.number(n.uidNext());
                case "UIDVALIDITY" -> w.number(n.uidValidity());
                case "UNSEEN" -> w.number(n.unseen());
                case "DELETED" -> w.number(n.deleted());
                case "SIZE" -> w.number(n.sizeBytes());
                case "RECENT" -> w.number(recent(s, m));
                case "HIGHESTMODSEQ" -> w.number(n.highestModSeq());
                case "APPENDLIMIT" -> w.number(s.services().settings().maxMessageBytes());
                default -> w.nil();
            }
        }
        w.ch(')').crlf();
    }

    /**
     * RFC 3501 §6.3.10: the messages that are {@code \Recent}: those this session claimed when the
     * mailbox is selected read-write here, plus those no session has claimed yet. Never claims.
     */
    private static long recent(ImapSession s, Mailbox m) {
        long unclaimed = s.services().store().countRecent(m.id());
        SelectedMailbox v = s.selected();
        if (v != null && !v.readOnly() && !s.extensions().rev2() && v.mailbox().id().equals(m.id())) {
            return unclaimed + v.recentCount();
        }
        return unclaimed;
    }
}
