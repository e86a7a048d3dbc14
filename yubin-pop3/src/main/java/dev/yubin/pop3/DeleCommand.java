package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/**
 * {@code DELE msg} (RFC 1939 §5): marks the message deleted; it is removed only in the UPDATE
 * state after QUIT, and never if the connection drops.
 */
record DeleCommand(String message) implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        switch (s.maildrop().lookup(message)) {
            case Maildrop.Lookup.Missing miss -> s.reply(miss.reply());
            case Maildrop.Lookup.Found f -> {
                s.maildrop().delete(f.number());
                s.reply(Pop3Reply.DELETED);
            }
        }
    }
}
