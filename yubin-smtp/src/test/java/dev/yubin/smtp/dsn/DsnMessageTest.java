package dev.yubin.smtp.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.Ret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class DsnMessageTest {
    private static final byte[] ORIGINAL = ("Return-Path: <alice@example.com>\r\nFrom: alice@example.com\r\n"
            + "Subject: hello\r\n\r\nsecret body\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static DeliveryReport report(Action action, Optional<Ret> ret) {
        return new DeliveryReport("out.example.com", "alice@example.com", Optional.of("env-7"), ret, T,
                List.of(new RecipientReport("bob@remote.test", Optional.of("rfc822;bob@remote.test"), action,
                        action == Action.FAILED ? "5.1.1" : "4.4.1", Optional.of("mx.remote.test"),
                        Optional.of("550 5.1.1 unknown user"), T, action == Action.DELAYED ? Optional.of(T) : Optional.empty())));
    }

    private static String write(DeliveryReport r) throws Exception {
        return new String(DsnMessage.write(r, () -> new ByteArrayInputStream(ORIGINAL), T), StandardCharsets.UTF_8);
    }

    @Test
    void failureReportHasTheThreeParts() throws Exception {
        String dsn = write(report(Action.FAILED, Optional.empty()));
        assertThat(dsn).startsWith("Return-Path: <>\r\n").contains("To: <alice@example.com>")
                .contains("Subject: Undelivered Mail Returned to Sender").contains("Auto-Submitted: auto-replied")
                .contains("Original-Envelope-Id: env-7").contains("Reporting-MTA: dns; out.example.com")
                .contains("Original-Recipient: rfc822; bob@remote.test").contains("Final-Recipient: rfc822; bob@remote.test")
                .contains("Action: failed").contains("Status: 5.1.1").contains("Remote-MTA: dns; mx.remote.test")
                .contains("Diagnostic-Code: smtp; 550 5.1.1 unknown user").contains("Subject: hello")
                .doesNotContain("secret body").doesNotContain("Return-Path: <alice");
        assertThat(dsn.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        Message m = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(dsn.getBytes(StandardCharsets.UTF_8)));
        assertThat(m.getMimeType()).isEqualTo("multipart/report");
        Multipart parts = (Multipart) m.getBody();
        assertThat(parts.getBodyParts()).extracting(e -> e.getMimeType())
                .containsExactly("text/plain", "message/delivery-status", "text/rfc822-headers");
    }

    @Test
    void retFullReturnsTheWholeMessageOnFailureOnly() throws Exception {
        assertThat(write(report(Action.FAILED, Optional.of(Ret.FULL)))).contains("message/rfc822").contains("secret body");
        String delayed = write(report(Action.DELAYED, Optional.of(Ret.FULL)));
        assertThat(delayed).contains("Subject: Delayed Mail").contains("Action: delayed").contains("Will-Retry-Until:")
                .doesNotContain("secret body");
    }

    @Test
    void neverToTheNullSender() {
        assertThatThrownBy(() -> new DeliveryReport("h", "", Optional.empty(), Optional.empty(), T,
                report(Action.FAILED, Optional.empty()).recipients())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notifyDecidesWhichReportsAreWanted() {
        assertThat(Action.FAILED.wantedBy(Set.of())).isTrue();
        assertThat(Action.DELAYED.wantedBy(Set.of())).isTrue();
        assertThat(Action.RELAYED.wantedBy(Set.of())).isFalse();
        assertThat(Action.FAILED.wantedBy(Set.of(Notify.NEVER))).isFalse();
        assertThat(Action.DELAYED.wantedBy(Set.of(Notify.FAILURE))).isFalse();
        assertThat(Action.FAILED.wantedBy(Set.of(Notify.SUCCESS))).isFalse();
        assertThat(Action.DELIVERED.wantedBy(Set.of(Notify.SUCCESS, Notify.FAILURE))).isTrue();
    }
}
