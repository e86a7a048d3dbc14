package dev.yubin.pop3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code CAPA} (RFC 2449 §5): the capabilities for the current state and connection. USER and
 * SASL appear only where the cleartext policy allows passwords, STLS only before TLS
 * (RFC 2595 §4), login-related ones only in the AUTHORIZATION state.
 */
record CapaCommand() implements Pop3Command {
    static final String IMPLEMENTATION = "IMPLEMENTATION Yubin";

    @Override
    public Set<Pop3State> states() {
        return Pop3State.BOTH;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        List<String> caps = new ArrayList<>(List.of("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING"));
        if (s.state() == Pop3State.AUTHORIZATION) {
            List<String> mechanisms = s.server().sasl().advertised(s.channel());
            if (!mechanisms.isEmpty()) {
                caps.add("USER");
                caps.add("SASL " + String.join(" ", mechanisms));
            }
            if (!s.connection().isSecure() && s.server().tls().isPresent()) {
                caps.add("STLS");
            }
            caps.add("UTF8 USER"); // RFC 6856 §2: USER/PASS accept UTF-8
        }
        s.server().settings().expire().ifPresent(e -> caps.add("EXPIRE " + e));
        s.server().settings().loginDelay().ifPresent(d -> caps.add("LOGIN-DELAY " + d.toSeconds()));
        caps.add(IMPLEMENTATION);
        s.replyLines(Pop3Reply.CAPA, caps);
    }
}
