package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs C:/S: transcripts from {@code src/test/resources/transcripts}. Each line is one of:
 * {@code deliver SUBJECT} (an SMTP-style delivery to alice's INBOX); {@code X C: line} (session X
 * sends the line and reads up to the reply tagged with its first word); {@code X S: pattern} (the
 * last reply of X has a line matching the glob, after the previous match); {@code X S!: pattern}
 * (no line of the last reply matches).
 */
class TranscriptTest extends ServerTestBase {

    static Stream<String> transcripts() {
        return Stream.of("expunge-visibility.txt", "flags-and-recent.txt");
    }

    @ParameterizedTest
    @MethodSource("transcripts")
    void run(String name) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/transcripts/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, ImapTestClient> sessions = new HashMap<>();
        Map<String, List<String>> replies = new HashMap<>();
        Map<String, Integer> cursor = new HashMap<>();
        int lineNo = 0;
        try {
            for (String line : text.split("\n")) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = name + ":" + lineNo + " " + line;
                if (line.startsWith("deliver ")) {
                    fx.deliver(fx.alice, ImapFixture.message(line.substring(8), "body"));
                    continue;
                }
                int sp = line.indexOf(' ');
                String who = line.substring(0, sp);
                String rest = line.substring(sp + 1);
                if (rest.startsWith("C: ")) {
                    ImapTestClient c = sessions.computeIfAbsent(who, k -> open());
                    String cmd = rest.substring(3).replace("{password}", ImapFixture.PASSWORD);
                    c.sendLine(cmd);
                    replies.put(who, c.until(cmd.substring(0, cmd.indexOf(' '))));
                    cursor.put(who, 0);
                } else if (rest.startsWith("S: ")) {
                    List<String> got = replies.get(who);
                    Pattern p = glob(rest.substring(3));
                    int from = cursor.get(who);
                    int found = -1;
                    for (int i = from; i < got.size(); i++) {
                        if (p.matcher(got.get(i)).matches()) {
                            found = i;
                            break;
                        }
                    }
                    assertThat(found).as(where + "\n got: " + got).isGreaterThanOrEqualTo(0);
                    cursor.put(who, found + 1);
                } else if (rest.startsWith("S!: ")) {
                    Pattern p = glob(rest.substring(4));
                    for (String g : replies.get(who)) {
                        assertThat(p.matcher(g).matches()).as(where + "\n got: " + replies.get(who)).isFalse();
                    }
                } else {
                    throw new AssertionError("bad transcript line " + where);
                }
            }
        } finally {
            for (ImapTestClient c : sessions.values()) {
                c.close();
            }
        }
    }

    private ImapTestClient open() {
        try {
            return fx.connect();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Pattern glob(String s) {
        List<String> parts = new ArrayList<>();
        for (String piece : s.split("\\*", -1)) {
            parts.add(Pattern.quote(piece));
        }
        return Pattern.compile(String.join(".*", parts));
    }
}
