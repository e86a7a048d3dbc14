package dev.yubin.smtp.server.data;

import dev.yubin.core.LineEnds;

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
 * <p>Works on whole buffers: runs of octets between stuffed dots go to the spool in one call,
 * and octets read past the end of data are given back to the {@link LineReader} (they are the
 * client's next pipelined commands). Time is bounded by the {@link ReadBudget}.
 */
public final class DotStuffedReader {
    private static final int LINE_START = 0;
    private static final int DOT = 1;
    private static final int DOT_CR = 2;
    private static final int MIDDLE = 3;
    private static final int CR = 4;
    private static final byte[] CR_OCTET = {'\r'};

    private DotStuffedReader() {
    }

    /**
     * Reads to the end of data. @throws EOFException if the client closes first;
     * @throws java.net.SocketTimeoutException when a read or the whole message takes too long
     */
    public static void read(LineReader in, Spool spool, ReadBudget budget) throws IOException {
        byte[] chunk = spool.readBuffer();
        int state = LINE_START;
        boolean heldCr = false; // the CR of ".<CR>" at the end of the previous chunk, not yet given to the spool
        while (true) {
            if (in.buffered() == 0) {
                budget.beforeBlockingRead();
            }
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                throw new EOFException("connection closed during DATA");
            }
            int runStart = 0;
            for (int i = 0; i < n; i++) {
                byte b = chunk[i];
                switch (state) {
                    case MIDDLE -> {
                        i = LineEnds.cr(chunk, i, n); // skip the rest of the line at once
                        if (i < n) {
                            state = CR;
                        }
                    }
                    case CR -> state = b == '\n' ? LINE_START : b == '\r' ? CR : MIDDLE; // only a real CRLF starts a line
                    case LINE_START -> {
                        if (b == '.') {
                            spool.write(chunk, runStart, i - runStart); // RFC 5321 §4.5.2: the stuffed dot is dropped
                            runStart = i + 1;
                            state = DOT;
                        } else {
                            state = b == '\r' ? CR : MIDDLE;
                        }
                    }
                    case DOT -> state = b == '\r' ? DOT_CR : MIDDLE;
                    case DOT_CR -> {
                        if (b == '\n') {
                            in.unread(n - i - 1); // RFC 5321 §4.1.1.4: CRLF.CRLF ends the data
                            spool.endOfData();
                            return;
                        }
                        if (heldCr) {
                            spool.write(CR_OCTET, 0, 1); // ".<CR>x": a bare CR after an unstuffed dot
                            heldCr = false;
                        }
                        state = b == '\r' ? CR : MIDDLE;
                    }
                    default -> throw new IllegalStateException();
                }
            }
            if (state == DOT_CR && runStart < n) {
                spool.write(chunk, runStart, n - 1 - runStart); // keep back the CR: it may start the end mark
                heldCr = true;
            } else {
                spool.write(chunk, runStart, n - runStart);
            }
        }
    }
}
