package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottleSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest extends Pop3TestBase {
    @Test
    void failuresAreDelayedThenTheAddressIsBanned() throws Exception {
        f.close();
        f = new Pop3Fixture(dir.resolve("t"), Pop3Settings.defaults("pop.example.com"), CleartextPolicy.LOOPBACK_ONLY,
                new LoginThrottleSettings(Duration.ofMillis(200), Duration.ofMillis(400), 3, Duration.ofMinutes(5),
                        Duration.ofMinutes(5), 1000));
        try (Pop3Client c = f.client()) {
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS a")).startsWith("-ERR [AUTH]");
            c.command("USER " + Pop3Fixture.ALICE);
            long t0 = System.nanoTime();
            assertThat(c.command("PASS b")).startsWith("-ERR [AUTH]");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS c")).startsWith("-ERR [AUTH]");
            assertThat(c.closedByServer()).isTrue(); // banned: closed after the reply
        }
        try (Pop3Client c = f.client()) {
            assertThat(c.greeting).startsWith("-ERR [SYS/TEMP]");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
