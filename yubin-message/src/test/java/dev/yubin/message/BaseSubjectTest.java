package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 5256 §2.1 base subject extraction. */
class BaseSubjectTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hello|Hello",
        "Re: Hello|Hello",
        "RE: re: Fwd: Hello|Hello",
        "Re[2]: Hello|Hello",
        "Fw: Hello (fwd)|Hello",
        "Hello (fwd) (FWD)  |Hello",
        "[list] Re: Hello|Hello",
        "Re: [list] Hello|Hello",
        "[Fwd: Re: Hello]|Hello",
        "Re: [Fwd: [list] Hello] (fwd)|Hello",
        "[only a blob]|[only a blob]",
        "Re:   spaced\t  out|spaced out",
        "'  '|''",
        "Re: |''",
        "Reply to this|Reply to this",
        "=?UTF-8?Q?Re=3A_caf=C3=A9?=|café",
    })
    void extraction(String subject, String base) {
        assertThat(BaseSubject.of(subject)).isEqualTo(base);
    }

    @Test
    void replyOrForwardMarker() {
        assertThat(BaseSubject.isReplyOrForward("Re: x")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("x (fwd)")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("[fwd: x]")).isTrue();
        assertThat(BaseSubject.isReplyOrForward("[list] x")).isFalse();
        assertThat(BaseSubject.of(null)).isEmpty();
    }

    @Test
    void hostileSubjectsStayLinear() {
        assertThat(BaseSubject.of("Re: ".repeat(30_000) + "x")).isEqualTo("x");
        assertThat(BaseSubject.of("[fwd: ".repeat(10_000) + "x" + "]".repeat(10_000))).isEqualTo("x");
        assertThat(BaseSubject.of("[a]".repeat(20_000))).isEqualTo("[a]");
        assertThat(BaseSubject.of("x" + " (fwd)".repeat(20_000))).isEqualTo("x");
    }
}
