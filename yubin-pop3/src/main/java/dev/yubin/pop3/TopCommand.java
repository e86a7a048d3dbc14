package dev.yubin.pop3;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code TOP msg n} (RFC 1939 §7): the header, the blank line, and the first {@code n} lines of
 * the body ({@code n} ≥ 0).
 */
record TopCommand(String message, long lines) implements Pop3Command {
    static Optional<Pop3Command> parse(String[] args) {
        if (args.length != 2 || !args[1].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(new TopCommand(args[0], Long.parseLong(args[1])));
    }

    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        RetrCommand.send(s, message, lines);
    }
}
