package dev.yubin.imap.session;

import dev.yubin.imap.command.FetchItem;
import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.message.BodyPart;
import dev.yubin.message.MessageSummary;
import dev.yubin.message.TransferDecoding;
import dev.yubin.store.BlobStore;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Serves BODY[section], RFC822.*, BINARY[] and BINARY.SIZE from byte ranges of the stored blob. */
final class MessageFetcher {
    static final FetchItem.Section WHOLE = new FetchItem.Section("", FetchItem.Section.Text.ALL, List.of());
    static final FetchItem.Section HEADER = new FetchItem.Section("", FetchItem.Section.Text.HEADER, List.of());
    static final FetchItem.Section TEXT = new FetchItem.Section("", FetchItem.Section.Text.TEXT, List.of());

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MessageFetcher.class);

    private final BlobStore blobs;

    MessageFetcher(ImapSession s) {
        this.blobs = s.services().blobs();
    }

    /**
     * Writes {@code label literal}; the label defaults to {@code BODY[spec]<origin>}.
     */
    void section(ResponseWriter w, String label, MessageRecord r, MessageSummary summary, FetchItem.Section section,
                 long origin, long count) throws IOException {
        if (label == null) {
            w.ascii("BODY[").ascii(section.spec()).ch(']');
            if (origin >= 0) {
                w.ch('<').number(origin).ch('>');
            }
        } else {
            w.ascii(label);
        }
        w.sp();
        BodySections.Range range;
        if (summary == null) {
            if (section.part().isEmpty() && section.text() == FetchItem.Section.Text.ALL) {
                range = new BodySections.Range(0, r.size(), null, false);
            } else {
                // no summary (legacy or damaged): treat the whole message as its own header
                range = section.text() == FetchItem.Section.Text.TEXT ? new BodySections.Range(r.size(), r.size(), null,
                        false) : new BodySections.Range(0, r.size(), null, false);
            }
        } else {
            range = BodySections.range(section, summary, r.size());
        }
        if (range == null) {
            w.nil();
            return;
        }
        if (range.filtered()) {
            byte[] header = read(r, range.start(), range.length());
            byte[] data = BodySections.filterHeader(header, range.fields(), range.exclude());
            writePartial(w, data, origin, count);
            return;
        }
        long start = range.start();
        long len = range.length();
        if (origin >= 0) {
            long o = Math.min(origin, len);
            start += o;
            len = Math.min(len - o, count);
        }
        if (len == 0) {
            w.literalHeader(0);
            return;
        }
        InputStream in = open(r);
        if (in == null) {
            w.nil();
            return;
        }
        try (in) {
            w.literalHeader(len);
            in.skipNBytes(start);
            w.copy(in, len);
        }
    }

    /** Opens the message body, or logs and returns null when it cannot be read (ours: a lost blob). */
    private InputStream open(MessageRecord r) {
        try {
            return blobs.open(r.blob());
        } catch (IOException e) {
            LOG.error("event=imap.blob_unreadable blob={} uid={} error={}", r.blob(), r.uid(), e.toString());
            return null;
        }
    }

    private static void writePartial(ResponseWriter w, byte[] data, long origin, long count) throws IOException {
        int start = 0;
        int len = data.length;
        if (origin >= 0) {
            start = (int) Math.min(origin, data.length);
            len = (int) Math.min(data.length - start, count);
        }
        w.literalHeader(len).bytes(data, start, len);
    }

    private byte[] read(MessageRecord r, long start, long len) throws IOException {
        InputStream opened = open(r);
        if (opened == null) {
            return new byte[0];
        }
        try (InputStream in = opened) {
            in.skipNBytes(start);
            return in.readNBytes((int) Math.min(len, Integer.MAX_VALUE - 16));
        }
    }

    /** {@code BINARY[part]<origin>} with the content-transfer-encoding removed (RFC 3516 §4.2). */
    void binary(ResponseWriter w, MessageRecord r, MessageSummary summary, String part, long origin, long count)
            throws IOException {
        w.ascii("BINARY[").ascii(part).ch(']');
        if (origin >= 0) {
            w.ch('<').number(origin).ch('>');
        }
        w.sp();
        byte[] data = decoded(r, summary, part);
        if (data == null) {
            w.nil();
            return;
        }
        int start = 0;
        int len = data.length;
        if (origin >= 0) {
            start = (int) Math.min(origin, data.length);
            len = (int) Math.min(data.length - start, count);
        }
        boolean nul = false;
        for (int i = start; i < start + len && !nul; i++) {
            nul = data[i] == 0;
        }
        if (nul) {
            w.literal8Header(len); // RFC 3516 §4.2: literal8 when the data contains NUL
        } else {
            w.literalHeader(len);
        }
        w.bytes(data, start, len);
    }

    void binarySize(ResponseWriter w, MessageRecord r, MessageSummary summary, String part) throws IOException {
        w.ascii("BINARY.SIZE[").ascii(part).ascii("] ");
        if (part.isEmpty()) {
            w.number(r.size());
            return;
        }
        byte[] data = decoded(r, summary, part);
        if (data == null) {
            w.nil();
        } else {
            w.number(data.length);
        }
    }

    private byte[] decoded(MessageRecord r, MessageSummary summary, String part) throws IOException {
        if (part.isEmpty()) {
            return read(r, 0, r.size());
        }
        if (summary == null) {
            return null;
        }
        BodyPart p = summary.part(part).orElse(null);
        if (p == null || p.isMultipart()) {
            return null;
        }
        InputStream opened = open(r);
        if (opened == null) {
            return null;
        }
        try (InputStream in = opened) {
            in.skipNBytes(p.bodyStart());
            InputStream body = new java.io.ByteArrayInputStream(in.readNBytes((int) (p.end() - p.bodyStart())));
            return TransferDecoding.decode(body, p.encoding()).readAllBytes();
        }
    }
}
