package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/** {@code RSET} (RFC 1939 §5): unmarks every message marked deleted in this session. */
record RsetCommand() implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        s.maildrop().undeleteAll();
        s.reply("+OK maildrop has " + s.maildrop().liveCount() + " messages (" + s.maildrop().liveSize() + " octets)");
    }
}
