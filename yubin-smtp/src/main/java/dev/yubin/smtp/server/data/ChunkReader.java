package dev.yubin.smtp.server.data;

import dev.yubin.net.Connection;
import dev.yubin.net.LineReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads one BDAT chunk (RFC 3030 §2): exactly {@code size} octets, no dot-stuffing, into a
 * {@link Spool} (which keeps checking line ends, line length and size across chunks).
 */
public final class ChunkReader {
    private ChunkReader() {
    }

    public static void read(Connection connection, Spool spool, long size, Duration readTimeout, long deadlineNanos)
            throws IOException {
        LineReader in = connection.reader();
        byte[] buf = new byte[(int) Math.min(16 * 1024, Math.max(size, 1))];
        long left = size;
        while (left > 0) {
            if (in.buffered() == 0) {
                long time = deadlineNanos - System.nanoTime();
                if (time <= 0) {
                    throw new SocketTimeoutException("data time limit exceeded");
                }
                connection.setReadTimeout(Duration.ofNanos(Math.min(time, readTimeout.toNanos())).plusMillis(1));
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
