package dev.yubin.imap.session;

import dev.yubin.imap.command.EnableCommand;
import java.io.IOException;

/** ENABLE (RFC 5161 §3.1; IMAP4rev2 per RFC 9051 Appendix E; CONDSTORE/QRESYNC RFC 7162; UTF8=ACCEPT RFC 6855). */
final class EnableProcessor {
    private EnableProcessor() {
    }

    static Result process(ImapSession s, EnableCommand c) throws IOException {
        StringBuilder enabled = new StringBuilder();
        Extensions x = s.extensions();
        for (String cap : c.capabilities()) {
            switch (cap) {
                case "IMAP4REV2" -> {
                    x.enableRev2();
                    s.out().allowUtf8();
                }
                case "UTF8=ACCEPT" -> {
                    x.enableUtf8();
                    s.out().allowUtf8();
                }
                case "CONDSTORE" -> x.enableCondstore();
                case "QRESYNC" -> x.enableQresync();
                default -> {
                    continue; // RFC 5161 §3.1: unknown capabilities are ignored
                }
            }
            enabled.append(' ').append(cap.equals("IMAP4REV2") ? "IMAP4rev2" : cap);
        }
        s.out().ascii("* ENABLED").ascii(enabled.toString()).crlf();
        return Result.ok("ENABLE completed");
    }
}
