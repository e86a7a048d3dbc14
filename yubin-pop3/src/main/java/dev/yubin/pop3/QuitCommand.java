package dev.yubin.pop3;

import dev.yubin.store.FlagChange;
import dev.yubin.store.MailboxId;
import dev.yubin.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code QUIT} (RFC 1939 §4, §6): in AUTHORIZATION just closes; in TRANSACTION enters UPDATE,
 * where the messages marked deleted are flagged {@code \Deleted} and expunged (only those UIDs,
 * never other messages an IMAP client flagged), retrieved ones get {@code \Seen}, then closes.
 * IMAP sessions see the removal as EXPUNGE. If removal fails the reply is {@code -ERR}
 * (RFC 1939 §6).
 */
record QuitCommand() implements Pop3Command {
    private static final Logger LOG = LoggerFactory.getLogger(QuitCommand.class);

    @Override
    public Set<Pop3State> states() {
        return Pop3State.BOTH;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        s.close();
        if (s.state() == Pop3State.AUTHORIZATION) {
            s.reply(Pop3Reply.BYE);
            return;
        }
        s.enterUpdate();
        Maildrop m = s.maildrop();
        MailboxId box = m.mailbox().id();
        List<Long> deleted = m.deletedUids();
        List<Long> expunged = List.of();
        try {
            if (!deleted.isEmpty()) {
                s.server().store().storeFlags(box, deleted, new FlagChange(FlagChange.Mode.ADD, Set.of("\\Deleted")), -1);
                expunged = s.server().store().expunge(box, Optional.of(deleted));
            }
        } catch (StoreException e) {
            LOG.warn("event=pop3.update_failed conn={} user={}", s.connection().id(), s.user().address(), e);
            s.releaseLock();
            s.reply(Pop3Reply.UPDATE_FAILED);
            return;
        }
        try {
            List<Long> seen = m.newlySeenUids();
            if (!seen.isEmpty()) {
                s.server().store().storeFlags(box, seen, new FlagChange(FlagChange.Mode.ADD, Set.of("\\Seen")), -1);
            }
        } catch (StoreException e) {
            LOG.warn("event=pop3.seen_failed conn={} user={}", s.connection().id(), s.user().address(), e);
        }
        s.releaseLock();
        LOG.info("event=pop3.update conn={} user={} deleted={}", s.connection().id(), s.user().address(), expunged.size());
        s.reply("+OK Bye (" + expunged.size() + " messages deleted).");
    }
}
