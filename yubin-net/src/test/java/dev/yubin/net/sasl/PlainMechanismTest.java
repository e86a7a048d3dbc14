package dev.yubin.net.sasl;

import static dev.yubin.net.sasl.SaslTestSupport.LOCAL;
import static dev.yubin.net.sasl.SaslTestSupport.SASL;
import static dev.yubin.net.sasl.SaslTestSupport.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainMechanismTest {
    private SaslStep run(Optional<byte[]> initial) {
        return SASL.create("plain", LOCAL).orElseThrow().start(initial);
    }

    @Test
    void initialResponseAuthenticates() {
        SaslStep s = run(Optional.of(bytes("\0alice@example.com\0pencil")));
        assertThat(s).isInstanceOfSatisfying(SaslStep.Success.class, ok -> {
            assertThat(ok.user().address().toString()).isEqualTo("alice@example.com");
            assertThat(ok.hasServerData()).isFalse();
        });
    }

    @Test
    void withoutInitialResponseAnEmptyChallengeComesFirst() {
        SaslMechanism m = SASL.create("PLAIN", LOCAL).orElseThrow();
        SaslStep c = m.start(Optional.empty());
        assertThat(c).isInstanceOfSatisfying(SaslStep.Challenge.class, ch -> assertThat(ch.data()).isEmpty());
        assertThat(m.next(bytes("alice@example.com\0alice@example.com\0pencil"))).isInstanceOf(SaslStep.Success.class);
        assertThatThrownBy(() -> m.next(bytes("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongPasswordIsInvalidCredentialsWithTheUserName() {
        assertThat(run(Optional.of(bytes("\0alice@example.com\0wrong"))))
                .isEqualTo(new SaslStep.Failure(SaslStep.Reason.INVALID_CREDENTIALS, "alice@example.com",
                        "wrong user name or password"));
    }

    @Test
    void actingAsSomeoneElseIsRefused() {
        assertThat(run(Optional.of(bytes("bob@example.com\0alice@example.com\0pencil"))))
                .isInstanceOfSatisfying(SaslStep.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.AUTHORIZATION_FAILED));
    }

    @Test
    void malformedMessages() {
        for (byte[] bad : new byte[][] {bytes(""), bytes("alice@example.com"), bytes("\0\0pencil"),
                bytes("a\0b\0c\0d"), {0, 'a', 0, (byte) 0xff, (byte) 0xfe}}) {
            assertThat(run(Optional.of(bad))).isInstanceOfSatisfying(SaslStep.Failure.class,
                    f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
        }
    }
}
