package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottleSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionLimitsTest extends Pop3TestBase {
    @Test
    void commandLinesOver255OctetsAreRefused() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("USER " + "a".repeat(248))).startsWith("+OK"); // 253 + CRLF = 255
            assertThat(c.command("USER " + "a".repeat(249))).isEqualTo("-ERR Command line too long.");
            assertThat(c.command("NOOP" + "x".repeat(20_000))).isEqualTo("-ERR Command line too long.");
            assertThat(c.command("CAPA")).startsWith("+OK");
        }
    }

    @Test
    void tooManyBadCommandsCloseTheConnection() throws Exception {
        try (Pop3Client c = f.client()) {
            for (int i = 1; i < Pop3Settings.DEFAULT_MAX_BAD_COMMANDS; i++) {
                assertThat(c.command("BOGUS " + i)).isEqualTo("-ERR Unknown command.");
            }
            assertThat(c.command("BOGUS")).isEqualTo("-ERR Too many bad commands, closing connection.");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void garbageBytesGetErrorsNotCrashes() throws Exception {
        try (Pop3Client c = f.client()) {
            c.send("\0\u00ff\r\n\r\n \r\nUSER\tx\r\n");
            assertThat(c.line()).startsWith("-ERR");
            assertThat(c.line()).startsWith("-ERR");
            assertThat(c.line()).startsWith("-ERR");
            assertThat(c.line()).startsWith("-ERR");
            assertThat(c.command("CAPA")).startsWith("+OK");
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.client()) {
            c.send("USER " + Pop3Fixture.ALICE + "\r\nPASS " + Pop3Fixture.PASSWORD + "\r\nSTAT\r\nUIDL 1\r\nNOOP\r\n");
            assertThat(c.line()).startsWith("+OK");
            assertThat(c.line()).isEqualTo("+OK Logged in.");
            assertThat(c.line()).startsWith("+OK 1 ");
            assertThat(c.line()).startsWith("+OK 1 ");
            assertThat(c.line()).isEqualTo("+OK");
        }
    }

    @Test
    void idleSessionsAreClosedWithoutUpdate() throws Exception {
        f.close();
        f = new Pop3Fixture(dir.resolve("idle"), new Pop3Settings("pop.example.com", 10, Duration.ofMillis(500),
                Optional.empty(), Optional.of("NEVER")), CleartextPolicy.LOOPBACK_ONLY, LoginThrottleSettings.NONE);
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.aliceSession()) {
            c.command("DELE 1");
            assertThat(c.line()).isEqualTo("-ERR Disconnected for inactivity.");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(f.store.messages(f.inbox(f.alice).id())).hasSize(1);
    }

    @Test
    void loginDelayIsAdvertisedAndEnforced() throws Exception {
        f.close();
        f = new Pop3Fixture(dir.resolve("delay"), new Pop3Settings("pop.example.com", 10, Duration.ofMinutes(10),
                Optional.of(Duration.ofMinutes(5)), Optional.empty()), CleartextPolicy.LOOPBACK_ONLY,
                LoginThrottleSettings.NONE);
        try (Pop3Client c = f.aliceSession()) {
            c.command("CAPA");
            assertThat(c.lines()).contains("LOGIN-DELAY 300").doesNotContain("EXPIRE NEVER");
            c.command("QUIT");
        }
        try (Pop3Client c = f.client()) {
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR [LOGIN-DELAY]");
        }
    }

    @Test
    void connectionsOverTheListenerLimitAreToldWhy() throws Exception {
        try (dev.yubin.net.Listener small = f.server.listen(new dev.yubin.net.ListenerSettings("pop3-small",
                new java.net.InetSocketAddress("127.0.0.1", 0), dev.yubin.net.ListenerSettings.Tls.PLAIN, 1, 1,
                Duration.ofMinutes(1)));
             Pop3Client first = Pop3Client.connect(small.port());
             Pop3Client second = Pop3Client.connect(small.port())) {
            assertThat(first.greeting).startsWith("+OK");
            assertThat(second.greeting).isEqualTo("-ERR [SYS/TEMP] Too many connections, try again later.");
            assertThat(second.closedByServer()).isTrue();
        }
    }
}
