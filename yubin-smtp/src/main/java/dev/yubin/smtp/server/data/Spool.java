package dev.yubin.smtp.server.data;

import dev.yubin.core.LineEnds;

import dev.yubin.smtp.server.MessageSource;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Receives the octets of one message (after dot-unstuffing, or raw BDAT chunks), checks them as
 * they pass, and keeps them: in memory up to a limit, beyond it streamed into a
 * {@link BlobStore.Writer}, so a big message never sits whole in the heap.
 *
 * <p>Checks: every line ends with CRLF (RFC 5321 §2.3.8; a bare CR or LF marks the message bad,
 * which is what stops SMTP smuggling), no line over the text-line limit (RFC 5321 §4.5.3.1.6),
 * total size (RFC 1870), and it counts {@code Received:} fields of the header section (loop
 * detection, RFC 5321 §6.3). After the first problem the rest is read but not kept.
 *
 * <p>The message starts with our trace header fields ({@link #begin}); filter header fields are
 * inserted after the {@code Return-Path:} line. One spool per session, reused by each
 * transaction; not thread-safe.
 */
public final class Spool {

    /** Why a received message cannot be accepted; NONE while it can. */
    public enum Problem { NONE, BARE_LINE_END, LINE_TOO_LONG, TOO_BIG }

    private static final int INITIAL_CAPACITY = 8 * 1024;
    private static final int RETAINED_CAPACITY = 64 * 1024;
    private static final byte[] RECEIVED = "received:".getBytes(StandardCharsets.US_ASCII);

    private final BlobStore blobs;
    private final long maxBodySize;
    private final int maxLineLength;
    private final int memoryLimit;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private final byte[] readBuffer = new byte[16 * 1024];
    private int len;
    private int returnPathLength;
    private long bodySize;
    private long spilled;
    private int lineLength;
    private boolean pendingCr;
    private boolean inHeaders;
    private int receivedMatch;
    private int receivedCount;
    private Problem problem = Problem.NONE;
    private BlobStore.Writer writer;
    private OutputStream out;

    public Spool(BlobStore blobs, long maxBodySize, int maxLineLength, int memoryLimit) {
        this.blobs = blobs;
        this.maxBodySize = maxBodySize;
        this.maxLineLength = maxLineLength;
        this.memoryLimit = Math.max(memoryLimit, INITIAL_CAPACITY);
    }

    /** Starts a message with the trace fields: {@code returnPath} (one line) then {@code trace}. */
    public void begin(String returnPath, String trace) {
        abandon();
        byte[] rp = returnPath.getBytes(StandardCharsets.UTF_8);
        byte[] tr = trace.getBytes(StandardCharsets.UTF_8);
        ensure(rp.length + tr.length);
        System.arraycopy(rp, 0, buf, 0, rp.length);
        System.arraycopy(tr, 0, buf, rp.length, tr.length);
        len = rp.length + tr.length;
        returnPathLength = rp.length;
        inHeaders = true;
    }

    /** Octets of client data (a run between stuffed dots, or part of a BDAT chunk). */
    public void write(byte[] data, int off, int n) throws IOException {
        if (problem != Problem.NONE || n == 0) {
            return;
        }
        bodySize += n;
        if (bodySize > maxBodySize) {
            problem = Problem.TOO_BIG; // RFC 1870 §6.3
            return;
        }
        int end = off + n;
        int line = lineLength;
        int i = off;
        while (i < end) {
            if (pendingCr) {
                pendingCr = false;
                if (data[i] != '\n') {
                    problem = Problem.BARE_LINE_END; // RFC 5321 §2.3.8
                    return;
                }
                if (inHeaders && line == 0) {
                    inHeaders = false;
                }
                line = 0;
                receivedMatch = 0;
                i++;
            } else if (inHeaders) {
                byte b = data[i++]; // the header section octet by octet: it counts Received: fields
                if (b == '\r') {
                    pendingCr = true;
                } else if (b == '\n') {
                    problem = Problem.BARE_LINE_END; // RFC 5321 §2.3.8
                    return;
                } else {
                    if (++line > maxLineLength) {
                        problem = Problem.LINE_TOO_LONG; // RFC 5321 §4.5.3.1.6
                        return;
                    }
                    if (receivedMatch >= 0) {
                        matchReceived(b);
                    }
                }
            } else {
                int stop = LineEnds.crOrLf(data, i, end); // the body: straight to the next line end
                line += stop - i;
                if (line > maxLineLength) {
                    problem = Problem.LINE_TOO_LONG; // RFC 5321 §4.5.3.1.6
                    return;
                }
                if (stop == end) {
                    break;
                }
                if (data[stop] == '\n') {
                    problem = Problem.BARE_LINE_END; // RFC 5321 §2.3.8
                    return;
                }
                pendingCr = true;
                i = stop + 1;
            }
        }
        lineLength = line;
        append(data, off, n);
    }

    /** Counts header lines that start with {@code Received:} (any case). */
    private void matchReceived(byte b) {
        int lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
        if (lower == RECEIVED[receivedMatch]) {
            if (++receivedMatch == RECEIVED.length) {
                receivedCount++;
                receivedMatch = -1;
            }
        } else {
            receivedMatch = -1;
        }
    }

    /** The client says the message is complete: a trailing CR without LF is bare. */
    public void endOfData() {
        if (pendingCr && problem == Problem.NONE) {
            problem = Problem.BARE_LINE_END;
        }
    }

    private void append(byte[] data, int off, int n) throws IOException {
        if (len + n > buf.length && buf.length < memoryLimit) {
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(memoryLimit, Math.max(len + n, buf.length * 2L)));
        }
        if (len + n > buf.length) {
            spill(); // past the memory limit: stream on into the blob
            if (n >= buf.length) {
                out.write(data, off, n);
                spilled += n;
                return;
            }
        }
        System.arraycopy(data, off, buf, len, n);
        len += n;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
        }
    }

    private void spill() throws IOException {
        if (writer == null) {
            writer = blobs.create();
            out = writer.stream();
        }
        out.write(buf, 0, len);
        spilled += len;
        len = 0;
    }

    /** Scratch space for the readers that feed this spool (one per session, reused per message). */
    public byte[] readBuffer() {
        return readBuffer;
    }

    public Problem problem() {
        return problem;
    }

    public int receivedCount() {
        return receivedCount;
    }

    /** Octets of client data received so far. */
    public long bodySize() {
        return bodySize;
    }

    /** True while the whole message (trace fields included) is in {@link #bytes()}. */
    public boolean inMemory() {
        return writer == null;
    }

    /** The message so far; valid while {@link #inMemory()}, until the next change. */
    public byte[] bytes() {
        return buf;
    }

    /** Octets of the whole message, trace and filter fields included. */
    public long size() {
        return spilled + len;
    }

    /** Reads the in-memory message. */
    public MessageSource memorySource() {
        if (!inMemory()) {
            throw new IllegalStateException("message is not in memory");
        }
        byte[] b = buf;
        int n = len;
        return new MessageSource() {
            @Override
            public long size() {
                return n;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(b, 0, n);
            }

            @Override
            public byte[] readAllBytes() {
                return java.util.Arrays.copyOf(b, n);
            }
        };
    }

    /** Inserts header fields right after the {@code Return-Path:} line (in-memory messages only). */
    public void insertHeaders(List<String> headers) {
        if (headers.isEmpty()) {
            return;
        }
        if (!inMemory()) {
            throw new IllegalStateException("message is not in memory");
        }
        byte[] fields = joinFields(headers);
        ensure(len + fields.length);
        System.arraycopy(buf, returnPathLength, buf, returnPathLength + fields.length, len - returnPathLength);
        System.arraycopy(fields, 0, buf, returnPathLength, fields.length);
        len += fields.length;
    }

    /** Drops the header fields whose text is in {@code remove} ({@link HeaderEdit}; in-memory messages only). */
    public void removeFields(java.util.Set<String> remove) throws IOException {
        if (remove.isEmpty()) {
            return;
        }
        if (!inMemory()) {
            throw new IllegalStateException("message is not in memory");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(len);
        HeaderEdit.copyWithout(new java.io.ByteArrayInputStream(buf, 0, len), out, remove);
        byte[] edited = out.toByteArray();
        System.arraycopy(edited, 0, buf, 0, edited.length);
        len = edited.length;
    }

    /** Octets of the {@code Return-Path:} line at the start of the message. */
    public int returnPathLength() {
        return returnPathLength;
    }

    public static byte[] joinFields(List<String> headers) {
        StringBuilder sb = new StringBuilder();
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Makes the message durable (write, fsync, rename: {@link BlobStore.Writer#commit()}). */
    public BlobId commit() throws IOException {
        if (problem != Problem.NONE) {
            throw new IllegalStateException("message has a problem: " + problem);
        }
        if (writer == null) {
            writer = blobs.create();
            out = writer.stream();
        }
        try {
            out.write(buf, 0, len);
            out.flush();
            BlobId id = writer.commit();
            writer.close();
            return id;
        } finally {
            writer = null;
            out = null;
            reset();
        }
    }

    /** Drops the message being received, if any; the spool is then ready for the next one. */
    public void abandon() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the uncommitted blob is garbage either way; sweepOrphans removes leftovers
            }
            writer = null;
            out = null;
        }
        reset();
    }

    private void reset() {
        len = 0;
        returnPathLength = 0;
        bodySize = 0;
        spilled = 0;
        lineLength = 0;
        pendingCr = false;
        inHeaders = false;
        receivedMatch = 0;
        receivedCount = 0;
        problem = Problem.NONE;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[INITIAL_CAPACITY]; // one big message must not pin memory for the session
        }
    }
}
