package dev.yubin.net.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleSettings.DEFAULTS, clock);
    private final InetAddress a = addr("192.0.2.1");
    private final InetAddress b = addr("192.0.2.2");

    private static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void delaysGrowThenCap() {
        long[] expected = {0, 1, 2, 4, 8, 8, 8, 8, 8};
        for (long e : expected) {
            LoginThrottle.Penalty p = throttle.failed(a, "u@example.com");
            assertThat(p.delay()).isEqualTo(Duration.ofSeconds(e));
            assertThat(p.banned()).isFalse();
        }
    }

    @Test
    void bansTheAddressAfterTheConfiguredFailuresUntilTheBanEnds() {
        for (int i = 1; i < 10; i++) {
            assertThat(throttle.failed(a, "u" + i + "@example.com").banned()).isFalse();
        }
        assertThat(throttle.failed(a, "x@example.com").banned()).isTrue();
        assertThat(throttle.isBanned(a)).isTrue();
        assertThat(throttle.isBanned(b)).isFalse();
        assertThat(throttle.bannedUntil(a)).contains(clock.now.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.isBanned(a)).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.isBanned(a)).isFalse();
        // counters were forgotten with the ban: the next failure starts again
        assertThat(throttle.failed(a, "x@example.com").delay()).isZero();
    }

    @Test
    void perUserDelayFollowsTheUserAcrossAddresses() {
        throttle.failed(a, "victim@example.com");
        throttle.failed(a, "victim@example.com");
        LoginThrottle.Penalty p = throttle.failed(b, "Victim@Example.com");
        assertThat(p.delay()).isEqualTo(Duration.ofSeconds(2)); // third failure for the user
        assertThat(p.banned()).isFalse();
    }

    @Test
    void successClearsCounters() {
        throttle.failed(a, "u@example.com");
        throttle.failed(a, "u@example.com");
        throttle.succeeded(a, "u@example.com");
        assertThat(throttle.failed(a, "u@example.com").delay()).isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        throttle.failed(a, "u@example.com");
        throttle.failed(a, "u@example.com");
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed(a, "u@example.com").delay()).isZero();
    }

    @Test
    void noneNeverDelaysOrBans() {
        LoginThrottle t = new LoginThrottle(LoginThrottleSettings.NONE, clock);
        for (int i = 0; i < 50; i++) {
            LoginThrottle.Penalty p = t.failed(a, "u@example.com");
            assertThat(p.delay()).isZero();
            assertThat(p.banned()).isFalse();
        }
    }

    @Test
    void trackedEntriesStayBounded() {
        LoginThrottle t = new LoginThrottle(new LoginThrottleSettings(Duration.ofSeconds(1), Duration.ofSeconds(8),
                10, Duration.ofMinutes(15), Duration.ofMinutes(1), 100), clock);
        for (int i = 0; i < 1000; i++) {
            t.failed(a, "user" + i + "@example.com");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(t.trackedCount()).isLessThanOrEqualTo(101);
        assertThat(t.isBanned(a)).isTrue(); // pruning never lifts a ban
    }
}
