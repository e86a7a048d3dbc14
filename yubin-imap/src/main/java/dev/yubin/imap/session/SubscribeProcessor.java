package dev.yubin.imap.session;

import dev.yubin.imap.command.SubscribeCommand;
import dev.yubin.imap.command.UnsubscribeCommand;
import dev.yubin.imap.protocol.ParseException;

/** SUBSCRIBE and UNSUBSCRIBE (RFC 9051 §6.3.7-6.3.8). */
final class SubscribeProcessor {
    private SubscribeProcessor() {
    }

    static Result subscribe(ImapSession s, SubscribeCommand c) throws ParseException {
        String name = s.mailboxName(c.mailbox());
        if (s.services().store().mailbox(s.user().id(), name).isEmpty()) {
            return Responses.NONEXISTENT;
        }
        s.services().store().subscribe(s.user().id(), name);
        return Result.ok("SUBSCRIBE completed");
    }

    static Result unsubscribe(ImapSession s, UnsubscribeCommand c) throws ParseException {
        s.services().store().unsubscribe(s.user().id(), s.mailboxName(c.mailbox()));
        return Result.ok("UNSUBSCRIBE completed");
    }
}
