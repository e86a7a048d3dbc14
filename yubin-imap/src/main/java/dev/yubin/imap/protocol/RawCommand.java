package dev.yubin.imap.protocol;

import java.util.List;

/**
 * One complete command as received: its line text (continuation lines joined with CRLF, each
 * literal announcement {@code {n}} left in place) and the literal octets in order.
 */
public record RawCommand(byte[] text, List<byte[]> literals) {
    public RawCommand {
        literals = List.copyOf(literals);
    }

    /** Total octets of the command, for logging and limits. */
    public long size() {
        long n = text.length;
        for (byte[] l : literals) {
            n += l.length;
        }
        return n;
    }
}
