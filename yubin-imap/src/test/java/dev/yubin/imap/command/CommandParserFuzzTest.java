package dev.yubin.imap.command;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the command reader and parser ({@link CommandParserFuzzTarget}). In a normal build
 * Jazzer runs {@link #commandReaderAndParser} in regression mode over the seeds in
 * {@code CommandParserFuzzTestInputs/} (without Jazzer's agent: the module sets {@code jazzer.hooks=false});
 * {@code JAZZER_FUZZ=1 ./mvnw -pl yubin-imap -am verify -Djazzer.hooks=true -Dtest=CommandParserFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for real (60 s). {@link #mutatedCommandsNeverCrashTheParser} adds bounded, seeded mutations of
 * valid commands so every build explores a little further than the fixed seeds.
 */
class CommandParserFuzzTest {
    private static final String[] SEEDS = {
        "a FETCH 1:*,3 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.100> BINARY[1] MODSEQ) (CHANGEDSINCE 5)",
        "a UID SEARCH RETURN (MIN MAX SAVE) CHARSET UTF-8 OR (FROM x SUBJECT \"y z\") NOT 1:5 SINCE 1-Jan-2020",
        "a STORE $ (UNCHANGEDSINCE 9) +FLAGS.SILENT (\\Seen $Junk)",
        "a APPEND INBOX (\\Seen) \"05-Nov-2026 10:11:12 +0100\" {3+}\r\nabc",
        "a LIST (SUBSCRIBED RECURSIVEMATCH) \"\" (\"*\" %) RETURN (CHILDREN STATUS (MESSAGES SIZE))",
        "a SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1:9 5:100)))",
        "a SORT (REVERSE ARRIVAL SUBJECT) UTF-8 ALL", "a THREAD REFERENCES UTF-8 SEEN",
        "a AUTHENTICATE PLAIN =", "a ID (\"name\" \"x\" \"version\" NIL)", "a CREATE x (USE (\\Sent))",
    };

    private static final byte[] SPECIALS = "(){}[]<>\" *%$\\+.:,~0123456789\r\n".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "60s")
    void commandReaderAndParser(byte[] data) {
        CommandParserFuzzTarget.fuzzerTestOneInput(data);
    }

    @Test
    void mutatedCommandsNeverCrashTheParser() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = SEEDS[r.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(b.length);
                switch (r.nextInt(3)) {
                    case 0 -> b[at] = (byte) r.nextInt(256);
                    case 1 -> b = Arrays.copyOf(b, at);
                    default -> b[at] = SPECIALS[r.nextInt(SPECIALS.length)];
                }
                if (b.length == 0) {
                    b = new byte[] {'a'};
                }
            }
            byte[] wire = new byte[b.length + 3];
            wire[0] = (byte) r.nextInt(256); // read chunk size
            System.arraycopy(b, 0, wire, 1, b.length);
            wire[b.length + 1] = '\r';
            wire[b.length + 2] = '\n';
            CommandParserFuzzTarget.fuzzerTestOneInput(wire);
        }
    }
}
