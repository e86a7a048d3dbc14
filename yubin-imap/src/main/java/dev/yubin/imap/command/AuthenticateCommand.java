package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code AUTHENTICATE mechanism [initial-response]} (RFC 9051 §6.2.2, SASL-IR RFC 4959).
 *
 * @param initialResponse base64 text as sent; {@code "="} stands for an empty response
 */
public record AuthenticateCommand(String mechanism, Optional<String> initialResponse) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.NOT_AUTHENTICATED;
    }

    static AuthenticateCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String mech = p.atom().toUpperCase(Locale.ROOT);
        Optional<String> ir = Optional.empty();
        if (p.tryChar(' ')) {
            ir = Optional.of(p.atom()); // RFC 4959 §3: base64 or "="
        }
        p.end();
        return new AuthenticateCommand(mech, ir);
    }
}
