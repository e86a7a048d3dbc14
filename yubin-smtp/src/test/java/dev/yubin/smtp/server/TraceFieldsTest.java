package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.EmailAddress;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 5321 §4.4 trace fields and the RFC 3848 / RFC 6531 "with" keywords. */
class TraceFieldsTest {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 14, 52, 14, 0, ZoneOffset.UTC);

    static ClientInfo client(ClientInfo.Greeting g, Optional<ClientInfo.Tls> tls, Optional<String> auth) throws Exception {
        return new ClientInfo("c1", InetAddress.getByName("192.0.2.7"), Optional.of("host.example.net"), g,
                "helo(evil);name", tls, auth);
    }

    static Envelope envelope(MailParameters.Utf8 utf8, String... rcpts) {
        MailParameters p = new MailParameters(OptionalLong.empty(), MailParameters.Body.UNSPECIFIED, utf8,
                Optional.empty(), Optional.empty());
        List<Recipient> rs = java.util.Arrays.stream(rcpts).map(r -> new Recipient(EmailAddress.parse(r),
                RcptParameters.NONE, List.of(), List.of())).toList();
        return new Envelope(ReversePath.of(EmailAddress.parse("a@remote.example")), p, rs);
    }

    @Test
    void receivedField() throws Exception {
        String r = TraceFields.received(client(ClientInfo.Greeting.EHLO, Optional.of(new ClientInfo.Tls("TLSv1.3",
                "TLS_AES_128_GCM_SHA256")), Optional.empty()), envelope(MailParameters.Utf8.NOT_REQUESTED,
                "alice@example.com"), "mx.example.com", "ID1", NOW);
        assertThat(r).isEqualTo("Received: from helo_evil__name (host.example.net [192.0.2.7])\r\n"
                + "\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256)\r\n"
                + "\tby mx.example.com (Yubin) with ESMTPS id ID1\r\n"
                + "\tfor <alice@example.com>;\r\n"
                + "\tWed, 25 Nov 2026 14:52:14 +0000\r\n");
        String two = TraceFields.received(client(ClientInfo.Greeting.EHLO, Optional.empty(), Optional.empty()),
                envelope(MailParameters.Utf8.NOT_REQUESTED, "a@example.com", "b@example.com"), "mx", "ID2", NOW);
        assertThat(two).doesNotContain("for <");
    }

    @Test
    void hiddenSubmitterLeavesTheClientOut() throws Exception {
        Optional<ClientInfo.Tls> tls = Optional.of(new ClientInfo.Tls("TLSv1.3", "x"));
        Envelope e = envelope(MailParameters.Utf8.NOT_REQUESTED, "bob@example.com");
        String hidden = TraceFields.received(client(ClientInfo.Greeting.EHLO, tls, Optional.of("alice@example.com")),
                e, "smtp.example.com", "ID3", NOW, SmtpSettings.SubmitterTrace.HIDDEN);
        assertThat(hidden).isEqualTo("Received: by smtp.example.com (Yubin) with ESMTPSA id ID3\r\n"
                + "\tfor <bob@example.com>;\r\n\tWed, 25 Nov 2026 14:52:14 +0000\r\n");
        String mx = TraceFields.received(client(ClientInfo.Greeting.EHLO, tls, Optional.empty()), e, "mx", "ID4", NOW,
                SmtpSettings.SubmitterTrace.HIDDEN);
        assertThat(mx).contains("[192.0.2.7]"); // only authenticated submissions are hidden
    }

    @Test
    void withKeywords() throws Exception {
        Optional<ClientInfo.Tls> tls = Optional.of(new ClientInfo.Tls("TLSv1.3", "x"));
        Envelope ascii = envelope(MailParameters.Utf8.NOT_REQUESTED, "a@example.com");
        Envelope utf8 = envelope(MailParameters.Utf8.REQUESTED, "a@example.com");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.HELO, Optional.empty(), Optional.empty()), ascii)).isEqualTo("SMTP");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, Optional.empty(), Optional.empty()), ascii)).isEqualTo("ESMTP");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, tls, Optional.empty()), ascii)).isEqualTo("ESMTPS");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, Optional.empty(), Optional.of("u")), ascii)).isEqualTo("ESMTPA");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, tls, Optional.of("u")), ascii)).isEqualTo("ESMTPSA");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, tls, Optional.of("u")), utf8)).isEqualTo("UTF8SMTPSA");
        assertThat(TraceFields.protocol(client(ClientInfo.Greeting.EHLO, Optional.empty(), Optional.empty()), utf8)).isEqualTo("UTF8SMTP");
    }

    @Test
    void returnPath() {
        assertThat(TraceFields.returnPath(ReversePath.NULL)).isEqualTo("Return-Path: <>\r\n");
        assertThat(TraceFields.returnPath(ReversePath.of(EmailAddress.parse("\"a b\"@x.example"))))
                .isEqualTo("Return-Path: <\"a b\"@x.example>\r\n");
    }
}
