package dev.yubin.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.store.queue.BodyType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client against the scripted responder over real sockets. */
class SmtpConnectionTest {
    private static final ClientSettings SETTINGS = ClientSettings.defaults("client.test")
            .withAllTimeouts(Duration.ofSeconds(5));
    private static final byte[] MESSAGE = "Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private static ClientEnvelope envelope(String... to) {
        return new ClientEnvelope("a@b.test", java.util.Arrays.stream(to)
                .map(a -> new ClientEnvelope.Rcpt(a, Set.of(), Optional.empty())).toList(), Optional.empty(),
                Optional.empty(), ClientEnvelope.Utf8.NOT_NEEDED, BodyType.UNSPECIFIED);
    }

    private static SmtpConnection open(ScriptedSmtpServer s) throws Exception {
        return SmtpConnection.open(new InetSocketAddress("127.0.0.1", s.port()), "scripted.test", SETTINGS);
    }

    @Test
    void severalMessagesOnOneConnectionWithPerRecipientReplies() throws Exception {
        try (ScriptedSmtpServer s = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return address.startsWith("no") ? "550 5.1.1 unknown" : address.startsWith("busy")
                        ? "452 4.2.2 full" : "250 2.1.5 ok";
            }
        }); SmtpConnection c = open(s)) {
            TransactionResult one = c.send(envelope("x@d.test", "no@d.test", "busy@d.test"), OutgoingMessage.fromBytes(MESSAGE));
            assertThat(one.perRecipient()).extracting(Reply::code).containsExactly(250, 550, 452);
            TransactionResult two = c.send(envelope("no@d.test"), OutgoingMessage.fromBytes(MESSAGE));
            assertThat(two.perRecipient()).extracting(Reply::code).containsExactly(550);
            TransactionResult three = c.send(envelope("y@d.test"), OutgoingMessage.fromBytes(MESSAGE));
            assertThat(three.perRecipient()).extracting(Reply::code).containsExactly(250);
            c.quit();
            assertThat(s.connections()).isEqualTo(1);
            assertThat(s.received()).hasSize(2);
            assertThat(s.commands()).contains("RSET");
        }
    }

    @Test
    void heloFallbackWhenEhloIsRefused() throws Exception {
        try (ScriptedSmtpServer s = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String ehlo() {
                return "502 5.5.2 what?";
            }
        }); SmtpConnection c = open(s)) {
            assertThat(c.extensions()).isEqualTo(Extensions.NONE);
            assertThat(c.send(envelope("x@d.test"), OutgoingMessage.fromBytes(MESSAGE)).perRecipient().get(0).code())
                    .isEqualTo(250);
            assertThat(s.commands()).anyMatch(l -> l.startsWith("HELO client.test"));
            assertThat(s.commands()).anyMatch(l -> l.equals("MAIL FROM:<a@b.test>"));
        }
    }

    @Test
    void refusedGreetingAndOversizedMessage() throws Exception {
        try (ScriptedSmtpServer s = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String greeting() {
                return "554 5.7.1 go away";
            }
        })) {
            assertThatThrownBy(() -> open(s)).isInstanceOf(SmtpConnection.Refused.class).hasMessageContaining("554");
        }
        try (ScriptedSmtpServer s = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public List<String> extensions() {
                return List.of("SIZE 10");
            }
        }); SmtpConnection c = open(s)) {
            Reply r = c.send(envelope("x@d.test"), OutgoingMessage.fromBytes(MESSAGE)).perRecipient().get(0);
            assertThat(r.code()).isEqualTo(552);
            assertThat(r.origin()).isEqualTo(Reply.Origin.LOCAL);
            assertThat(s.commands()).noneMatch(l -> l.startsWith("MAIL"));
        }
    }

    @Test
    void serverClosingMidTransactionMakesTheConnectionUnusable() throws Exception {
        try (ScriptedSmtpServer s = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String endOfData(int attempt) {
                return null;
            }
        }); SmtpConnection c = open(s)) {
            assertThatThrownBy(() -> c.send(envelope("x@d.test"), OutgoingMessage.fromBytes(MESSAGE)))
                    .isInstanceOf(SmtpClientException.class);
            assertThat(c.isUsable()).isFalse();
        }
    }
}
