package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5321 §4.2 reply syntax; RFC 2034 enhanced codes. */
class SmtpReplyTest {
    @Test
    void wireFormat() {
        assertThat(SmtpReply.USER_UNKNOWN.wire()).isEqualTo("550 5.1.1 Recipient address rejected: User unknown\r\n");
        assertThat(SmtpReply.START_DATA.wire()).isEqualTo("354 End data with <CR><LF>.<CR><LF>\r\n");
        assertThat(new SmtpReply(250, "", List.of("mx", "PIPELINING", "CHUNKING")).wire())
                .isEqualTo("250-mx\r\n250-PIPELINING\r\n250 CHUNKING\r\n");
        assertThat(SmtpReply.RELAY_DENIED.withText("x").wire()).isEqualTo("550 5.7.1 x\r\n");
    }

    @Test
    void everyCatalogueEntryHasAMatchingEnhancedClass() throws Exception {
        for (var f : SmtpReply.class.getFields()) {
            if (f.getType() == SmtpReply.class) {
                SmtpReply r = (SmtpReply) f.get(null);
                if (!r.status().isEmpty()) {
                    assertThat(r.status().charAt(0) - '0').as(f.getName()).isEqualTo(r.code() / 100); // RFC 3463 §3.1
                }
            }
        }
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> SmtpReply.of(199, "", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReply(250, "", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilterVerdict.Reject(SmtpReply.OK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilterVerdict.Accept(List.of("X: a\nb"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FilterVerdict.Accept(List.of("X: a\r\n\tb")).headers()).hasSize(1);
    }
}
