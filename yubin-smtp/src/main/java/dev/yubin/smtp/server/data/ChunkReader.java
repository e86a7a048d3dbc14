package dev.yubin.smtp.server.data;

import dev.yubin.net.LineReader;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads one BDAT chunk (RFC 3030 §2): exactly {@code size} octets, no dot-stuffing, into a
 * {@link Spool} (which keeps checking line ends, line length and size across chunks).
 */
public final class ChunkReader {
    private ChunkReader() {
    }

    public static void read(LineReader in, Spool spool, long size, ReadBudget budget) throws IOException {
        byte[] buf = spool.readBuffer();
        long left = size;
        while (left > 0) {
            if (in.buffered() == 0) {
                budget.beforeBlockingRead();
            }
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a BDAT chunk");
            }
            if (spool.problem() == Spool.Problem.NONE) {
                spool.write(buf, 0, n);
            }
            left -= n;
        }
    }
}
