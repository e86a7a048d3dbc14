package dev.yubin.message;

import static dev.yubin.message.Messages.crlf;
import static dev.yubin.message.Messages.index;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ENVELOPE data (RFC 9051 §7.5.2) and cached headers. */
class EnvelopeTest {

    private static Envelope envelope(String... headerLines) {
        String[] lines = new String[headerLines.length + 2];
        System.arraycopy(headerLines, 0, lines, 0, headerLines.length);
        lines[headerLines.length] = "";
        lines[headerLines.length + 1] = "body";
        return index(crlf(lines)).summary().envelope();
    }

    @Test
    void fullEnvelope() {
        IndexedMessage m = index(crlf("Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
                "From: Terry Gray <gray@cac.washington.edu>", "Subject: IMAP4rev1 WG mtg summary and minutes",
                "To: imap@cac.washington.edu", "cc: minutes@CNRI.Reston.VA.US,", " John Klensin <KLENSIN@MIT.EDU>",
                "Message-Id: <B27397-0100000@cac.washington.edu>", "In-Reply-To: <x@y>", "Received: from a",
                "Received: from b", "", "body"));
        Envelope e = m.summary().envelope();
        assertThat(e.date()).isEqualTo("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)");
        assertThat(e.subject()).isEqualTo("IMAP4rev1 WG mtg summary and minutes");
        Address gray = new Address("Terry Gray", null, "gray", "cac.washington.edu");
        assertThat(e.from()).containsExactly(gray);
        assertThat(e.sender()).containsExactly(gray);
        assertThat(e.replyTo()).containsExactly(gray);
        assertThat(e.to()).containsExactly(new Address(null, null, "imap", "cac.washington.edu"));
        assertThat(e.cc()).containsExactly(new Address(null, null, "minutes", "CNRI.Reston.VA.US"),
                new Address("John Klensin", null, "KLENSIN", "MIT.EDU"));
        assertThat(e.bcc()).isEmpty();
        assertThat(e.inReplyTo()).isEqualTo("<x@y>");
        assertThat(e.messageId()).isEqualTo("<B27397-0100000@cac.washington.edu>");
        assertThat(m.receivedCount()).isEqualTo(2);
        assertThat(m.summary().header("CC")).contains("minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>");
        assertThat(m.summary().sentDate()).contains(Instant.parse("1996-07-17T09:23:25Z"));
        assertThat(m.summary().sentDateTime().orElseThrow().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
    }

    @Test
    void onlyTopLevelReceivedFieldsAreCounted() {
        IndexedMessage m = index(crlf("Received: from a", "received: from b", "RECEIVED : from c",
                "Content-Type: message/rfc822", "", "Received: from inner", "Received: from inner2", "", "x"));
        assertThat(m.receivedCount()).isEqualTo(3);
    }

    @Test
    void missingHeadersAreNil() {
        Envelope e = envelope("X-Other: 1");
        assertThat(e).isEqualTo(Envelope.EMPTY);
        assertThat(index(crlf("", "body only")).summary().envelope()).isEqualTo(Envelope.EMPTY);
        assertThat(index(new byte[0]).summary().envelope()).isEqualTo(Envelope.EMPTY);
    }

    @Test
    void senderAndReplyToPresentAreKept() {
        Envelope e = envelope("From: a@x", "Sender: s@x", "Reply-To: r@x, r2@x", "Sender:  ");
        assertThat(e.sender()).containsExactly(new Address(null, null, "s", "x"));
        assertThat(e.replyTo()).hasSize(2);
        Envelope empty = envelope("From: a@x", "Reply-To:");
        assertThat(empty.replyTo()).isEqualTo(empty.from());
    }

    @Test
    void groups() {
        Envelope e = envelope("To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Mary <mary@x.test>",
                "Cc: undisclosed-recipients:;");
        assertThat(e.to()).containsExactly(Address.groupStart("A Group"),
                new Address("Ed Jones", null, "c", "a.test"), new Address(null, null, "joe", "where.test"),
                new Address("John", null, "jdoe", "one.test"), Address.groupEnd(),
                new Address("Mary", null, "mary", "x.test"));
        assertThat(e.cc()).containsExactly(Address.groupStart("undisclosed-recipients"), Address.groupEnd());
        assertThat(e.cc().get(0).isGroupStart()).isTrue();
        assertThat(e.cc().get(1).isGroupEnd()).isTrue();
    }

    @Test
    void addressForms() {
        Envelope e = envelope("From: \"Doe, John\" <john.doe@example.com>",
                "To: =?utf-8?q?Jos=C3=A9?= <jose@example.com>, pete@silly.test (Pete Comment),",
                "  <@route.a,@route.b:user@host.c>, \"quoted local\"@x.test, nodomain, <>",
                "Cc: \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>, [junk] a@[192.0.2.1]");
        assertThat(e.from()).containsExactly(new Address("Doe, John", null, "john.doe", "example.com"));
        assertThat(e.to()).containsExactly(new Address("=?utf-8?q?Jos=C3=A9?=", null, "jose", "example.com"),
                new Address("Pete Comment", null, "pete", "silly.test"),
                new Address(null, "@route.a,@route.b", "user", "host.c"),
                new Address(null, null, "\"quoted local\"", "x.test"),
                new Address(null, null, "nodomain", Address.MISSING_HOST));
        assertThat(e.cc().get(0)).isEqualTo(new Address("Giant; \"Big\" Box", null, "sysservices", "example.net"));
        assertThat(e.cc().get(e.cc().size() - 1).host()).isEqualTo("[192.0.2.1]");
        assertThat(AddressDecoding.displayName(e.to().get(0))).isEqualTo("José");
        assertThat(AddressDecoding.sortMailbox(e.to())).isEqualTo("jose");
        assertThat(AddressDecoding.sortDisplay(e.to())).isEqualTo("José");
        assertThat(AddressDecoding.sortDisplay(List.of(new Address(null, null, "a", "b")))).isEqualTo("a@b");
        assertThat(AddressDecoding.sortMailbox(List.of())).isEmpty();
    }

    @Test
    void rfc5322AppendixExamples() {
        Envelope e = envelope("From: John Q. Public <JQP@MIT.EDU>",
                "To: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>",
                "Cc: Chris Jones <c@(Chris's host.)public.example>,", " joe@example.org,",
                "  \"John\" <jdoe@one.test> (my dear friend); (the end of the group)",
                "Bcc: Jane.Doe@example.com (Jane Doe)");
        assertThat(e.from()).containsExactly(new Address("John Q. Public", null, "JQP", "MIT.EDU"));
        assertThat(e.to()).containsExactly(new Address("Pete", null, "pete", "silly.test"));
        assertThat(e.cc()).containsExactly(new Address("Chris Jones", null, "c", "public.example"),
                new Address(null, null, "joe", "example.org"), new Address("John", null, "jdoe", "one.test"));
        assertThat(e.bcc()).containsExactly(new Address("Jane Doe", null, "Jane.Doe", "example.com"));
    }

    @Test
    void eightBitHeadersAreReadAsUtf8OrLatin1() {
        byte[] utf8 = "From: Jürgen <j@x.de>\r\nSubject: Grüße\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8);
        Envelope e = index(utf8).summary().envelope();
        assertThat(e.subject()).isEqualTo("Grüße");
        assertThat(e.from().get(0).name()).isEqualTo("Jürgen");
        byte[] latin1 = "Subject: Gr\u00fc\u00dfe\r\n\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(index(latin1).summary().envelope().subject()).isEqualTo("Grüße");
    }

    @Test
    void encodedWordsStayEncodedInTheEnvelope() {
        Envelope e = envelope("Subject: =?ISO-8859-1?Q?Caf=E9?= au lait");
        assertThat(e.subject()).isEqualTo("=?ISO-8859-1?Q?Caf=E9?= au lait");
        assertThat(AddressDecoding.decode(e.subject())).isEqualTo("Café au lait");
    }

    @Test
    void firstOfRepeatedHeadersAndUnfolding() {
        IndexedMessage m = index(crlf("Subject: first", "\tcontinued", "Subject: second", "References: <a@b>",
                " <c@d>", "", "x"));
        assertThat(m.summary().envelope().subject()).isEqualTo("first\tcontinued");
        assertThat(m.summary().header("references")).contains("<a@b> <c@d>");
        assertThat(m.summary().header("x-unknown")).isEmpty();
    }
}
