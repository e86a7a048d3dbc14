package dev.yubin.net.sasl;

import static dev.yubin.net.sasl.SaslTestSupport.LOCAL;
import static dev.yubin.net.sasl.SaslTestSupport.SASL;
import static dev.yubin.net.sasl.SaslTestSupport.bytes;
import static dev.yubin.net.sasl.SaslTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginMechanismTest {
    @Test
    void usernameThenPassword() {
        SaslMechanism m = SASL.create("LOGIN", LOCAL).orElseThrow();
        assertThat(text(((SaslStep.Challenge) m.start(Optional.empty())).data())).isEqualTo("Username:");
        assertThat(text(((SaslStep.Challenge) m.next(bytes("alice@example.com"))).data())).isEqualTo("Password:");
        assertThat(m.next(bytes("pencil"))).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void initialResponseIsTheUserName() {
        SaslMechanism m = SASL.create("login", LOCAL).orElseThrow();
        assertThat(text(((SaslStep.Challenge) m.start(Optional.of(bytes("alice@example.com")))).data()))
                .isEqualTo("Password:");
        assertThat(m.next(bytes("bad"))).isInstanceOfSatisfying(SaslStep.Failure.class, f -> {
            assertThat(f.reason()).isEqualTo(SaslStep.Reason.INVALID_CREDENTIALS);
            assertThat(f.username()).isEqualTo("alice@example.com");
        });
    }

    @Test
    void emptyUserNameIsMalformed() {
        SaslMechanism m = SASL.create("LOGIN", LOCAL).orElseThrow();
        m.start(Optional.empty());
        assertThat(m.next(new byte[0])).isInstanceOfSatisfying(SaslStep.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }
}
