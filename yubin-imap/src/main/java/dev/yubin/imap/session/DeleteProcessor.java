package dev.yubin.imap.session;

import dev.yubin.imap.command.DeleteCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.store.Mailbox;
import java.util.List;
import java.util.Optional;

/** DELETE (RFC 9051 §6.3.5): INBOX cannot be deleted; a mailbox with children is refused. */
final class DeleteProcessor {
    private DeleteProcessor() {
    }

    static Result process(ImapSession s, DeleteCommand c) throws ParseException {
        String name = s.mailboxName(c.mailbox());
        if (name.equals(Mailbox.INBOX)) {
            return Responses.CANNOT_INBOX;
        }
        List<Mailbox> all = s.services().store().mailboxes(s.user().id());
        Optional<Mailbox> mb = all.stream().filter(m -> m.name().equals(name)).findFirst();
        if (mb.isEmpty()) {
            return Responses.NONEXISTENT;
        }
        if (MailboxNames.hasChildren(name, all)) {
            return new Result.No("INUSE", "Mailbox has children; delete them first");
        }
        if (s.selected() != null && s.selected().mailbox().id().equals(mb.get().id())) {
            s.unselect();
        }
        s.services().store().deleteMailbox(mb.get().id());
        return Result.ok("DELETE completed");
    }
}
