package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import dev.yubin.store.TextExtractor;
import dev.yubin.store.TextScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deferred full-text index. Accepting a message only marks its blob pending; this indexer
 * reads pending bodies, has the {@link TextExtractor} decode their text (on its own thread, not the
 * writer's), and hands the texts to the writer in slices small enough that a delivery arriving
 * meanwhile waits at most about one slice (~10 ms of trigram work).
 *
 * <p>It runs only while the writer is quiet: the writer wakes it after {@link SqlWriter#IDLE_MILLIS}
 * without work, and it goes on slice after slice only while nothing but its own slices reached the
 * writer. Searches scan the pending messages of their mailbox with the same extractor, so results
 * never miss a committed message.
 *
 * <p>Thread: {@code yubin-store-index} (daemon), stopped by {@link #close}. With
 * {@link TextExtractor#NONE} (the CLI) it never starts and searches see indexed messages only.
 */
final class TextIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextIndexer.class);
    /** Blobs read per slice at most. */
    private static final int SLICE_ROWS = 64;
    /** Characters of text indexed per slice (trigram insertion is the writer's cost). */
    private static final int SLICE_CHARS = 48 * 1024;
    /**
     * Octets of a body given to the extractor at most: its text budget is far smaller, and a huge
     * attachment must not make an index pass or a search hold the whole message in memory.
     */
    static final int MAX_EXTRACT_BYTES = 8 << 20;

    /** A blob waiting for indexing. */
    record Pending(long blobId, String name, long size) {
    }

    /** A pending blob's extracted text. */
    record Extracted(long blobId, TextExtractor.Text text) {
    }

    /** A message of a mailbox whose blob is not indexed yet. */
    record Unindexed(long uid, String blobName) {
    }

    private final Db db;
    private final SqliteBlobStore blobs;
    private final TextExtractor extractor;
    private final SqlWriter writer;
    private final Object lock = new Object();
    private boolean kicked;
    private volatile boolean closed;
    private final Thread thread;

    TextIndexer(Db db, SqliteBlobStore blobs, TextExtractor extractor, SqlWriter writer) {
        this.db = db;
        this.blobs = blobs;
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.writer = writer;
        if (extractor == TextExtractor.NONE) {
            thread = null;
            return;
        }
        thread = new Thread(this::loop, "yubin-store-index");
        thread.setDaemon(true);
        thread.start();
        writer.onIdle(this::kick, thread);
    }

    /** Wakes the indexer (the writer calls this when it has been idle); never blocks. */
    void kick() {
        synchronized (lock) {
            kicked = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        while (!closed) {
            synchronized (lock) {
                while (!kicked && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        if (closed) {
                            return;
                        }
                    }
                }
                kicked = false;
            }
            try {
                while (!closed && indexSlice() > 0 && writer.quietFor(SqlWriter.IDLE_MILLIS)) {
                    // next slice at once: nothing else is waiting for the writer
                }
            } catch (RuntimeException e) {
                LOG.warn("event=store.index_failed", e);
            }
        }
    }

    /** Indexes one slice; returns the blobs indexed, 0 when nothing was pending. */
    int indexSlice() {
        List<Pending> pending = db.read(h -> db.dialect.pending(h, SLICE_ROWS));
        if (pending.isEmpty()) {
            return 0;
        }
        List<Extracted> texts = new ArrayList<>(pending.size());
        long chars = 0;
        for (Pending p : pending) {
            TextExtractor.Text t = textOf(p.name());
            t = t == null ? new TextExtractor.Text("", "") : t;
            texts.add(new Extracted(p.blobId(), t));
            chars += t.headers().length() + t.body().length();
            if (chars >= SLICE_CHARS) {
                break;
            }
        }
        db.writeVoid(tx -> db.dialect.index(tx.handle, texts));
        return texts.size();
    }

    /** Indexes everything pending now (the CLI's {@code index} command, tests); returns the blobs indexed. */
    int catchUp() {
        if (extractor == TextExtractor.NONE) {
            throw new IllegalStateException("no text extractor configured");
        }
        int total = 0;
        for (int n = indexSlice(); n > 0; n = indexSlice()) {
            total += n;
        }
        return total;
    }

    /**
     * UIDs of the mailbox's messages whose text in {@code scope} contains {@code needle} ignoring
     * case: the index for indexed messages (needles of three characters or more), the extractor
     * for the rest.
     */
    List<Long> search(long mailboxId, String needle, TextScope scope) {
        boolean indexable = needle.codePointCount(0, needle.length()) >= 3;
        List<Long> hits = new ArrayList<>();
        List<Unindexed> scan;
        if (indexable) {
            // one snapshot, so a blob indexed between the two reads is seen exactly once
            record Split(List<Long> indexed, List<Unindexed> rest) {
            }
            Split split = db.snapshot(h -> new Split(db.dialect.searchIndexed(h, mailboxId, needle, scope),
                    db.dialect.unindexed(h, mailboxId)));
            hits.addAll(split.indexed());
            scan = split.rest();
        } else {
            // no trigram in the needle: the index cannot help, every message is read (rare: IMAP
            // clients search words)
            scan = db.read(h -> h.createQuery("SELECT m.uid, b.name FROM messages m JOIN blobs b ON b.id = m.blob_id"
                            + " WHERE m.mailbox_id = :mb ORDER BY m.uid")
                    .bind("mb", mailboxId).map((rs, ctx) -> new Unindexed(rs.getLong(1), rs.getString(2))).list());
        }
        for (Unindexed u : scan) {
            TextExtractor.Text t = textOf(u.blobName());
            if (t != null && (SqliteFunctions.containsIgnoreCase(t.body(), needle)
                    || scope == TextScope.TEXT && SqliteFunctions.containsIgnoreCase(t.headers(), needle))) {
                hits.add(u.uid());
            }
        }
        if (!scan.isEmpty() && indexable) {
            hits.sort(null);
        }
        return hits;
    }

    /** The extractor's text of a stored body; null if it cannot be read or this process does not extract. */
    private TextExtractor.Text textOf(String blobName) {
        try (InputStream in = blobs.open(new BlobId(blobName))) {
            return extractor.extract(new java.io.FilterInputStream(in) {
                private long left = MAX_EXTRACT_BYTES;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    left--;
                    return super.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            });
        } catch (NoSuchFileException e) {
            return null; // deleted meanwhile
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=store.text_extract_failed blob={} error=\"{}\"", blobName, e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            kick();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
