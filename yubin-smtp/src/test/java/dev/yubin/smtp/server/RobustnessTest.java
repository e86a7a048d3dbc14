package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.smtp.server.command.Commands;
import dev.yubin.smtp.server.command.SmtpCommand;
import dev.yubin.smtp.server.command.SmtpSyntaxException;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random input (a stand-in for coverage-guided fuzzing): every parser either parses or
 * throws its syntax exception, and a live server answers sensibly after any garbage.
 */
class RobustnessTest {
    static final String ALPHABET = "<>@:;,.\"\\%!=+ []-_aZ09éü\u0000\t\r\nSIZEBODYNOTIFYORCPTRETENVIDFROMTO";

    static String randomText(Random r, int max) {
        int n = r.nextInt(max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x3000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void parsersOnlyThrowSyntaxErrors() {
        Random r = new Random(5321);
        Map<String, SmtpCommand<?>> commands = Commands.mx();
        String[] prefixes = {"", "FROM:", "TO:", "FROM:<", "TO:<", "FROM:<a@b.example> ", "TO:<a@b.example> ", "1 "};
        for (int i = 0; i < 10_000; i++) {
            String args = prefixes[r.nextInt(prefixes.length)] + randomText(r, 80);
            for (SmtpCommand<?> c : commands.values()) {
                try {
                    c.parse(args);
                } catch (SmtpSyntaxException expected) {
                    assertThat(expected.reply().code()).isBetween(500, 599);
                }
            }
        }
    }

    @Test
    void serverSurvivesGarbage() throws Exception {
        Random r = new Random(2920);
        Path dir = java.nio.file.Files.createTempDirectory("yubin-robust");
        try (SmtpFixture fx = SmtpFixture.start(dir, SmtpSettings.builder().hostname("mx.example.com").maxErrors(1000)
                .build(), List.of(), 100)) {
            for (int round = 0; round < 6; round++) {
                try (SmtpTestClient c = fx.greeted()) {
                    for (int i = 0; i < 30; i++) {
                        String verb = List.of("MAIL", "RCPT", "EHLO", "HELO", "VRFY", "NOOP", "DATA\r\n", "BDAT", "X")
                                .get(r.nextInt(9));
                        c.sendRaw(verb + " " + randomText(r, 300).replace("\r\n", "") + "\r\n");
                        if (verb.startsWith("DATA") || verb.equals("BDAT")) {
                            break; // the bytes after these are message data; stop before the stream is ambiguous
                        }
                    }
                    c.sendRaw("\r\n.\r\nRSET\r\n");
                } catch (java.io.IOException closedByServer) {
                    // the server may close (e.g. malformed BDAT): that is a clean outcome
                }
                try (SmtpTestClient c = fx.greeted()) {
                    assertThat(c.command("NOOP").code()).isEqualTo(250);
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = java.nio.file.Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }
}
