package dev.yubin.smtp.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.Ret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dot-stuffing, Return-Path removal, MAIL/RCPT parameters and EHLO parsing. */
class ClientFormatTest {
    private static String stuff(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffer.copy(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dotStuffing() throws Exception {
        assertThat(stuff("a\r\n.b\r\n..c\r\n")).isEqualTo("a\r\n..b\r\n...c\r\n.\r\n");
        assertThat(stuff(".first\r\nno end")).isEqualTo("..first\r\nno end\r\n.\r\n");
        assertThat(stuff("")).isEqualTo(".\r\n");
        assertThat(stuff("x\r")).isEqualTo("x\r\n.\r\n");
    }

    @Test
    void dotStuffingAcrossBufferBoundaries() throws Exception {
        String line = "y".repeat(65_535) + "\r\n.z\r\n";
        assertThat(stuff(line)).endsWith("\r\n..z\r\n.\r\n");
    }

    @Test
    void returnPathIsNotRelayed() throws Exception {
        byte[] m = "Return-Path: <a@b>\r\n\tfolded\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        OutgoingMessage out = OutgoingMessage.fromBytes(m);
        assertThat(new String(out.open().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\nbody\r\n");
        assertThat(out.length()).isEqualTo(20);
        assertThat(OutgoingMessage.fromBytes("Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).length())
                .isEqualTo(14);
    }

    @Test
    void parametersOnlyWhenAnnounced() {
        ClientEnvelope e = new ClientEnvelope("a@b.test", List.of(new ClientEnvelope.Rcpt("c@d.test",
                Set.of(Notify.FAILURE, Notify.DELAY), Optional.of("rfc822;c+x=y@d.test"))), Optional.of("id 1"),
                Optional.of(Ret.HDRS), ClientEnvelope.Utf8.NOT_NEEDED, BodyType.EIGHT_BIT_MIME);
        Extensions none = Extensions.NONE;
        assertThat(Commands.mail(e, 100, none)).isEqualTo("MAIL FROM:<a@b.test>");
        assertThat(Commands.rcpt(e.recipients().get(0), none)).isEqualTo("RCPT TO:<c@d.test>");
        Extensions all = new Extensions(Set.of(Extensions.Keyword.values()), OptionalLong.of(1000));
        assertThat(Commands.mail(e, 100, all))
                .isEqualTo("MAIL FROM:<a@b.test> SIZE=100 BODY=8BITMIME RET=HDRS ENVID=id+201 AUTH=<>");
        assertThat(Commands.rcpt(e.recipients().get(0), all))
                .isEqualTo("RCPT TO:<c@d.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;c+2Bx+3Dy@d.test");
    }

    /** RFC 4954 §5: AUTH= only to a server that announced AUTH; the submitter as xtext, or {@code <>}. */
    @Test
    void authParameterNamesTheSubmitterOnlyWhenTheServerAnnouncedAuth() {
        ClientEnvelope e = new ClientEnvelope("e=mc2@example.com", List.of(new ClientEnvelope.Rcpt("c@d.test", Set.of(),
                Optional.empty())), Optional.empty(), Optional.empty(), ClientEnvelope.Utf8.NOT_NEEDED,
                BodyType.UNSPECIFIED, Optional.of("e=mc2@example.com"));
        Extensions auth = new Extensions(Set.of(Extensions.Keyword.AUTH), OptionalLong.empty());
        assertThat(Commands.mail(e, 10, auth)).isEqualTo("MAIL FROM:<e=mc2@example.com> AUTH=e+3Dmc2@example.com");
        assertThat(Commands.mail(e, 10, Extensions.NONE)).isEqualTo("MAIL FROM:<e=mc2@example.com>");
        ClientEnvelope unknown = new ClientEnvelope("", e.recipients(), Optional.empty(), Optional.empty(),
                ClientEnvelope.Utf8.NOT_NEEDED, BodyType.UNSPECIFIED);
        assertThat(Commands.mail(unknown, 10, auth)).isEqualTo("MAIL FROM:<> AUTH=<>");
        assertThat(Extensions.parse(new Reply(250, List.of("mx.test", "AUTH PLAIN LOGIN"), Reply.Origin.REMOTE))
                .has(Extensions.Keyword.AUTH)).isTrue();
    }

    @Test
    void ehloParsing() {
        Reply r = new Reply(250, List.of("mx.test hello", "PIPELINING", "SIZE 5000", "8BITMIME", "chunking", "DSN",
                "STARTTLS", "AUTH PLAIN", "SMTPUTF8"), Reply.Origin.REMOTE);
        Extensions x = Extensions.parse(r);
        assertThat(x.offered()).contains(Extensions.Keyword.PIPELINING, Extensions.Keyword.CHUNKING,
                Extensions.Keyword.SMTPUTF8, Extensions.Keyword.STARTTLS, Extensions.Keyword.DSN);
        assertThat(x.maxSize()).hasValue(5000);
        assertThat(Extensions.parse(new Reply(250, List.of("x", "SIZE nope"), Reply.Origin.REMOTE)).maxSize()).isEmpty();
    }
}
