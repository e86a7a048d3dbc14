package dev.yubin.imap.session;

import dev.yubin.imap.command.CompressCommand;
import java.io.IOException;

/** COMPRESS DEFLATE (RFC 4978 §3): raw DEFLATE both ways, starting right after the tagged OK. */
final class CompressProcessor {
    private CompressProcessor() {
    }

    static Result process(ImapSession s, String tag, CompressCommand c) throws IOException {
        if (!c.mechanism().equals("DEFLATE")) {
            return Responses.BAD_MECHANISM;
        }
        if (s.compressed()) {
            return Responses.COMPRESSION_ACTIVE;
        }
        s.tagged(tag, Result.ok("DEFLATE active"));
        s.out().flush();
        s.startCompression();
        return null; // already answered
    }
}
