package dev.yubin.net.sasl;

import static dev.yubin.net.sasl.SaslTestSupport.LOCAL;
import static dev.yubin.net.sasl.SaslTestSupport.SASL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random client messages: every mechanism answers with a step, never an exception. */
class SaslRobustnessTest {
    private static final String PIECES = "n,y,p=,a=,n=,r=,c=,s=,i=,m=,=2C,=3D,=,\0,alice@example.com,biws,abc,,";

    private static byte[] randomMessage(Random rnd) {
        if (rnd.nextInt(4) == 0) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            return b;
        }
        String[] parts = PIECES.split("(?<=,)");
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(parts[rnd.nextInt(parts.length)]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void randomExchangesEndCleanly() {
        Random rnd = new Random(11);
        for (String name : SaslMechanisms.ALL) {
            int runs = name.equals(SaslMechanisms.SCRAM_SHA_256) ? 300 : 15; // PLAIN/LOGIN may cost an Argon2id each
            for (int i = 0; i < runs; i++) {
                SaslMechanism m = SASL.create(name, LOCAL).orElseThrow();
                SaslStep step = m.start(rnd.nextBoolean() ? Optional.empty() : Optional.of(randomMessage(rnd)));
                int rounds = 0;
                while (step instanceof SaslStep.Challenge && rounds++ < 5) {
                    step = m.next(randomMessage(rnd));
                }
                assertThat(step).isNotNull();
                if (!(step instanceof SaslStep.Challenge)) {
                    assertThat(step).isNotInstanceOf(SaslStep.Success.class); // random bytes never log in
                }
            }
        }
    }
}
