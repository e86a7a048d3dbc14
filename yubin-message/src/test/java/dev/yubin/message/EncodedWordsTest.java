package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 2047 decoding through {@link AddressDecoding#decode(String)}. */
class EncodedWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain text|plain text",
        "=?ISO-8859-1?Q?a?=|a",
        "=?ISO-8859-1?Q?Caf=E9?= au lait|Café au lait",
        "=?utf-8?b?w6k=?=|é",
        "(=?ISO-8859-1?Q?a?= b)|(a b)",
        "=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=|ab",
        "=?ISO-8859-1?Q?a?=  \t =?ISO-8859-2?Q?_b?=|a b",
        "=?ISO-8859-1?Q?a_b?=|a b",
        "=?UTF-8?B?4oI=?==?UTF-8?B?rA==?=|€",
        "=?utf-8?q?=E2=82?= =?utf-8?q?=AC?=|€",
        "=?utf-8*en?q?hi?=|hi",
        "=?utf-8?x?bad?=|=?utf-8?x?bad?=",
        "=?utf-8?q?no end|=?utf-8?q?no end",
        "=?utf-8?q?has space?=|=?utf-8?q?has space?=",
        "a=?utf-8?q?b?=c|abc",
        "\"=?utf-8?q?Jos=C3=A9?=\" <j@x>|\"José\" <j@x>",
        "=?unknown-cs?q?ok?=|ok",
    })
    void decodes(String in, String expected) {
        assertThat(AddressDecoding.decode(in)).isEqualTo(expected);
    }

    @Test
    void hostileInputIsLinear() {
        long t0 = System.nanoTime();
        AddressDecoding.decode("=?".repeat(32_000));
        AddressDecoding.decode("=?utf-8?q?".repeat(6_000));
        AddressDecoding.decode("=?a?q?" + "x".repeat(60_000) + " ?=");
        AddressDecoding.decode(("=?a?q?" + "x".repeat(10)).repeat(6_000) + " ?=");
        assertThat(AddressDecoding.decode("=?utf-8?q?a?=".repeat(5_000))).hasSize(5_000);
        assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
        assertThat(AddressDecoding.decode(null)).isNull();
    }
}
