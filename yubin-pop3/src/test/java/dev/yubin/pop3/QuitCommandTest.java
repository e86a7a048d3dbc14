package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuitCommandTest extends Pop3TestBase {
    @Test
    void quitInAuthorizationJustCloses() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("QUIT")).isEqualTo("+OK Bye.");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void quitInTransactionUpdatesAndCloses() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("QUIT")).isEqualTo("+OK Bye (0 messages deleted).");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
