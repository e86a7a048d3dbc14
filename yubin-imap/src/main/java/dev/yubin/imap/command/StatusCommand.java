package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code STATUS mailbox (items)} (RFC 9051 §6.3.11; SIZE RFC 8438; HIGHESTMODSEQ RFC 7162). */
public record StatusCommand(String mailbox, List<String> items) implements Command {
    public static final List<String> KNOWN = List.of("MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "DELETED",
            "SIZE", "RECENT", "HIGHESTMODSEQ", "APPENDLIMIT");

    public StatusCommand {
        items = List.copyOf(items);
    }

    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static StatusCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        p.sp();
        List<String> items = items(p);
        p.end();
        return new StatusCommand(m, items);
    }

    static List<String> items(ImapParser p) throws ParseException {
        List<String> items = new ArrayList<>();
        p.enterList();
        while (!p.leaveList()) {
            p.tryChar(' ');
            String item = p.keyword();
            if (!KNOWN.contains(item)) {
                throw new ParseException("Unknown STATUS item " + item);
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            throw new ParseException("STATUS needs items");
        }
        return items;
    }
}
