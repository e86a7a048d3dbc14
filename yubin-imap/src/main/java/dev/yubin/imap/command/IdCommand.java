package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ID (field value ...) | NIL} (RFC 2971 §3.1); at most 30 pairs. */
public record IdCommand(Map<String, String> fields) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.ANY;
    }

    static IdCommand parse(ImapParser p) throws ParseException {
        p.sp();
        Map<String, String> fields = new LinkedHashMap<>();
        if (!p.tryWord("NIL")) {
            p.enterList();
            while (!p.leaveList()) {
                if (!fields.isEmpty()) {
                    p.sp();
                }
                String k = p.string();
                p.sp();
                String v = p.nstring();
                if (fields.size() >= 30) {
                    throw new ParseException("Too many ID fields"); // RFC 2971 §3.3
                }
                fields.put(k, v == null ? "" : v);
            }
        }
        p.end();
        return new IdCommand(fields);
    }
}
