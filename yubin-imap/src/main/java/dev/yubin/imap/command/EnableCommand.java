package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ENABLE capability...} (RFC 9051 §6.3.1, RFC 5161). */
public record EnableCommand(List<String> capabilities) implements Command {
    public EnableCommand {
        capabilities = List.copyOf(capabilities);
    }

    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static EnableCommand parse(ImapParser p) throws ParseException {
        List<String> caps = new ArrayList<>();
        while (p.tryChar(' ')) {
            caps.add(p.atom().toUpperCase(Locale.ROOT));
        }
        p.end();
        if (caps.isEmpty()) {
            throw new ParseException("ENABLE needs at least one capability");
        }
        return new EnableCommand(caps);
    }
}
