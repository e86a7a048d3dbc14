package dev.yubin.smtp.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.net.LineReader;
import dev.yubin.store.fs.FsBlobStore;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DATA decoding fed at every split of the input: what the spool keeps, where reading stops, and
 * which inputs are marked bad. The smuggling variants never end the data early.
 */
class DotStuffedReaderTest {
    @TempDir
    Path dir;
    FsBlobStore blobs;

    @BeforeEach
    void open() throws IOException {
        blobs = new FsBlobStore(dir);
    }

    /** Result of reading one input: kept octets, problem, and what is left for the command reader. */
    record Outcome(String kept, Spool.Problem problem, String rest, int received) {
    }

    /** Delivers the input in pieces: cut at the given offsets. */
    static InputStream pieces(byte[] data, List<Integer> cuts) {
        List<byte[]> parts = new ArrayList<>();
        int prev = 0;
        for (int c : cuts) {
            parts.add(java.util.Arrays.copyOfRange(data, prev, c));
            prev = c;
        }
        parts.add(java.util.Arrays.copyOfRange(data, prev, data.length));
        return new InputStream() {
            int part;
            int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (part < parts.size() && pos == parts.get(part).length) {
                    part++;
                    pos = 0;
                }
                if (part == parts.size()) {
                    return -1;
                }
                int n = Math.min(len, parts.get(part).length - pos);
                System.arraycopy(parts.get(part), pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    Outcome read(String input, List<Integer> cuts) throws IOException {
        byte[] data = input.getBytes(StandardCharsets.ISO_8859_1);
        LineReader in = new LineReader(pieces(data, cuts), 2048);
        Spool spool = new Spool(blobs, 100_000, 998, 1 << 20);
        spool.begin("", "");
        DotStuffedReader.read(in, spool, () -> { });
        String kept = new String(spool.bytes(), 0, (int) spool.size(), StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        int b;
        while ((b = in.readByte()) >= 0) {
            rest.write(b);
        }
        Outcome o = new Outcome(spool.problem() == Spool.Problem.NONE ? kept : "", spool.problem(),
                rest.toString(StandardCharsets.ISO_8859_1), spool.receivedCount());
        spool.abandon();
        return o;
    }

    /** Reads the input whole, one octet at a time, and cut at every single offset; all must agree. */
    Outcome everySplit(String input) throws IOException {
        Outcome whole = read(input, List.of());
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i < input.length(); i++) {
            all.add(i);
            assertThat(read(input, List.of(i))).as("split at %d", i).isEqualTo(whole);
        }
        assertThat(read(input, all)).as("one octet at a time").isEqualTo(whole);
        return whole;
    }

    @Test
    void plainMessageAndWhatFollows() throws IOException {
        Outcome o = everySplit("Subject: a\r\n\r\nbody\r\n.\r\nQUIT\r\n");
        assertThat(o).isEqualTo(new Outcome("Subject: a\r\n\r\nbody\r\n", Spool.Problem.NONE, "QUIT\r\n", 0));
    }

    @Test
    void emptyMessage() throws IOException {
        assertThat(everySplit(".\r\n")).isEqualTo(new Outcome("", Spool.Problem.NONE, "", 0));
    }

    @Test
    void dotUnstuffing() throws IOException {
        Outcome o = everySplit("..\r\n..x\r\n.y\r\nz.\r\n.\r\n");
        assertThat(o.kept()).isEqualTo(".\r\n.x\r\ny\r\nz.\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a\n.\nMAIL FROM:<e@x>\r\n.\r\n",        // <LF>.<LF>
        "a\r.\rMAIL FROM:<e@x>\r\n.\r\n",        // <CR>.<CR>
        "a\n.\r\nMAIL FROM:<e@x>\r\n.\r\n",      // <LF>.<CR><LF>
        "a\r\n.\nMAIL FROM:<e@x>\r\n.\r\n",      // <CR><LF>.<LF>
        "a\r\n.\rMAIL FROM:<e@x>\r\n.\r\n",      // <CR><LF>.<CR>
        "a\r.\r\nMAIL FROM:<e@x>\r\n.\r\n",      // <CR>.<CR><LF>
        "a\n.\rMAIL FROM:<e@x>\r\n.\r\n",        // <LF>.<CR>
        "a\r.\nMAIL FROM:<e@x>\r\n.\r\n",        // <CR>.<LF>
        "a\r\n.\r\r\nMAIL FROM:<e@x>\r\n.\r\n",  // <CR><LF>.<CR><CR><LF>
        "bare\rcr\r\n.\r\n",
        "bare\nlf\r\n.\r\n",
    })
    void smugglingVariantsNeverEndEarly(String input) throws IOException {
        Outcome o = everySplit(input + "NOOP\r\n");
        assertThat(o.problem()).isEqualTo(Spool.Problem.BARE_LINE_END);
        assertThat(o.rest()).isEqualTo("NOOP\r\n");
    }

    @Test
    void bareLfVariantEndsOnlyAtRealEnd() throws IOException {
        // the first ".\r\n" after a bare LF is not at a real line start, the second one is
        Outcome o = read("x\n.\r\ny\r\n.\r\nNOOP\r\n", List.of());
        assertThat(o.problem()).isEqualTo(Spool.Problem.BARE_LINE_END);
        assertThat(o.rest()).isEqualTo("NOOP\r\n");
    }

    @Test
    void realCrlfDotCrlfAfterABareLfEndsTheData() throws IOException {
        // "a<LF><CR><LF>.<CR><LF>": the CRLF before the dot is real, so this is the end (and the message is bad)
        Outcome o = everySplit("a\n\r\n.\r\nNOOP\r\n");
        assertThat(o.problem()).isEqualTo(Spool.Problem.BARE_LINE_END);
        assertThat(o.rest()).isEqualTo("NOOP\r\n");
    }

    @Test
    void lineLengthLimit() throws IOException {
        String ok = "x".repeat(998);
        assertThat(read(ok + "\r\n.\r\n", List.of()).problem()).isEqualTo(Spool.Problem.NONE);
        assertThat(read(ok + "x\r\n.\r\n", List.of()).problem()).isEqualTo(Spool.Problem.LINE_TOO_LONG);
        // the stuffed dot does not count
        assertThat(read("." + ok + "\r\n.\r\n", List.of()).problem()).isEqualTo(Spool.Problem.NONE);
    }

    @Test
    void countsReceivedFieldsOfTheHeaderOnly() throws IOException {
        Outcome o = everySplit("Received: a\r\nRECEIVED:b\r\nX-Received: c\r\n received: d\r\n\r\nReceived: body\r\n.\r\n");
        assertThat(o.received()).isEqualTo(2);
    }

    @Test
    void sizeLimit() throws IOException {
        LineReader in = new LineReader(pieces(("x".repeat(50) + "\r\n.\r\nNOOP\r\n").getBytes(StandardCharsets.US_ASCII),
                List.of()), 2048);
        Spool spool = new Spool(blobs, 20, 998, 1 << 20);
        spool.begin("", "");
        DotStuffedReader.read(in, spool, () -> { });
        assertThat(spool.problem()).isEqualTo(Spool.Problem.TOO_BIG);
        assertThat(in.readLine(true).text()).isEqualTo("NOOP");
    }

    @Test
    void eofInsideDataThrows() {
        assertThatThrownBy(() -> read("abc\r\n", List.of())).isInstanceOf(EOFException.class);
    }
}
