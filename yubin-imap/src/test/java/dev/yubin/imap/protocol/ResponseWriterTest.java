package dev.yubin.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    /** Records each write the writer makes to the socket, and each flush. */
    static final class Socket extends OutputStream {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();
        int flushes;

        @Override
        public void write(int b) {
            all.write(b);
            writes.add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            all.write(b, off, len);
            writes.add(len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static byte[] data(int n, int seed) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) {
            d[i] = (byte) ('a' + (i * 7 + seed) % 26);
        }
        return d;
    }

    @Test
    void aMessageSizedResponseIsOneWrite() throws IOException {
        Socket s = new Socket();
        ResponseWriter w = new ResponseWriter(s);
        byte[] body = data(17_000, 1);
        w.ascii("* 5 FETCH (BODY[] ").literalHeader(body.length).copy(new ByteArrayInputStream(body), body.length)
                .ch(')').crlf().ascii("a1 OK FETCH completed").crlf();
        w.flush();
        assertThat(s.writes).hasSize(1);
        assertThat(s.flushes).isEqualTo(1);
        String out = s.all.toString(StandardCharsets.ISO_8859_1);
        assertThat(out).startsWith("* 5 FETCH (BODY[] {17000}\r\n" + new String(body, StandardCharsets.ISO_8859_1) + ")\r\n")
                .endsWith("a1 OK FETCH completed\r\n");
        assertThat(w.buffered()).isZero();
    }

    @Test
    void responsesBeyondTheBufferStreamThroughAndLaterOnesStartClean() throws IOException {
        Socket s = new Socket();
        ResponseWriter w = new ResponseWriter(s);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int round = 0; round < 4; round++) {
            byte[] big = data(150_000 + round, round);
            byte[] small = data(10 + round, round + 5);
            w.ascii("* 1 FETCH (BODY[] ").literalHeader(big.length).copy(new ByteArrayInputStream(big), big.length)
                    .ch(')').crlf();
            w.ascii("* 2 FETCH (BODY[] ").literal(small).ch(')').crlf().string("quoted \"x\"").crlf();
            w.flush();
            w.ascii("a OK").crlf();
            w.flush();
            expected.writeBytes(("* 1 FETCH (BODY[] {" + big.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(big);
            expected.writeBytes((")\r\n* 2 FETCH (BODY[] {" + small.length + "}\r\n").getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(small);
            expected.writeBytes(")\r\n\"quoted \\\"x\\\"\"\r\na OK\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(s.all.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(s.writes).allSatisfy(len -> assertThat(len).isLessThanOrEqualTo(64 * 1024));
    }

    @Test
    void aShortBlobIsPaddedSoTheClientStaysInStep() throws IOException {
        Socket s = new Socket();
        ResponseWriter w = new ResponseWriter(s);
        w.literalHeader(5).copy(new ByteArrayInputStream("ab".getBytes(StandardCharsets.US_ASCII)), 5).crlf();
        w.flush();
        assertThat(s.all.toString(StandardCharsets.US_ASCII)).isEqualTo("{5}\r\nab   \r\n");
    }
}
