package dev.yubin.imap.session;

import dev.yubin.imap.command.IdCommand;
import java.io.IOException;

/** ID (RFC 2971 §3.1): logs what the client says and names the server. */
final class IdProcessor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdProcessor.class);

    private IdProcessor() {
    }

    static Result process(ImapSession s, IdCommand c) throws IOException {
        if (!c.fields().isEmpty()) {
            LOG.debug("event=imap.client_id conn={} id={}", s.connection().id(), c.fields());
        }
        s.out().ascii("* ID (\"name\" \"Yubin\" \"vendor\" \"Yubin\" \"support-url\" NIL)").crlf();
        return Result.ok("ID completed");
    }
}
