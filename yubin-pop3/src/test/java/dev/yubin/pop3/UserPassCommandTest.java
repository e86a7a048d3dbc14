package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserPassCommandTest extends Pop3TestBase {
    @Test
    void greetingThenLogin() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.greeting).startsWith("+OK");
            assertThat(c.command("USER " + Pop3Fixture.ALICE)).startsWith("+OK");
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).isEqualTo("+OK Logged in.");
            assertThat(c.command("STAT")).isEqualTo("+OK 0 0");
        }
    }

    @Test
    void wrongPasswordIsAuthErrorAndUserMustBeGivenAgain() throws Exception {
        try (Pop3Client c = f.client()) {
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS nope")).isEqualTo("-ERR [AUTH] Authentication failed.");
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR No user name");
            c.command("USER nobody@example.com");
            assertThat(c.command("PASS x")).startsWith("-ERR [AUTH]");
            c.command("USER " + Pop3Fixture.ALICE.toUpperCase());
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
        }
    }

    @Test
    void passwordWithSpacesIsTakenWhole() throws Exception {
        f.store.setCredentials(f.alice.address(), dev.yubin.store.Passwords.create(" two words "));
        try (Pop3Client c = f.client()) {
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS  two words ")).startsWith("+OK");
        }
    }

    @Test
    void syntaxAndStateErrors() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("USER")).isEqualTo("-ERR Invalid arguments.");
            assertThat(c.command("PASS")).isEqualTo("-ERR Invalid arguments.");
            assertThat(c.command("STAT")).isEqualTo("-ERR Command not valid in this state.");
        }
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("USER " + Pop3Fixture.ALICE)).isEqualTo("-ERR Command not valid in this state.");
        }
    }

    @Test
    void secondSessionForTheSameMaildropIsInUse() throws Exception {
        try (Pop3Client first = f.aliceSession(); Pop3Client second = f.client()) {
            second.command("USER " + Pop3Fixture.ALICE);
            assertThat(second.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR [IN-USE]");
            first.command("QUIT");
            assertThat(first.closedByServer()).isTrue();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> !f.server.locks().isLocked(f.alice.id()));
            second.command("USER " + Pop3Fixture.ALICE);
            assertThat(second.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
        }
    }

    @Test
    void droppedConnectionReleasesTheLock() throws Exception {
        Pop3Client c = f.aliceSession();
        c.close();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !f.server.locks().isLocked(f.alice.id()));
        try (Pop3Client again = f.aliceSession()) {
            assertThat(again.command("NOOP")).isEqualTo("+OK");
        }
    }
}
