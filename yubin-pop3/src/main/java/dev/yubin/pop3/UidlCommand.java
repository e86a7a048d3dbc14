package dev.yubin.pop3;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code UIDL [msg]} (RFC 1939 §7): the unique-id of one message or of every undeleted one,
 * derived from the INBOX's UIDVALIDITY and the message's UID, so it never changes.
 */
record UidlCommand(Optional<String> message) implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        Maildrop m = s.maildrop();
        if (message.isPresent()) {
            switch (m.lookup(message.get())) {
                case Maildrop.Lookup.Found f -> s.reply("+OK " + f.number() + " " + m.uidl(f.number()));
                case Maildrop.Lookup.Missing miss -> s.reply(miss.reply());
            }
            return;
        }
        s.replyLines("+OK", m.scanListing(m::uidl));
    }
}
