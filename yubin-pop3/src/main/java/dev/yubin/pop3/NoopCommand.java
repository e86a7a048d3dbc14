package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/** {@code NOOP} (RFC 1939 §5): does nothing, answers {@code +OK}. */
record NoopCommand() implements Pop3Command {
    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        s.reply(Pop3Reply.NOOP);
    }
}
