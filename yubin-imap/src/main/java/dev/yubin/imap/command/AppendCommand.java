package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code APPEND mailbox [flags] [date-time] literal ...} (RFC 9051 §6.3.12, MULTIAPPEND RFC 3502). */
public record AppendCommand(String mailbox, List<Message> messages) implements Command {
    /** One message to append. */
    public record Message(List<String> flags, Optional<ZonedDateTime> date, byte[] content) {
        public Message {
            flags = List.copyOf(flags);
        }
    }

    public AppendCommand {
        messages = List.copyOf(messages);
    }

    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static AppendCommand parse(ImapParser p) throws ParseException {
        p.sp();
        String m = p.astring();
        List<Message> messages = new ArrayList<>();
        while (p.tryChar(' ')) {
            List<String> flags = List.of();
            if (p.peekIs('(')) {
                flags = p.flagList();
                p.sp();
            }
            Optional<ZonedDateTime> date = Optional.empty();
            if (p.peekIs('"')) {
                date = Optional.of(p.dateTime());
                p.sp();
            }
            if (p.tryWord("UTF8")) {
                // RFC 6855 §4: UTF8 (literal8)
                p.sp();
                p.enterList();
                messages.add(new Message(flags, date, p.literal()));
                p.expect(')');
                p.unnest();
                continue;
            }
            if (!p.peekLiteral()) {
                throw new ParseException("APPEND needs a literal");
            }
            messages.add(new Message(flags, date, p.literal()));
        }
        p.end();
        if (messages.isEmpty()) {
            throw new ParseException("APPEND needs a message");
        }
        return new AppendCommand(m, messages);
    }
}
