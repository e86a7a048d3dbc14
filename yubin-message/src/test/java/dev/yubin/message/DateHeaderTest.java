package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real-world Date: header values. */
class DateHeaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tue, 1 Jul 2003 10:52:37 +0200|2003-07-01T10:52:37+02:00",
        "1 Jul 2003 10:52:37 +0200|2003-07-01T10:52:37+02:00",
        "Tue, 01 Jul 2003 10:52:37 +0200 (CEST)|2003-07-01T10:52:37+02:00",
        "Tue,  1 Jul 2003 10:52 GMT|2003-07-01T10:52Z",
        "Tue, 1 Jul 03 10:52:37 PDT|2003-07-01T10:52:37-07:00",
        "Fri, 21 Nov 97 09:55:06 -0600|1997-11-21T09:55:06-06:00",
        "Thu, 13 Feb 103 23:32:54 -0330|2003-02-13T23:32:54-03:30",
        "Thu, 13 Feb 0969 23:32:54 -0330|0969-02-13T23:32:54-03:30",
        "Tue Jul  1 10:52:37 2003|2003-07-01T10:52:37Z",
        "2003-07-01T10:52:37+02:00|2003-07-01T10:52:37+02:00",
        "01-Jul-2003 10:52:37 +0000|2003-07-01T10:52:37Z",
        "Tuesday, July 1, 2003 10:52:37 PM -0500|2003-07-01T22:52:37-05:00",
        "Tue, 1 Jul 2003 10:52:37+0200|2003-07-01T10:52:37+02:00",
        "Tue, 1 Jul 2003 10:52:60 -0000|2003-07-01T10:52:59Z",
    })
    void parses(String header, String expected) {
        assertThat(DateHeader.parse(header)).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "32 Jul 2003 10:00", "1 Foo 2003", "Tue, 1 Jul", "31 Feb 2003 00:00:00"})
    void rejects(String header) {
        assertThat(DateHeader.parse(header)).isEmpty();
    }
}
