package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.SequenceSet;
import java.util.Optional;

/** {@code EXPUNGE} (RFC 9051 §6.4.3) and {@code UID EXPUNGE set} (RFC 9051 §6.4.9, RFC 4315 §2.1). */
public record ExpungeCommand(Optional<SequenceSet> uids) implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }

    static ExpungeCommand parse(ImapParser p, NumberKind kind) throws ParseException {
        Optional<SequenceSet> set = Optional.empty();
        if (kind == NumberKind.UID) {
            p.sp();
            set = Optional.of(p.sequenceSet());
        }
        p.end();
        return new ExpungeCommand(set);
    }
}
