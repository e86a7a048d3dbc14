package dev.yubin.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code RETR msg} (RFC 1939 §5): the whole message, streamed from the blob store with
 * byte-stuffing. The blob is opened before {@code +OK} is sent, so a message expunged meanwhile
 * by an IMAP session gets a clean {@code -ERR}.
 */
record RetrCommand(String message) implements Pop3Command {
    private static final Logger LOG = LoggerFactory.getLogger(RetrCommand.class);

    @Override
    public Set<Pop3State> states() {
        return Pop3State.TRANSACTION_ONLY;
    }

    @Override
    public void execute(Pop3Session s) throws IOException {
        send(s, message, -1);
    }

    /** Sends message {@code arg}: all of it ({@code bodyLines} -1) or its header and that many body lines. */
    static void send(Pop3Session s, String arg, long bodyLines) throws IOException {
        switch (s.maildrop().lookup(arg)) {
            case Maildrop.Lookup.Missing miss -> s.reply(miss.reply());
            case Maildrop.Lookup.Found f -> {
                InputStream body;
                try {
                    body = s.server().blobs().open(f.message().blob());
                } catch (IOException e) {
                    LOG.info("event=pop3.message_gone conn={} uid={} error={}", s.connection().id(), f.message().uid(),
                            e.toString());
                    s.reply(Pop3Reply.MESSAGE_GONE);
                    return;
                }
                try (body) {
                    byte[] status = ("+OK " + f.message().size() + " octets\r\n").getBytes(StandardCharsets.US_ASCII);
                    s.streamer().stream(status, body, s.connection().output(), bodyLines);
                }
                if (bodyLines < 0) {
                    s.maildrop().markRetrieved(f.number());
                }
            }
        }
    }
}
