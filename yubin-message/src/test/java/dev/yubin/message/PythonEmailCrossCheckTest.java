package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interop: messages built by Python's email package (an independent MIME implementation) are split by
 * our offsets and decoded by {@link TransferDecoding} into exactly the leaf payloads Python decodes.
 */
class PythonEmailCrossCheckTest {

    @Test
    void leafPayloadsMatchPythonEmail(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("corpus.py");
        try (InputStream in = getClass().getResourceAsStream("python_email_corpus.py")) {
            Files.copy(in, script);
        }
        int count = 60;
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), dir.toString(), String.valueOf(count), "5322")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 not available");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        List<List<String>> expected = JsonMapper.builder().build()
                .readValue(dir.resolve("manifest.json").toFile(), new TypeReference<List<List<String>>>() { });
        for (int i = 0; i < count; i++) {
            byte[] raw = Files.readAllBytes(dir.resolve("m" + i + ".eml"));
            IndexedMessage m = Messages.index(raw);
            assertThat(leafHashes(m.summary().body(), raw, new ArrayList<>())).as("message %d", i)
                    .isEqualTo(expected.get(i));
            assertThat(m.summary().envelope().subject()).isEqualTo("msg " + i);
        }
    }

    private static List<String> leafHashes(BodyPart p, byte[] raw, List<String> out) throws NoSuchAlgorithmException {
        if (p.isMultipart()) {
            for (BodyPart c : p.children()) {
                leafHashes(c, raw, out);
            }
        } else if (p.message() != null) {
            leafHashes(p.message(), raw, out);
        } else {
            byte[] decoded = TransferDecoding.decode(raw, (int) p.bodyStart(), (int) p.size(), p.encoding());
            out.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(decoded)));
        }
        return out;
    }
}
