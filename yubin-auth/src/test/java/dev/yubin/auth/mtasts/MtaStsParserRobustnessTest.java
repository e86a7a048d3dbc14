package dev.yubin.auth.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The MTA-STS parsers see what a remote web server and DNS send: seeded, bounded mutations of
 * valid inputs never make them throw, and whatever they accept is a valid value that reads back
 * the same from its own text form.
 */
class MtaStsParserRobustnessTest {
    private static final String[] POLICIES = {
        "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n",
        "version: STSv1\nmode: testing\nmx: a.example\nmax_age: 86400\n",
        "version: STSv1\nmode: none\nmax_age: 31557600\n",
    };
    private static final String[] RECORDS = {"v=STSv1; id=20261125T1200;", "v=STSv1;id=abc", "v=STSv1; x=y; id=1"};
    private static final byte[] SPECIALS = ":;=*. \r\n\t0123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void mutatedPoliciesAndRecordsNeverBreakTheParsers() {
        Random r = new Random(8461);
        for (int i = 0; i < 20_000; i++) {
            String policy = mutate(r, POLICIES[r.nextInt(POLICIES.length)]);
            MtaStsPolicy.parse(policy).ifPresent(p -> assertThat(MtaStsPolicy.parse(p.text())).contains(p));
            MtaStsRecord.parse(mutate(r, RECORDS[r.nextInt(RECORDS.length)]))
                    .ifPresent(rec -> assertThat(rec.id()).matches("[A-Za-z0-9]{1,32}"));
        }
    }

    private static String mutate(Random r, String seed) {
        byte[] b = seed.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(3)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, at);
                default -> b[at] = SPECIALS[r.nextInt(SPECIALS.length)];
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
