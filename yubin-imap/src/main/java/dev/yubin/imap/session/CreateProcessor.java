package dev.yubin.imap.session;

import dev.yubin.imap.command.CreateCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.store.StoreException;

/** CREATE (RFC 9051 §6.3.4) with USE (CREATE-SPECIAL-USE, RFC 6154 §3). */
final class CreateProcessor {
    private CreateProcessor() {
    }

    static Result process(ImapSession s, CreateCommand c) throws ParseException {
        if (c.unknownUse()) {
            return Responses.USE_ATTR;
        }
        String name = s.mailboxName(c.mailbox());
        if (!MailboxNames.valid(name)) {
            return new Result.No("CANNOT", "Invalid mailbox name");
        }
        if (s.services().store().mailbox(s.user().id(), name).isPresent()) {
            return Responses.ALREADY_EXISTS;
        }
        try {
            s.services().store().createMailbox(s.user().id(), name, c.use());
        } catch (StoreException.Conflict e) {
            return Responses.ALREADY_EXISTS;
        }
        return Result.ok("CREATE completed");
    }
}
