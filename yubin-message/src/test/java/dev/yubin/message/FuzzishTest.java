package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated messages (fixed seed, bounded count): indexing never throws, every tree is valid
 * and its JSON reads back equal. A Jazzer target can reuse {@link #check(byte[])}.
 */
class FuzzishTest {

    private static final String[] SEEDS = {
        "From: a@b\r\nTo: g: x@y, \"q\" <z@w>;\r\nSubject: =?utf-8?b?w6k=?=\r\nDate: 1 Jul 2003 10:00 +0100\r\n"
            + "Content-Type: multipart/mixed; boundary=\"=_b\"\r\n\r\npre\r\n--=_b\r\nContent-Type: text/plain;"
            + " charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9=\r\n x\r\n--=_b\r\n"
            + "Content-Type: message/rfc822\r\n\r\nSubject: in\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n"
            + "--c\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+aGk8L2I+\r\n--c--\r\n"
            + "--=_b--\r\nepilogue\r\n",
        "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nFrom: x\r\n\r\n1\r\n--d\r\n\r\n2\r\n--d--\r\n",
    };

    private static final String[] FRAGMENTS = {"\r\n", "\n", "\r", "--", "--=_b", "--c--", "--d", ":", ";", "\"",
        "(", ")", "<", ">", "@", ",", "=?", "?=", "=?utf-8?q?", "Content-Type: multipart/mixed; boundary==_b\r\n",
        "Content-Type: message/rfc822\r\n", "\r\n\r\n", " ", "\t", "\u0000", "\u00ff", "=", "=E"};

    @Test
    void mutatedAndRandomMessagesNeverBreakTheIndexer() throws IOException {
        Random random = new Random(20260101L);
        MessageIndexer small = new MessageIndexer(new MessageLimits(4, 200, 300, 30));
        for (int round = 0; round < 2000; round++) {
            byte[] input = round % 10 == 0 ? randomBytes(random) : mutate(random, SEEDS[round % SEEDS.length]);
            try {
                check(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("input: " + new String(input, StandardCharsets.ISO_8859_1)
                        .replace("\r", "\\r").replace("\n", "\\n\n"), e);
            }
            IndexedMessage m = small.index(new ByteArrayInputStream(input));
            Messages.checkInvariants(m.summary().body(), 0, input.length);
            assertThat(m.mimeDepth()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void headerValueParsersNeverThrow() {
        Random random = new Random(5256L);
        String[] pieces = {"(", ")", "\\", "\"", "<", ">", "@", ",", ";", ":", ".", "[", "]", " ", "\t", "\r\n ",
            "+0200", "-", "12:30", "Jul", "2003", "1", "Re:", "[fwd:", "(fwd)", "=?utf-8?q?a?=", "=?x?b?===?=", "a",
            "T", "\u00e9", "\uD83D", "group:", "<@r:", "*"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String v = s.toString();
            try {
                DateHeader.parse(v);
                AddressParser.parse(v);
                BaseSubject.of(v);
                BaseSubject.isReplyOrForward(v);
                AddressDecoding.decode(v);
                MimeFields.contentType("a/b; " + v);
                MimeFields.disposition(v);
                MimeFields.language(v);
                MimeFields.decodedParam(MimeFields.params(";" + v, 0), "name");
            } catch (RuntimeException e) {
                throw new AssertionError("input: " + v, e);
            }
        }
    }

    static void check(byte[] input) {
        IndexedMessage m = Messages.INDEXER.index(input, 0, input.length);
        Messages.checkInvariants(m.summary().body(), 0, input.length);
        MessageSummary back = MessageSummary.fromJson(m.summary().toJson());
        assertThat(back).isEqualTo(m.summary());
        back.envelope();
        BaseSubject.of(m.summary().envelope().subject());
        m.summary().envelope().date();
        DateHeader.parse(m.summary().envelope().date());
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[random.nextInt(2000)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] mutate(Random random, String seed) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 2 -> s.setCharAt(at, (char) random.nextInt(256));
                default -> {
                    int end = Math.min(s.length(), at + random.nextInt(40));
                    s.insert(random.nextInt(s.length()), s.substring(at, end));
                }
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
