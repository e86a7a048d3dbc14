package dev.yubin.net.sasl;

import dev.yubin.testkit.sasl.ScramClient;

import static dev.yubin.net.sasl.SaslTestSupport.LOCAL;
import static dev.yubin.net.sasl.SaslTestSupport.SASL;
import static dev.yubin.net.sasl.SaslTestSupport.bytes;
import static dev.yubin.net.sasl.SaslTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.Passwords;
import dev.yubin.store.ScramCredential;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScramSha256MechanismTest {
    private static SaslMechanism scram() {
        return SASL.create("SCRAM-SHA-256", LOCAL).orElseThrow();
    }

    @Test
    void storedVerifierMatchesRfc7677Vector() {
        // RFC 7677 §3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, i=4096
        ScramCredential c = Passwords.scram("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        assertThat(Base64.getEncoder().encodeToString(Passwords.hmac(c.serverKey(), authMessage)))
                .isEqualTo("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        assertThat(HexFormat.of().formatHex(c.storedKey())).hasSize(64);
    }

    @Test
    void rfc7677ExchangeVerbatim() {
        // RFC 7677 §3: every message of the example exchange, with its salt and server nonce
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        dev.yubin.store.User user = new dev.yubin.store.User(new dev.yubin.store.UserId(7),
                dev.yubin.core.EmailAddress.parse("user@example.com"), 0);
        ScramSha256Mechanism m = new ScramSha256Mechanism(
                name -> name.equals("user") ? Optional.of(new dev.yubin.net.auth.ScramAccount(user,
                        Passwords.scram("pencil", salt, 4096))) : Optional.empty(),
                new byte[32], () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        SaslStep first = m.start(Optional.of(bytes("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")));
        assertThat(text(((SaslStep.Challenge) first).data())).isEqualTo(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        SaslStep last = m.next(bytes("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
        assertThat(last).isInstanceOfSatisfying(SaslStep.Success.class, ok -> {
            assertThat(text(ok.serverData())).isEqualTo("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
            assertThat(ok.user()).isEqualTo(user);
        });
    }

    @Test
    void fullExchangeWithInitialResponse() throws Exception {
        ScramClient client = new ScramClient("n,,", "alice@example.com", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        SaslMechanism m = scram();
        SaslStep.Challenge first = (SaslStep.Challenge) m.start(Optional.of(client.first()));
        assertThat(text(first.data())).startsWith("r=fyko+d2lbbFgONRv9qkxdawL").contains(",s=").endsWith(",i=4096");
        SaslStep done = m.next(client.finalMessage(first.data()));
        assertThat(done).isInstanceOfSatisfying(SaslStep.Success.class, ok -> {
            assertThat(text(ok.serverData())).isEqualTo(client.expectedServerSignature());
            assertThat(ok.user().address().toString()).isEqualTo("alice@example.com");
        });
    }

    @Test
    void emptyChallengeFirstAndYFlagAndSelfAuthzid() throws Exception {
        ScramClient client = new ScramClient("y,a=alice@example.com,", "alice@example.com", "pencil", "abc");
        SaslMechanism m = scram();
        assertThat(((SaslStep.Challenge) m.start(Optional.empty())).data()).isEmpty();
        SaslStep.Challenge first = (SaslStep.Challenge) m.next(client.first());
        assertThat(m.next(client.finalMessage(first.data()))).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void wrongPasswordFailsAtTheProof() throws Exception {
        ScramClient client = new ScramClient("n,,", "alice@example.com", "wrong", "abc");
        SaslMechanism m = scram();
        SaslStep.Challenge first = (SaslStep.Challenge) m.start(Optional.of(client.first()));
        assertThat(m.next(client.finalMessage(first.data()))).isInstanceOfSatisfying(SaslStep.Failure.class, f -> {
            assertThat(f.reason()).isEqualTo(SaslStep.Reason.INVALID_CREDENTIALS);
            assertThat(f.username()).isEqualTo("alice@example.com");
        });
    }

    @Test
    void unknownUserGetsAStableFakeSaltAndFailsOnlyAtTheProof() throws Exception {
        ScramClient client = new ScramClient("n,,", "nobody@example.com", "pencil", "abc");
        SaslMechanism m = scram();
        SaslStep.Challenge first = (SaslStep.Challenge) m.start(Optional.of(client.first()));
        SaslStep.Challenge again = (SaslStep.Challenge) scram().start(Optional.of(client.first()));
        String salt1 = text(first.data()).replaceAll(".*,s=([^,]*),.*", "$1");
        String salt2 = text(again.data()).replaceAll(".*,s=([^,]*),.*", "$1");
        assertThat(salt1).isEqualTo(salt2);
        assertThat(m.next(client.finalMessage(first.data()))).isInstanceOfSatisfying(SaslStep.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.INVALID_CREDENTIALS));
    }

    @Test
    void channelBindingMandatoryExtensionsAndOtherAuthzidAreRefused() {
        assertThat(scram().start(Optional.of(bytes("p=tls-exporter,,n=alice@example.com,r=abc"))))
                .isInstanceOfSatisfying(SaslStep.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
        assertThat(scram().start(Optional.of(bytes("n,,m=x,n=alice@example.com,r=abc"))))
                .isInstanceOfSatisfying(SaslStep.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
        assertThat(scram().start(Optional.of(bytes("n,a=bob@example.com,n=alice@example.com,r=abc"))))
                .isInstanceOfSatisfying(SaslStep.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.AUTHORIZATION_FAILED));
        assertThat(scram().start(Optional.of(bytes("n,,n=al=ice,r=abc"))))
                .isInstanceOfSatisfying(SaslStep.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }

    @Test
    void tamperedNonceOrChannelBindingIsRefused() throws Exception {
        ScramClient client = new ScramClient("n,,", "alice@example.com", "pencil", "abc");
        SaslMechanism m = scram();
        SaslStep.Challenge first = (SaslStep.Challenge) m.start(Optional.of(client.first()));
        String fin = text(client.finalMessage(first.data())).replace("c=biws", "c=eSws");
        assertThat(m.next(bytes(fin))).isInstanceOfSatisfying(SaslStep.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
        SaslMechanism m2 = scram();
        SaslStep.Challenge first2 = (SaslStep.Challenge) m2.start(Optional.of(client.first()));
        String fin2 = text(client.finalMessage(first2.data())).replaceFirst(",r=abc", ",r=abd");
        assertThat(m2.next(bytes(fin2))).isInstanceOfSatisfying(SaslStep.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }
}
