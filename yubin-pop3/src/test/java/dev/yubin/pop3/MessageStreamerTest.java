package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageStreamerTest {
    /** Returns at most {@code chunk} bytes per read, to split the input at every boundary. */
    private static InputStream trickle(String s, int chunk) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static String send(String msg, int chunk, long lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MessageStreamer().stream(new byte[0], trickle(msg, chunk), out, lines);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameOutputWhateverTheReadSplits() throws IOException {
        String msg = "A: b\r\n\r\n.x\r\n\r\n.\r\n..y\nbare lf\n.after bare lf\r\nz";
        String expected = "A: b\r\n\r\n..x\r\n\r\n..\r\n...y\r\nbare lf\r\n..after bare lf\r\nz\r\n.\r\n";
        for (int chunk = 1; chunk <= msg.length(); chunk++) {
            assertThat(send(msg, chunk, -1)).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    @Test
    void topCountsBodyLines() throws IOException {
        String msg = "A: b\nC: d\n\n1\n2\n3\n";
        for (int chunk = 1; chunk <= 3; chunk++) {
            assertThat(send(msg, chunk, 0)).isEqualTo("A: b\r\nC: d\r\n\r\n.\r\n");
            assertThat(send(msg, chunk, 2)).isEqualTo("A: b\r\nC: d\r\n\r\n1\r\n2\r\n.\r\n");
            assertThat(send(msg, chunk, 9)).isEqualTo("A: b\r\nC: d\r\n\r\n1\r\n2\r\n3\r\n.\r\n");
        }
    }

    @Test
    void emptyMessage() throws IOException {
        assertThat(send("", 1, -1)).isEqualTo(".\r\n");
    }

    /** The streamer against a plain line-by-line reference, on random messages split at random points. */
    @Test
    void randomMessagesMatchTheLineByLineReference() throws IOException {
        java.util.Random rnd = new java.util.Random(7);
        String alphabet = "ab.\r\n\n ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(60);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String msg = sb.toString();
            assertThat(send(msg, 1 + rnd.nextInt(8), -1)).as("%s", msg.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(reference(msg));
        }
    }

    private static String reference(String msg) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < msg.length()) {
            int lf = msg.indexOf('\n', start);
            String line = lf < 0 ? msg.substring(start) : msg.substring(start, lf);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            out.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
            start = lf < 0 ? msg.length() : lf + 1;
        }
        return out.append(".\r\n").toString();
    }
}
