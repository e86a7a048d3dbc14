package dev.yubin.smtp.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a CRLF message into DATA form (RFC 5321 §4.5.2): a line starting with "." gets one
 * more, the data ends with CRLF (added if missing) and the {@code .CRLF} terminator.
 */
final class DotStuffer {
    private DotStuffer() {
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        boolean lineStart = true;
        int prev = -1;
        int n;
        while ((n = in.read(buf)) > 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (lineStart && buf[i] == '.') {
                    out.write(buf, from, i - from);
                    out.write('.'); // RFC 5321 §4.5.2
                    from = i;
                }
                lineStart = buf[i] == '\n';
                prev = buf[i];
            }
            out.write(buf, from, n - from);
        }
        if (prev == '\r') {
            out.write('\n');
        } else if (prev != '\n' && prev != -1) {
            out.write('\r');
            out.write('\n');
        }
        out.write(new byte[] {'.', '\r', '\n'});
    }
}
