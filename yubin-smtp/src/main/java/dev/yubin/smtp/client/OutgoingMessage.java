package dev.yubin.smtp.client;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The octets the client transmits for a message: the stored body minus a leading
 * {@code Return-Path:} field, which only the final delivery adds (RFC 5321 §4.4: a relay must not
 * pass it on). The body is CRLF text as stored (the receiving side rejected bare line ends).
 */
public final class OutgoingMessage {
    /** A source of a fresh stream over the same bytes, opened once per attempt. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final Source source;
    private final long skip;
    private final long length;

    private OutgoingMessage(Source source, long skip, long length) {
        this.source = source;
        this.skip = skip;
        this.length = length;
    }

    /** Octets to transmit (what SIZE= and BDAT announce). */
    public long length() {
        return length;
    }

    /** A stream positioned after any Return-Path field. */
    public InputStream open() throws IOException {
        InputStream in = source.open();
        in.skipNBytes(skip);
        return in;
    }

    public static OutgoingMessage of(Source source, long size) throws IOException {
        long skip;
        try (InputStream in = source.open()) {
            skip = returnPathLength(in.readNBytes(8192));
        }
        return new OutgoingMessage(source, skip, size - skip);
    }

    /** Bodies up to this size are read once into memory (one store read per attempt instead of two). */
    static final long IN_MEMORY_MAX = 256 * 1024;

    public static OutgoingMessage fromBlob(BlobStore blobs, BlobId blob, long size) throws IOException {
        if (size <= IN_MEMORY_MAX) {
            byte[] bytes;
            try (InputStream in = blobs.open(blob)) {
                bytes = in.readAllBytes();
            }
            return fromBytes(bytes);
        }
        return of(() -> blobs.open(blob), size);
    }

    public static OutgoingMessage fromBytes(byte[] bytes) throws IOException {
        return of(() -> new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    /** Length of a leading Return-Path field with its folded lines, or 0. */
    public static long returnPathLength(byte[] head) {
        String name = "return-path:";
        if (head.length < name.length()
                || !new String(head, 0, name.length(), StandardCharsets.ISO_8859_1).equalsIgnoreCase(name)) {
            return 0;
        }
        for (int i = 0; i + 1 < head.length; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n') {
                boolean folded = i + 2 < head.length && (head[i + 2] == ' ' || head[i + 2] == '\t');
                if (!folded) {
                    return i + 2;
                }
            }
        }
        return 0;
    }
}
