package dev.yubin.smtp.server.data;

import dev.yubin.net.LineReader;
import java.io.EOFException;
import java.io.IOException;

/**
 * Reads DATA content (RFC 5321 §4.1.1.4) up to the end-of-data indication and hands the
 * unstuffed octets to a {@link Spool}.
 *
 * <p>The only end of data is {@code CRLF . CRLF}: a line consisting of a single dot that starts
 * after a real CRLF and ends with a real CRLF (RFC 5321 §4.1.1.4, §2.3.8). Bare CR and bare LF
 * never start a line, so {@code <LF>.<LF>}, {@code <CR>.<CR>}, {@code <LF>.<CR><LF>},
 * {@code <CR><LF>.<LF>} and the like neither end the message nor start another one; the spool
 * sees the bare line ends and marks the message bad, and reading goes on to the real end
 * (no SMTP smuggling). A leading dot of a line is removed (RFC 5321 §4.5.2).
 *
 * <p>Time: each blocking read waits at most the command timeout, and never past the deadline
 * for the whole message.
 */
public final class DotStuffedReader {
    private static final int LINE_START = 0;
    private static final int DOT = 1;
    private static final int DOT_CR = 2;
    private static final int MIDDLE = 3;
    private static final int CR = 4;

    private DotStuffedReader() {
    }

    /**
     * Reads to the end of data. @throws EOFException if the client closes first;
     * @throws SocketTimeoutException when a read or the whole message takes too long
     */
    public static void read(LineReader in, Spool spool, ReadBudget budget) throws IOException {
        int state = LINE_START;
        while (true) {
            if (in.buffered() == 0) {
                budget.beforeBlockingRead();
            }
            int b = in.readByte();
            if (b < 0) {
                throw new EOFException("connection closed during DATA");
            }
            switch (state) {
                case LINE_START -> {
                    if (b == '.') {
                        state = DOT;
                    } else {
                        state = plain(spool, b);
                    }
                }
                case DOT -> {
                    if (b == '\r') {
                        state = DOT_CR;
                    } else {
                        state = plain(spool, b); // RFC 5321 §4.5.2: the stuffed dot is dropped
                    }
                }
                case DOT_CR -> {
                    if (b == '\n') {
                        spool.endOfData();
                        return;
                    }
                    spool.write('\r'); // ".<CR>x": a bare CR after an unstuffed dot
                    state = plain(spool, b);
                }
                case MIDDLE -> state = plain(spool, b);
                case CR -> {
                    if (b == '\n') {
                        spool.write('\n');
                        state = LINE_START; // only a real CRLF starts a line
                    } else {
                        state = plain(spool, b); // bare CR: the spool already saw it
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private static int plain(Spool spool, int b) throws IOException {
        spool.write(b);
        return b == '\r' ? CR : MIDDLE;
    }
}
