package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.store.SpecialUse;
import java.util.Optional;

/** {@code CREATE mailbox [(USE (\Sent))]} (RFC 9051 §6.3.3, CREATE-SPECIAL-USE RFC 6154 §3). */
public record CreateCommand(String mailbox, Optional<SpecialUse> use, boolean unknownUse) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static CreateCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        Optional<SpecialUse> use = Optional.empty();
        boolean unknown = false;
        if (p.tryChar(' ')) {
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                String param = p.keyword();
                if (!param.equals("USE")) {
                    throw new ParseException("Unknown CREATE parameter");
                }
                p.sp();
                for (String f : p.flagList()) {
                    SpecialUse u = SpecialUse.fromAttribute(f);
                    if (u == null || use.isPresent()) {
                        unknown = true; // RFC 6154 §3: NO [USEATTR]
                    } else {
                        use = Optional.of(u);
                    }
                }
            }
        }
        p.end();
        return new CreateCommand(m, use, unknown);
    }
}
