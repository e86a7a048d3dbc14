package dev.yubin.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MUtf7Test {
    @Test
    void roundTripsRfc3501Examples() throws ParseException {
        assertThat(MUtf7.encode("~peter/mail/台北/日本語")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(MUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-")).isEqualTo("~peter/mail/台北/日本語");
        assertThat(MUtf7.encode("A&B")).isEqualTo("A&-B");
        assertThat(MUtf7.decode("A&-B")).isEqualTo("A&B");
    }
}
