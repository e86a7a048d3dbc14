package dev.yubin.imap.session;

import dev.yubin.imap.command.LsubCommand;
import dev.yubin.imap.protocol.MUtf7;
import dev.yubin.imap.protocol.ParseException;
import java.io.IOException;
import java.util.TreeSet;

/** LSUB (RFC 3501 §6.3.9): subscribed names matching the pattern. */
final class LsubProcessor {
    private LsubProcessor() {
    }

    static Result process(ImapSession s, LsubCommand c) throws IOException, ParseException {
        String pattern = c.reference() + c.pattern();
        pattern = s.extensions().utf8() ? pattern : MUtf7.decode(pattern);
        var store = s.services().store();
        for (String name : new TreeSet<>(store.subscriptions(s.user().id()))) {
            if (MailboxNames.matches(pattern, name)) {
                boolean exists = store.mailbox(s.user().id(), name).isPresent();
                s.out().ascii("* LSUB (").ascii(exists ? "" : "\\Noselect").ascii(") \"/\" ")
                        .string(s.wireName(name)).crlf();
            }
        }
        return Result.ok("LSUB completed");
    }
}
