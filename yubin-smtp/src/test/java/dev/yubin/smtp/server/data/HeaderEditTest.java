package dev.yubin.smtp.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderEditTest {
    private static String edit(String message, Set<String> remove) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = HeaderEdit.copyWithout(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)), out, remove);
        assertThat(n).isEqualTo(out.size());
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void removesWholeFoldedFieldsOnlyInTheHeader() throws Exception {
        String forged = "X-A: one\r\n\ttwo\r\n";
        String msg = "Return-Path: <a@b.test>\r\n" + forged + "X-A: one\r\nSubject: s\r\n\r\nX-A: one\r\n\ttwo\r\nbody\r\n";
        assertThat(edit(msg, Set.of(HeaderEdit.key(forged))))
                .isEqualTo("Return-Path: <a@b.test>\r\nX-A: one\r\nSubject: s\r\n\r\nX-A: one\r\n\ttwo\r\nbody\r\n");
    }

    @Test
    void nothingToRemoveCopiesEveryOctet() throws Exception {
        String msg = "A: 1\r\nB: 2\r\n\r\nbody";
        assertThat(edit(msg, Set.of())).isEqualTo(msg);
        assertThat(edit("A: 1\r\n", Set.of("A: 1"))).isEmpty();
    }
}
