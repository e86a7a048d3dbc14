package dev.yubin.message;

import static dev.yubin.message.Messages.crlf;
import static dev.yubin.message.Messages.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The stored JSON form reads back to an equal summary. */
class SummaryJsonTest {

    @Test
    void roundTripOfAComplexMessage() {
        byte[] raw = crlf("Date: Tue, 1 Jul 2003 10:52:37 +0200", "From: \"A \\\"q\\\"\" <a@x>", "To: g: b@y;",
                "Subject: =?utf-8?q?caf=C3=A9?= \u00e9 \u0001 \"quoted\" back\\slash", "Message-ID: <m@x>",
                "Content-Type: multipart/mixed; boundary=X", "", "--X", "Content-Type: text/plain; charset=utf-8",
                "Content-Language: en", "Content-Disposition: inline", "", "t", "--X", "Content-Type: message/rfc822",
                "Content-Description: fwd", "", "From: b@y", "Subject: inner", "", "inner", "--X--");
        MessageSummary s = index(raw).summary();
        String json = s.toJson();
        MessageSummary back = MessageSummary.fromJson(json);
        assertThat(back).isEqualTo(s);
        assertThat(back.envelope()).isEqualTo(s.envelope());
        assertThat(back.body()).isEqualTo(s.body());
        assertThat(back.headerLength()).isEqualTo(s.headerLength());
        assertThat(back.sentDateTime()).isEqualTo(s.sentDateTime());
        assertThat(back.header("subject")).isEqualTo(s.header("subject"));
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(json.length()).isLessThan(raw.length * 2);
    }

    @Test
    void minimalMessage() {
        MessageSummary s = index(new byte[0]).summary();
        assertThat(MessageSummary.fromJson(s.toJson())).isEqualTo(s);
        assertThat(s.toJson()).isEqualTo("{\"v\":1,\"hl\":0,\"b\":{\"t\":\"text\",\"s\":\"plain\",\"p\":[\"charset\",\"us-ascii\"],\"o\":[0,0,0]}}");
    }

    @Test
    void garbageIsRejectedWithIllegalArgument() {
        assertThatThrownBy(() -> MessageSummary.fromJson("{")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSummary.fromJson("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSummary.fromJson("{\"v\":1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageSummary.fromJson("{\"b\":{\"o\":[5,1,0]}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
