package dev.yubin.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds CR and LF in message data eight octets at a time (the "has a zero byte" word trick), so
 * code that works on lines (DATA checks, POP3 byte-stuffing) touches each octet of a line only
 * through a word compare and a bulk copy, not through a per-octet state machine.
 */
public final class LineEnds {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;

    private LineEnds() {
    }

    /** Index of the first CR in {@code a[from, to)}, or {@code to} if none. */
    public static int cr(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ CRS;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                break;
            }
        }
        while (i < to && a[i] != '\r') {
            i++;
        }
        return i;
    }

    /** Index of the first LF in {@code a[from, to)}, or {@code to} if none. */
    public static int lf(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ LFS;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                break;
            }
        }
        while (i < to && a[i] != '\n') {
            i++;
        }
        return i;
    }

    /** Index of the first CR or LF in {@code a[from, to)}, or {@code to} if none. */
    public static int crOrLf(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long x = w ^ CRS;
            long y = w ^ LFS;
            if (((((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS) != 0) {
                break;
            }
        }
        while (i < to && a[i] != '\r' && a[i] != '\n') {
            i++;
        }
        return i;
    }
}
