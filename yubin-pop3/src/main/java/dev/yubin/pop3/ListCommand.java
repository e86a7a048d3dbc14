package dev.yubin.pop3;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LIST [msg]} (RFC 1939 §5): the size in octets of one message or of every undeleted
 * one (the stored CRLF form; see {@link Maildrop}).
 */
record ListCommand(Optional<String> message) implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        Maildrop m = s.maildrop();
        if (message.isPresent()) {
            switch (m.lookup(message.get())) {
                case Maildrop.Lookup.Found f -> s.reply("+OK " + f.number() + " " + f.message().size());
                case Maildrop.Lookup.Missing miss -> s.reply(miss.reply());
            }
            return;
        }
        s.replyLines("+OK " + m.liveCount() + " messages (" + m.liveSize() + " octets)",
                m.scanListing(i -> String.valueOf(m.message(i).size())));
    }
}
