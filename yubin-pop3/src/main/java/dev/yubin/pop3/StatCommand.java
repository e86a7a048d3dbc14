package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/** {@code STAT} (RFC 1939 §5): number and total octets of the undeleted messages. */
record StatCommand() implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        Maildrop m = s.maildrop();
        s.reply("+OK " + m.liveCount() + " " + m.liveSize());
    }
}
