package dev.yubin.imap.session;

import dev.yubin.imap.command.RenameCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RENAME (RFC 9051 §6.3.6); renaming INBOX moves its messages to a new mailbox and keeps INBOX. */
final class RenameProcessor {
    private RenameProcessor() {
    }

    static Result process(ImapSession s, RenameCommand c) throws ParseException {
        String from = s.mailboxName(c.from());
        String to = s.mailboxName(c.to());
        if (!MailboxNames.valid(to) || to.equals(Mailbox.INBOX)) {
            return new Result.No("CANNOT", "Invalid target name");
        }
        var store = s.services().store();
        Optional<Mailbox> src = store.mailbox(s.user().id(), from);
        if (src.isEmpty()) {
            return Responses.NONEXISTENT;
        }
        if (store.mailbox(s.user().id(), to).isPresent()) {
            return Responses.ALREADY_EXISTS;
        }
        try {
            if (src.get().isInbox()) {
                // RFC 9051 §6.3.6: renaming INBOX moves its messages; INBOX stays, empty
                Mailbox target = store.createMailbox(s.user().id(), to, Optional.empty());
                List<Long> uids = new ArrayList<>();
                for (MessageRecord r : store.messages(src.get().id())) {
                    uids.add(r.uid());
                }
                if (!uids.isEmpty()) {
                    store.move(src.get().id(), uids, target.id());
                }
            } else {
                store.renameMailbox(src.get().id(), to);
            }
        } catch (StoreException.Conflict e) {
            return Responses.ALREADY_EXISTS;
        }
        return Result.ok("RENAME completed");
    }
}
