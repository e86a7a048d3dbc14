package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.EOFException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every {@code src/test/resources/transcripts/*.txt} against one real server (fixture
 * users, see {@link SmtpFixture}). Lines:
 * <ul>
 *   <li>{@code C: text} — sends text + CRLF;</li>
 *   <li>{@code R: text} — sends text raw; {@code <CR>}, {@code <LF>}, {@code <CRLF>} stand for the octets;</li>
 *   <li>{@code S: prefix} — reads one reply; its last line ({@code "550 5.1.1 ..."}) must start with prefix;</li>
 *   <li>{@code S: CLOSED} — the server must close the connection;</li>
 *   <li>{@code INBOX: address count} — the user's INBOX holds exactly count messages;</li>
 *   <li>{@code #} comments and blank lines are ignored.</li>
 * </ul>
 * Each transcript gets a new connection; the first {@code S:} is normally the 220 greeting.
 */
class TranscriptTest {
    @TempDir
    static Path dir;
    static SmtpFixture fx;

    @BeforeAll
    static void start() throws IOException {
        fx = SmtpFixture.start(dir.resolve("data"), SmtpSettings.builder().hostname("mx.example.com")
                .maxRecipients(5).maxMessageSize(100_000).maxErrors(50).build(), List.of(), 100);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        Path root = Path.of(TranscriptTest.class.getResource("/transcripts").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    static byte[] unescape(String s) {
        return s.replace("<CRLF>", "\r\n").replace("<CR>", "\r").replace("<LF>", "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void replay(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try (SmtpTestClient c = fx.client()) {
            int n = 0;
            for (String line : lines) {
                n++;
                String where = file.getFileName() + ":" + n;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("C: ")) {
                    c.send(line.substring(3));
                } else if (line.startsWith("R: ")) {
                    c.sendRaw(unescape(line.substring(3)));
                } else if (line.equals("S: CLOSED")) {
                    assertThat(c.isClosedByServer()).as(where + " server closes").isTrue();
                } else if (line.startsWith("S: ")) {
                    String expected = line.substring(3);
                    SmtpTestClient.Reply r;
                    try {
                        r = c.readReply();
                    } catch (EOFException e) {
                        fail(where + ": expected '" + expected + "' but the server closed");
                        return;
                    }
                    assertThat(r.code() + " " + r.text()).as(where + " (full reply: %s)", r.full()).startsWith(expected);
                } else if (line.startsWith("INBOX: ")) {
                    String[] p = line.substring(7).split(" ");
                    assertThat(fx.inbox(p[0])).as(where).hasSize(Integer.parseInt(p[1]));
                } else {
                    fail(where + ": unknown transcript line " + line);
                }
            }
        }
    }

}
