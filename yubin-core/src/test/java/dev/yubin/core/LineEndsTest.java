package dev.yubin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time CR/LF search agrees with the octet-by-octet one everywhere. */
class LineEndsTest {

    @Test
    void agreesWithANaiveScan() {
        Random r = new Random(42);
        byte[] alphabet = {'a', '\r', '\n', (byte) 0x8d, (byte) 0x0c, 0, (byte) 0xff, '.'};
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[r.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
            }
            int from = a.length == 0 ? 0 : r.nextInt(a.length);
            int to = from + (a.length == from ? 0 : r.nextInt(a.length - from + 1));
            assertThat(LineEnds.cr(a, from, to)).isEqualTo(naive(a, from, to, false));
            assertThat(LineEnds.crOrLf(a, from, to)).isEqualTo(naive(a, from, to, true));
            assertThat(LineEnds.lf(a, from, to)).isEqualTo(naiveLf(a, from, to));
        }
    }

    private static int naiveLf(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    private static int naive(byte[] a, int from, int to, boolean lf) {
        for (int i = from; i < to; i++) {
            if (a[i] == '\r' || lf && a[i] == '\n') {
                return i;
            }
        }
        return to;
    }
}
