package dev.yubin.imap.session;

import java.util.Optional;

/** CLOSE (RFC 9051 §6.4.1: silent expunge unless read-only) and UNSELECT (RFC 9051 §6.4.2, RFC 3691). */
final class CloseProcessor {
    private CloseProcessor() {
    }

    static Result close(ImapSession s) {
        SelectedMailbox v = s.selected();
        if (!v.readOnly()) {
            s.services().store().expunge(v.mailbox().id(), Optional.empty());
        }
        s.unselect();
        return Result.ok("CLOSE completed");
    }

    static Result unselect(ImapSession s) {
        s.unselect();
        return Result.ok("UNSELECT completed");
    }
}
